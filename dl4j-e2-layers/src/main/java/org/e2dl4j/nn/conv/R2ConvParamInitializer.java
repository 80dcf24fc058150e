package org.e2dl4j.nn.conv;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.e2dl4j.math.kernel.LayerBasis;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Parameters of the steerable convolutions: "W", the basis weights in e2cnn's layout (pairs sorted by
 * representation names, then [outField][inField][element]), initialised by the layer's
 * {@link BasisInitialization} (e2cnn's generalized He rule by default, delta-orthogonal, or zeros) from a Java
 * RNG seeded by the network seed and the layer name (same values on every backend); and, when
 * the layer has a bias, "b", one per trivial irrep of the output type, set to the configured bias init
 * (default 0). Both are views of the layer's slice of the network's flat parameter vector.
 */
final class R2ConvParamInitializer implements ParamInitializer {

    /** The shared instance. */
    public static final R2ConvParamInitializer INSTANCE = new R2ConvParamInitializer();

    /** Key of the basis weights. */
    public static final String WEIGHT_KEY = "W";
    /** Key of the bias parameters. */
    public static final String BIAS_KEY = "b";

    private R2ConvParamInitializer() {
    }

    /** The layer's configuration, checked ({@code requireValid}) before any size is derived from it. */
    private static AbstractR2Conv conf(Layer layer) {
        AbstractR2Conv c = (AbstractR2Conv) layer;
        c.requireValid(-1);
        return c;
    }

    @Override
    public long numParams(NeuralNetConfiguration conf) {
        return numParams(conf.getLayer());
    }

    @Override
    public long numParams(Layer layer) {
        AbstractR2Conv c = conf(layer);
        LayerBasis basis = c.layerBasis();
        return (long) basis.dimension() + (c.hasBiasParams() ? basis.biasDimension() : 0);
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
            AbstractR2Conv c = conf(conf.getLayer());
            c.checkWeightInit();
            Random rnd = new Random(conf.getSeed() * 31 + (c.getLayerName() == null ? 0 : c.getLayerName().hashCode()));
            INDArray w = params.get(WEIGHT_KEY);
            switch (c.getInitialization()) {
                case GENERALIZED_HE -> w.assign(Nd4j.createFromArray(c.layerBasis().heInit(rnd)).castTo(w.dataType()));
                case DELTA_ORTHOGONAL -> w.assign(Nd4j.createFromArray(c.layerBasis().deltaOrthogonalInit(rnd))
                        .castTo(w.dataType()));
                case NONE -> w.assign(0);
            }
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
            throw new IllegalStateException(conf(layer) + ": parameter view has " + flat.length() + " values, expected "
                    + expected);
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
