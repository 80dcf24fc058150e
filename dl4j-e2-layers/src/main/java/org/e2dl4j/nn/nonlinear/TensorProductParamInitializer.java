package org.e2dl4j.nn.nonlinear;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The parameter of {@link TensorProductModule}: "W", the intertwiner coefficients [field][element] (escnn's
 * {@code weights}), a weight parameter initialised with escnn's generalized He rule from a Java RNG seeded by the
 * network seed and the layer name (same values on every backend); a view of the layer's slice of the network's flat
 * parameter vector.
 */
final class TensorProductParamInitializer implements ParamInitializer {

    static final TensorProductParamInitializer INSTANCE = new TensorProductParamInitializer();

    /** Key of the basis coefficients. */
    static final String WEIGHT_KEY = "W";

    private TensorProductParamInitializer() {
    }

    private static TensorProductModule conf(Layer layer) {
        TensorProductModule c = (TensorProductModule) layer;
        c.requireValid(-1);
        return c;
    }

    @Override
    public long numParams(NeuralNetConfiguration conf) {
        return numParams(conf.getLayer());
    }

    @Override
    public long numParams(Layer layer) {
        return conf(layer).layerBasis().dimension();
    }

    @Override
    public List<String> paramKeys(Layer layer) {
        return List.of(WEIGHT_KEY);
    }

    @Override
    public List<String> weightKeys(Layer layer) {
        return List.of(WEIGHT_KEY);
    }

    @Override
    public List<String> biasKeys(Layer layer) {
        return Collections.emptyList();
    }

    @Override
    public boolean isWeightParam(Layer layer, String key) {
        return WEIGHT_KEY.equals(key);
    }

    @Override
    public boolean isBiasParam(Layer layer, String key) {
        return false;
    }

    @Override
    public Map<String, INDArray> init(NeuralNetConfiguration conf, INDArray paramsView, boolean initializeParams) {
        Map<String, INDArray> params = views(conf.getLayer(), paramsView);
        if (initializeParams) {
            TensorProductModule c = conf(conf.getLayer());
            Random rnd = new Random(conf.getSeed() * 31 + (c.getLayerName() == null ? 0 : c.getLayerName().hashCode()));
            INDArray w = params.get(WEIGHT_KEY);
            w.assign(Nd4j.createFromArray(c.layerBasis().heInit(rnd)).castTo(w.dataType()));
        }
        conf.addVariable(WEIGHT_KEY);
        return params;
    }

    @Override
    public Map<String, INDArray> getGradientsFromFlattened(NeuralNetConfiguration conf, INDArray gradientView) {
        return views(conf.getLayer(), gradientView);
    }

    private Map<String, INDArray> views(Layer layer, INDArray flat) {
        long expected = numParams(layer);
        if (flat.length() != expected) {
            throw new IllegalStateException(conf(layer).describe() + ": parameter view has " + flat.length()
                    + " values, expected " + expected);
        }
        return Map.of(WEIGHT_KEY, flat.reshape(flat.length()));
    }
}
