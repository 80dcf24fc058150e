package org.e2dl4j.nn.nonlinear;

import java.util.Random;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The parameter of the gated nonlinearities: "b", the bias subtracted from each gate field before the
 * sigmoid, one per gate field in input order, drawn from a standard normal as in e2cnn (a Java RNG seeded by
 * the network seed and the layer name, so the values are the same on every backend).
 */
final class GateParamInitializer extends BiasVectorInitializer {

    /** The shared instance. */
    public static final GateParamInitializer INSTANCE = new GateParamInitializer();

    /** Key of the gate bias vector. */
    public static final String BIAS_KEY = "b";

    private GateParamInitializer() {
    }

    @Override
    String key() {
        return BIAS_KEY;
    }

    @Override
    int count(Layer layer) {
        return ((AbstractGatedNonLinearity) layer).gateCount();
    }

    @Override
    void initialize(NeuralNetConfiguration conf, INDArray vector) {
        standardNormal(conf, vector);
    }

    /** Fills the vector with standard normal values of a Java RNG seeded by the network seed and the layer name. */
    static void standardNormal(NeuralNetConfiguration conf, INDArray vector) {
        String name = conf.getLayer().getLayerName();
        Random rnd = new Random(conf.getSeed() * 31 + (name == null ? 0 : name.hashCode()));
        double[] values = new double[(int) vector.length()];
        for (int i = 0; i < values.length; i++) {
            values[i] = rnd.nextGaussian();
        }
        vector.assign(Nd4j.createFromArray(values).castTo(vector.dataType()));
    }
}
