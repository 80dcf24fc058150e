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
 * Parameters of the equivariant batch normalizations, under the keys of DL4J's {@code BatchNormalization}, in
 * this order, each a view of the layer's slice of the network's flat parameter vector:
 * <ul>
 *   <li>"gamma": one scale per block, initially 1 (when affine);</li>
 *   <li>"beta": one bias per centred block, initially 0 (when affine and some block is centred);</li>
 *   <li>"mean": running mean per centred block, initially 0 (when running statistics are tracked);</li>
 *   <li>"var": running variance per block, initially 1 (when running statistics are tracked).</li>
 * </ul>
 * As in DL4J's batch normalization, the running statistics live in the parameter vector (so they are saved,
 * restored and averaged with the network's parameters) but are neither weights nor biases: no regularization, a
 * NoOp updater and a zero gradient; the layer writes their new values directly during training
 * ({@link FieldBatchNormLayer}), so no gradient normalization, clipping or updater setting touches them.
 */
final class BatchNormParamInitializer implements ParamInitializer {

    /** The shared instance. */
    public static final BatchNormParamInitializer INSTANCE = new BatchNormParamInitializer();

    /** Key of the scales. */
    public static final String GAMMA = BatchNormalizationParamInitializer.GAMMA;
    /** Key of the biases. */
    public static final String BETA = BatchNormalizationParamInitializer.BETA;
    /** Key of the running means. */
    public static final String MEAN = BatchNormalizationParamInitializer.GLOBAL_MEAN;
    /** Key of the running variances. */
    public static final String VAR = BatchNormalizationParamInitializer.GLOBAL_VAR;

    private BatchNormParamInitializer() {
    }

    /** Whether {@code key} names a running statistic (not trained by gradient descent). */
    public static boolean isRunningStatistic(String key) {
        return MEAN.equals(key) || VAR.equals(key);
    }

    /** The layer's configuration, checked ({@code requireValid}) before any size is derived from it. */
    private static EquivariantBatchNorm conf(Layer layer) {
        EquivariantBatchNorm c = (EquivariantBatchNorm) layer;
        c.requireValid(-1);
        return c;
    }

    /** The parameter keys with their [offset, length], in order. */
    private static Map<String, int[]> ranges(Layer layer) {
        return ParamOffsets.of(conf(layer)).ranges(conf(layer).blockLayout());
    }

    @Override
    public long numParams(NeuralNetConfiguration conf) {
        return numParams(conf.getLayer());
    }

    @Override
    public long numParams(Layer layer) {
        return ParamOffsets.of(conf(layer)).total();
    }

    @Override
    public List<String> paramKeys(Layer layer) {
        return new ArrayList<>(ranges(layer).keySet());
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
        Map<String, int[]> ranges = ranges(layer);
        long expected = ParamOffsets.of(conf(layer)).total();
        Map<String, INDArray> views = new LinkedHashMap<>();
        if (expected == 0) {
            return views;
        }
        if (flat.length() != expected) {
            throw new IllegalStateException(conf(layer).describe() + ": parameter view has " + flat.length()
                    + " values, expected " + expected);
        }
        INDArray vector = flat.reshape(flat.length());
        for (Map.Entry<String, int[]> e : ranges.entrySet()) {
            int[] r = e.getValue();
            views.put(e.getKey(), vector.get(NDArrayIndex.interval(r[0], r[0] + r[1])));
        }
        return views;
    }
}
