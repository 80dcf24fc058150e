package org.e2dl4j.nn;

import java.util.Map;

import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.misc.FrozenLayerWithBackprop;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One stock DL4J layer of a layer's stock form ({@link StockExport}): its configuration, parameter values and, where the
 * layer needs its input reshaped (e.g. a feed-forward layer inside a convolutional network), the stock
 * preprocessor applied to its input.
 *
 * @param config       the stock layer configuration (classes of {@code org.deeplearning4j} / {@code org.nd4j} only)
 * @param params       parameter values by key of the stock layer's parameter table
 * @param preProcessor a stock preprocessor for the layer's input, or null for none
 */
public record ExportedLayer(Layer config, Map<String, INDArray> params, InputPreProcessor preProcessor) {

    public ExportedLayer {
        params = Map.copyOf(params);
    }

    /** A stock layer without an input preprocessor. */
    public ExportedLayer(Layer config, Map<String, INDArray> params) {
        this(config, params, null);
    }

    /**
     * A stock layer whose parameters keep the given values while the exported network trains (a blur, a pooling
     * matrix, a mask): {@code stock} inside a {@code FrozenLayerWithBackprop}, which passes dL/dx on to the layers
     * before it and zeroes the gradient of its own parameters. A NoOp updater alone does not hold them: DL4J then
     * subtracts the raw gradient (plain SGD at rate 1).
     */
    public static ExportedLayer fixed(Layer stock, Map<String, INDArray> params) {
        return new ExportedLayer(new FrozenLayerWithBackprop(stock), params);
    }

    /** The same layer with the given stock preprocessor on its input. */
    public ExportedLayer withPreProcessor(InputPreProcessor pre) {
        return new ExportedLayer(config, params, pre);
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
