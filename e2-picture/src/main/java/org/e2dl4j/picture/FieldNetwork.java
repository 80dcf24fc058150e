package org.e2dl4j.picture;

import java.util.Objects;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A fully convolutional network from one grey-scale channel to the three channels (s, v_x, v_y) of
 * {@link FeatureFields}, with the label the picture shows for it: any network of this library (or a stock DL4J
 * one) whose output channels read as one scalar and one vector field.
 *
 * <p>Draws: nothing itself; its output fields are what {@link FrameRenderer} draws.
 *
 * @param label   what the picture calls it, e.g. "steerable CNN (C16)"
 * @param network input [1, 1, H, W], output [1, 3, H, W]
 */
public record FieldNetwork(String label, MultiLayerNetwork network) {

    public FieldNetwork {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(network, "network");
    }

    /** The network's output fields for the image. */
    public FeatureFields apply(DiskImage image) {
        INDArray out = network.output(image.featureMap(network.getLayerWiseConfigurations().getDataType()));
        return FeatureFields.of(out);
    }
}
