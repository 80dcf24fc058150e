package org.e2dl4j.samples.architectures;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;

/**
 * The trainable parameters of a network configuration, layer by layer, counted the way PyTorch's
 * {@code sum(p.numel() for p in model.parameters() if p.requires_grad)} counts them: every parameter a layer
 * updates, without the running statistics of batch normalizations (DL4J keeps them in the parameter vector with a
 * NoOp updater; PyTorch keeps them as buffers). Counted from the configuration: nothing is initialized.
 *
 * @param layers the layers that hold trainable parameters, in network order
 */
public record TrainableParameters(List<LayerCount> layers) {

    /**
     * The trainable parameters of one layer.
     *
     * @param name       the layer's name
     * @param parameters how many it trains
     */
    public record LayerCount(String name, long parameters) {
    }

    /** Copies the list. */
    public TrainableParameters {
        layers = List.copyOf(layers);
    }

    /** Counts the trainable parameters of every layer of {@code configuration}. */
    public static TrainableParameters of(MultiLayerConfiguration configuration) {
        List<LayerCount> counts = new ArrayList<>();
        for (NeuralNetConfiguration layerConfiguration : configuration.getConfs()) {
            long trainable = trainable(layerConfiguration);
            if (trainable > 0) {
                counts.add(new LayerCount(layerConfiguration.getLayer().getLayerName(), trainable));
            }
        }
        return new TrainableParameters(counts);
    }

    /**
     * Counts the trainable parameters of every layer vertex of {@code configuration}, in the order the vertices
     * were added; the other vertices (sums, subsets, merges) train nothing.
     */
    public static TrainableParameters of(ComputationGraphConfiguration configuration) {
        List<LayerCount> counts = new ArrayList<>();
        for (Map.Entry<String, GraphVertex> vertex : configuration.getVertices().entrySet()) {
            if (vertex.getValue() instanceof LayerVertex layer) {
                long trainable = trainable(layer.getLayerConf());
                if (trainable > 0) {
                    counts.add(new LayerCount(vertex.getKey(), trainable));
                }
            }
        }
        return new TrainableParameters(counts);
    }

    /** The total over all layers. */
    public long total() {
        return layers.stream().mapToLong(LayerCount::parameters).sum();
    }

    private static long trainable(NeuralNetConfiguration layerConfiguration) {
        Layer layer = layerConfiguration.getLayer();
        ParamInitializer initializer = layer.initializer();
        long all = initializer.numParams(layer);
        if (all == 0) {
            return 0;
        }
        Map<String, INDArray> views = initializer.init(layerConfiguration,
                Nd4j.createUninitialized(DataType.FLOAT, 1, all), false);
        long trainable = 0;
        for (Map.Entry<String, INDArray> view : views.entrySet()) {
            if (!(layer.getUpdaterByParam(view.getKey()) instanceof NoOp)) {
                trainable += view.getValue().length();
            }
        }
        return trainable;
    }
}
