package org.e2dl4j.nn;

import java.util.Map;

import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One stock DL4J layer produced by an {@link ExportRule}: its configuration and parameter values.
 *
 * @param config the stock layer configuration (classes of {@code org.deeplearning4j} / {@code org.nd4j} only)
 * @param params parameter values by key of the stock layer's parameter table
 */
public record ExportedLayer(Layer config, Map<String, INDArray> params) {

    public ExportedLayer {
        params = Map.copyOf(params);
    }

    /**
     * A stock layer that keeps the training settings of the layer it replaces: name, activation, updaters,
     * regularization, weight noise, gradient normalization, dropout, constraints and initializers are copied from
     * {@code source} into {@code stock}.
     */
    public static ExportedLayer replacing(BaseLayer source, BaseLayer stock, Map<String, INDArray> params) {
        stock.setLayerName(source.getLayerName());
        stock.setActivationFn(source.getActivationFn());
        stock.setIUpdater(source.getIUpdater());
        stock.setBiasUpdater(source.getBiasUpdater());
        stock.setRegularization(source.getRegularization());
        stock.setRegularizationBias(source.getRegularizationBias());
        stock.setWeightNoise(source.getWeightNoise());
        stock.setGradientNormalization(source.getGradientNormalization());
        stock.setGradientNormalizationThreshold(source.getGradientNormalizationThreshold());
        stock.setIDropout(source.getIDropout());
        stock.setConstraints(source.getConstraints());
        stock.setBiasInit(source.getBiasInit());
        stock.setGainInit(source.getGainInit());
        stock.setWeightInitFn(source.getWeightInitFn());
        return new ExportedLayer(stock, params);
    }
}
