package org.e2dl4j.nn.nonlinear;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.e2dl4j.nn.EquivariantLayer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The parameters of a nonlinearity whose only parameter is one bias vector (possibly empty): a single key,
 * a bias (not weight) parameter, viewed directly on the layer's slice of the network's flat parameters.
 */
abstract class BiasVectorInitializer implements ParamInitializer {

    /** The parameter key. */
    abstract String key();

    /** The length of the bias vector for a layer configuration (0 for none). */
    abstract int count(Layer layer);

    /** Sets the initial values of the vector (of length {@link #count}). */
    abstract void initialize(NeuralNetConfiguration conf, INDArray vector);

    @Override
    public long numParams(NeuralNetConfiguration conf) {
        return numParams(conf.getLayer());
    }

    @Override
    public long numParams(Layer layer) {
        return checkedCount(layer);
    }

    /** {@link #count(Layer)} of the layer's configuration, checked ({@code requireValid}) first. */
    private int checkedCount(Layer layer) {
        ((EquivariantLayer) layer).requireValid(-1);
        return count(layer);
    }

    @Override
    public List<String> paramKeys(Layer layer) {
        return checkedCount(layer) > 0 ? List.of(key()) : Collections.emptyList();
    }

    @Override
    public List<String> weightKeys(Layer layer) {
        return Collections.emptyList();
    }

    @Override
    public List<String> biasKeys(Layer layer) {
        return paramKeys(layer);
    }

    @Override
    public boolean isWeightParam(Layer layer, String key) {
        return false;
    }

    @Override
    public boolean isBiasParam(Layer layer, String key) {
        return key().equals(key);
    }

    @Override
    public Map<String, INDArray> init(NeuralNetConfiguration conf, INDArray paramsView, boolean initializeParams) {
        Map<String, INDArray> params = views(conf.getLayer(), paramsView);
        if (initializeParams && !params.isEmpty()) {
            initialize(conf, params.get(key()));
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
        int expected = checkedCount(layer);
        if (expected == 0) {
            return Collections.emptyMap();
        }
        if (flat == null || flat.length() != expected) {
            throw new IllegalStateException(layer.getClass().getSimpleName() + ": parameter view has "
                    + (flat == null ? "no" : String.valueOf(flat.length())) + " values, expected " + expected);
        }
        return Map.of(key(), flat.reshape(flat.length()));
    }
}
