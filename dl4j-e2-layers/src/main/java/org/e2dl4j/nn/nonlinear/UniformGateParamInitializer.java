package org.e2dl4j.nn.nonlinear;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The parameter of {@link GatedNonLinearityUniform}: "b", the bias subtracted from each gate channel, field by
 * field and gate by gate (escnn's {@code bias} of shape [1, fields, gates]), standard normal as in escnn (drawn as
 * {@link GateParamInitializer} draws, the same on every backend).
 */
final class UniformGateParamInitializer extends BiasVectorInitializer {

    /** The shared instance. */
    static final UniformGateParamInitializer INSTANCE = new UniformGateParamInitializer();

    private UniformGateParamInitializer() {
    }

    @Override
    String key() {
        return GateParamInitializer.BIAS_KEY;
    }

    @Override
    int count(Layer layer) {
        GatedNonLinearityUniform c = (GatedNonLinearityUniform) layer;
        return c.getInType().fieldCount() * c.gatesPerField();
    }

    @Override
    void initialize(NeuralNetConfiguration conf, INDArray vector) {
        GateParamInitializer.standardNormal(conf, vector);
    }
}
