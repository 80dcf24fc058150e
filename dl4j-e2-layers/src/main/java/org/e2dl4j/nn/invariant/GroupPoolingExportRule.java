package org.e2dl4j.nn.invariant;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.e2dl4j.nn.ExportRule;
import org.e2dl4j.nn.ExportedLayer;
import org.e2dl4j.nn.GroupPooling;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;

/**
 * Exports a {@link GroupPooling} to stock layers only: the {@link MaxTree} of its fields as 1x1
 * {@code ConvolutionLayer}s without bias (ReLU after every level but the last, NoOp updaters so that the fixed
 * weights stay fixed when the exported network is trained). A type of trivial fields only is the identity and
 * vanishes.
 */
public final class GroupPoolingExportRule implements ExportRule {

    @Override
    public Class<GroupPooling> configClass() {
        return GroupPooling.class;
    }

    @Override
    public List<ExportedLayer> export(org.deeplearning4j.nn.api.Layer layer) {
        GroupPooling c = (GroupPooling) layer.conf().getLayer();
        MaxTree tree = new MaxTree(GroupPoolingLayer.fieldSizes(c.getInType()));
        if (tree.reluLevels().isEmpty()) {
            return List.of();
        }
        List<ExportedLayer> parts = new ArrayList<>();
        String name = c.getLayerName();
        for (int i = 0; i < tree.reluLevels().size(); i++) {
            parts.add(conv1x1(name == null ? null : name + "_level" + i, tree.reluLevels().get(i), Activation.RELU));
        }
        parts.add(conv1x1(name, tree.readout(), Activation.IDENTITY));
        return parts;
    }

    private static ExportedLayer conv1x1(String name, double[][] matrix, Activation activation) {
        ConvolutionLayer conv = new ConvolutionLayer.Builder(1, 1).nIn(matrix[0].length).nOut(matrix.length)
                .stride(1, 1).padding(0, 0).convolutionMode(ConvolutionMode.Truncate).dataFormat(CNN2DFormat.NCHW)
                .hasBias(false).activation(activation).weightInit(WeightInit.ZERO).updater(new NoOp())
                .biasUpdater(new NoOp()).name(name).build();
        return new ExportedLayer(conv, Map.of("W", Nd4j.createFromArray(matrix).reshape(matrix.length,
                matrix[0].length, 1, 1)));
    }
}
