package org.e2dl4j.nn.linear;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Parameters of {@link Linear}: "W", the coefficients of the intertwiner basis in escnn's layout (pairs sorted by
 * representation names, then [outField][inField][element]), initialised with escnn's generalized He rule from a
 * Java RNG seeded by the network seed and the layer name (same values on every backend); and, when the layer has a
 * bias, "b", one per trivial irrep of the output type, set to the configured bias init (default 0, as escnn). Both
 * are views of the layer's slice of the network's flat parameter vector.
 */
final class LinearParamInitializer implements ParamInitializer {

    static final LinearParamInitializer INSTANCE = new LinearParamInitializer();

    /** Key of the basis coefficients. */
    static final String WEIGHT_KEY = "W";
    /** Key of the bias parameters. */
    static final String BIAS_KEY = "b";

    private LinearParamInitializer() {
    }

    private static Linear conf(Layer layer) {
        Linear c = (Linear) layer;
        c.requireValid(-1);
        return c;
    }

    @Override
    public long numParams(NeuralNetConfiguration conf) {
        return numParams(conf.getLayer());
    }

    @Override
    public long numParams(Layer layer) {
        Linear c = conf(layer);
        return (long) c.layerBasis().dimension() + (c.hasBiasParams() ? c.layerBasis().biasDimension() : 0);
    }

    @Override
    public List<String> paramKeys(Layer layer) {
        return conf(layer).hasBiasParams() ? List.of(WEIGHT_KEY, BIAS_KEY) : List.of(WEIGHT_KEY);
    }

    @Override
    public List<String> weightKeys(Layer layer) {
        return List.of(WEIGHT_KEY);
    }

    @Override
    public List<String> biasKeys(Layer layer) {
        return conf(layer).hasBiasParams() ? List.of(BIAS_KEY) : Collections.emptyList();
    }

    @Override
    public boolean isWeightParam(Layer layer, String key) {
        return WEIGHT_KEY.equals(key);
    }

    @Override
    public boolean isBiasParam(Layer layer, String key) {
        return BIAS_KEY.equals(key);
    }

    @Override
    public Map<String, INDArray> init(NeuralNetConfiguration conf, INDArray paramsView, boolean initializeParams) {
        Map<String, INDArray> params = views(conf.getLayer(), paramsView);
        if (initializeParams) {
            Linear c = conf(conf.getLayer());
            Random rnd = new Random(conf.getSeed() * 31 + (c.getLayerName() == null ? 0 : c.getLayerName().hashCode()));
            INDArray w = params.get(WEIGHT_KEY);
            w.assign(Nd4j.createFromArray(c.layerBasis().heInit(rnd)).castTo(w.dataType()));
            if (params.containsKey(BIAS_KEY)) {
                params.get(BIAS_KEY).assign(c.getBiasInit());
            }
        }
        for (String key : params.keySet()) {
            conf.addVariable(key);
        }
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
        INDArray vector = flat.reshape(flat.length());
        long weights = conf(layer).layerBasis().dimension();
        Map<String, INDArray> views = new LinkedHashMap<>();
        views.put(WEIGHT_KEY, vector.get(NDArrayIndex.interval(0, weights)));
        if (conf(layer).hasBiasParams()) {
            views.put(BIAS_KEY, vector.get(NDArrayIndex.interval(weights, expected)));
        }
        return views;
    }
}
