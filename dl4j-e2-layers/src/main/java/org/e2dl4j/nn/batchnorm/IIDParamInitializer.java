package org.e2dl4j.nn.batchnorm;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Parameters of {@link IIDBatchNorm}, under the keys of DL4J's {@code BatchNormalization}, in this order, each a view
 * of the layer's slice of the network's flat parameter vector (F fields, T trivial irreps, M channels of the fields
 * with a trivial irrep, see {@link IIDLayout}):
 * <ul>
 *   <li>"gamma": a scale per field, initially 1 (when affine);</li>
 *   <li>"beta": a bias per trivial irrep, initially 0 (when affine and T &gt; 0);</li>
 *   <li>"mean": the running mean of each of the M channels, initially 0 (when tracking and M &gt; 0);</li>
 *   <li>"var": the running variance per field, initially 1 (when tracking).</li>
 * </ul>
 * The running statistics are neither weights nor biases: no regularization, a NoOp updater, a zero gradient; the
 * layer writes them during training.
 */
final class IIDParamInitializer implements ParamInitializer {

    static final IIDParamInitializer INSTANCE = new IIDParamInitializer();

    static final String GAMMA = BatchNormalizationParamInitializer.GAMMA;
    static final String BETA = BatchNormalizationParamInitializer.BETA;
    static final String MEAN = BatchNormalizationParamInitializer.GLOBAL_MEAN;
    static final String VAR = BatchNormalizationParamInitializer.GLOBAL_VAR;

    private IIDParamInitializer() {
    }

    static boolean isRunningStatistic(String key) {
        return MEAN.equals(key) || VAR.equals(key);
    }

    private static IIDBatchNorm conf(Layer layer) {
        IIDBatchNorm c = (IIDBatchNorm) layer;
        c.requireValid(-1);
        return c;
    }

    /** The parameter keys with their lengths, in order. */
    static Map<String, Integer> lengths(IIDBatchNorm c) {
        IIDLayout layout = c.layout();
        Map<String, Integer> lengths = new LinkedHashMap<>();
        if (c.isAffine()) {
            lengths.put(GAMMA, layout.fields());
            if (layout.trivials() > 0) {
                lengths.put(BETA, layout.trivials());
            }
        }
        if (c.isTrackRunningStats()) {
            if (layout.centredChannelCount() > 0) {
                lengths.put(MEAN, layout.centredChannelCount());
            }
            lengths.put(VAR, layout.fields());
        }
        return lengths;
    }

    @Override
    public long numParams(NeuralNetConfiguration conf) {
        return numParams(conf.getLayer());
    }

    @Override
    public long numParams(Layer layer) {
        return lengths(conf(layer)).values().stream().mapToLong(Integer::longValue).sum();
    }

    @Override
    public List<String> paramKeys(Layer layer) {
        return new ArrayList<>(lengths(conf(layer)).keySet());
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
            params.forEach((key, view) -> view.assign(GAMMA.equals(key) || VAR.equals(key) ? 1.0 : 0.0));
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
        Map<String, Integer> lengths = lengths(conf(layer));
        long expected = lengths.values().stream().mapToLong(Integer::longValue).sum();
        Map<String, INDArray> views = new LinkedHashMap<>();
        if (expected == 0) {
            return views;
        }
        if (flat.length() != expected) {
            throw new IllegalStateException(conf(layer).describe() + ": parameter view has " + flat.length()
                    + " values, expected " + expected);
        }
        INDArray vector = flat.reshape(flat.length());
        long at = 0;
        for (Map.Entry<String, Integer> e : lengths.entrySet()) {
            views.put(e.getKey(), vector.get(NDArrayIndex.interval(at, at + e.getValue())));
            at += e.getValue();
        }
        return views;
    }
}
