package org.e2dl4j.nn.normalization;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Parameters of the per-sample normalizations (when affine), under the keys of DL4J's normalization layers, in this
 * order, each a view of the layer's slice of the network's flat parameter vector: "gamma", one weight per field
 * (initially 1), and "beta", one bias per trivial irrep, field by field in the irrep order of each field (initially
 * 0; absent without trivial irreps). As in DL4J's batch normalization they are neither weights nor biases for
 * regularization.
 */
final class AffineParamInitializer implements ParamInitializer {

    /** The shared instance. */
    static final AffineParamInitializer INSTANCE = new AffineParamInitializer();

    /** Key of the per-field weights. */
    static final String GAMMA = "gamma";
    /** Key of the biases of the trivial irreps. */
    static final String BETA = "beta";

    private AffineParamInitializer() {
    }

    private static SampleNormalization conf(Layer layer) {
        SampleNormalization c = (SampleNormalization) layer;
        c.requireValid(-1);
        return c;
    }

    /** The keys with their lengths, in order; only non-empty ones. */
    private static Map<String, Integer> lengths(Layer layer) {
        SampleNormalization c = conf(layer);
        Map<String, Integer> lengths = new LinkedHashMap<>();
        if (c.weightCount() > 0) {
            lengths.put(GAMMA, c.weightCount());
        }
        if (c.biasCount() > 0) {
            lengths.put(BETA, c.biasCount());
        }
        return lengths;
    }

    @Override
    public long numParams(NeuralNetConfiguration conf) {
        return numParams(conf.getLayer());
    }

    @Override
    public long numParams(Layer layer) {
        return lengths(layer).values().stream().mapToLong(Integer::longValue).sum();
    }

    @Override
    public List<String> paramKeys(Layer layer) {
        return new ArrayList<>(lengths(layer).keySet());
    }

    @Override
    public List<String> weightKeys(Layer layer) {
        return Collections.emptyList();
    }

    @Override
    public List<String> biasKeys(Layer layer) {
        return Collections.emptyList();
    }

    @Override
    public boolean isWeightParam(Layer layer, String key) {
        return false;
    }

    @Override
    public boolean isBiasParam(Layer layer, String key) {
        return false;
    }

    @Override
    public Map<String, INDArray> init(NeuralNetConfiguration conf, INDArray paramsView, boolean initializeParams) {
        Map<String, INDArray> params = views(conf.getLayer(), paramsView);
        if (initializeParams) {
            params.forEach((key, view) -> view.assign(GAMMA.equals(key) ? 1.0 : 0.0));
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

    private static Map<String, INDArray> views(Layer layer, INDArray flat) {
        Map<String, Integer> lengths = lengths(layer);
        long expected = lengths.values().stream().mapToLong(Integer::longValue).sum();
        Map<String, INDArray> views = new LinkedHashMap<>();
        if (expected == 0) {
            return views;
        }
        if (flat == null || flat.length() != expected) {
            throw new IllegalStateException(conf(layer).describe() + ": parameter view has "
                    + (flat == null ? "no" : String.valueOf(flat.length())) + " values, expected " + expected);
        }
        INDArray vector = flat.reshape(flat.length());
        int at = 0;
        for (Map.Entry<String, Integer> e : lengths.entrySet()) {
            views.put(e.getKey(), vector.get(NDArrayIndex.interval(at, at + e.getValue())));
            at += e.getValue();
        }
        return views;
    }
}
