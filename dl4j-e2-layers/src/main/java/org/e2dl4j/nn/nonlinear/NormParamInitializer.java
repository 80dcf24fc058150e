package org.e2dl4j.nn.nonlinear;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The parameter of the norm nonlinearities: "logBias", the logarithm of the per-field bias b = exp(logBias)
 * (e2cnn's {@code log_bias}), one per field in e2cnn's order (fields sorted stably by size and sub-field
 * size), initialised to 0 (b = 1) as in e2cnn; absent without bias.
 */
final class NormParamInitializer extends BiasVectorInitializer {

    /** The shared instance. */
    public static final NormParamInitializer INSTANCE = new NormParamInitializer();

    /** Key of the log-bias vector. */
    public static final String LOG_BIAS_KEY = "logBias";

    private NormParamInitializer() {
    }

    @Override
    String key() {
        return LOG_BIAS_KEY;
    }

    @Override
    int count(Layer layer) {
        return ((AbstractNormNonLinearity) layer).biasCount();
    }

    @Override
    void initialize(NeuralNetConfiguration conf, INDArray vector) {
        vector.assign(0);
    }
}
