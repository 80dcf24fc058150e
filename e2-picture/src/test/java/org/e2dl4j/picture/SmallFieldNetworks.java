package org.e2dl4j.picture;

import java.util.List;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.conv.R2Conv;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.NoOp;

/**
 * Two small randomly initialized {@link FieldNetwork}s for the tests, two 5 x 5 convolutions each ("same" zero
 * padding, no bias): a steerable one on {@code rot2dOnR2(8)} (one trivial field -> 2 regular fields, ReLU ->
 * one trivial + one irrep(1) field) and a conventional one (1 -> 8 channels, ReLU -> 3).
 */
final class SmallFieldNetworks {

    private static final int KERNEL = 5;
    private static final int NOMINAL_SIDE = 25;

    private SmallFieldNetworks() {
    }

    /** Both networks, drawn from {@code seed}, in a picture. */
    static FeatureFieldPicture picture(long seed) {
        return new FeatureFieldPicture(steerable(seed), conventional(seed));
    }

    private static FieldNetwork steerable(long seed) {
        GSpace gs = GSpaces.rot2dOnR2(8);
        FieldType hidden = FieldType.regular(gs, 2);
        FieldType fields = new FieldType(gs, List.of(gs.trivialRepr(), gs.irrep(1)));
        return new FieldNetwork("steerable", network(seed,
                new R2Conv.Builder(FieldType.trivial(gs, 1), hidden, KERNEL).padding(KERNEL / 2).bias(false)
                        .activation(Activation.RELU).build(),
                new R2Conv.Builder(hidden, fields, KERNEL).padding(KERNEL / 2).bias(false)
                        .activation(Activation.IDENTITY).build()));
    }

    private static FieldNetwork conventional(long seed) {
        return new FieldNetwork("conventional", network(seed, convolution(1, 8, Activation.RELU),
                convolution(8, 3, Activation.IDENTITY)));
    }

    private static ConvolutionLayer convolution(int in, int out, Activation activation) {
        return new ConvolutionLayer.Builder(KERNEL, KERNEL).padding(KERNEL / 2, KERNEL / 2).nIn(in).nOut(out)
                .hasBias(false).weightInit(WeightInit.RELU).activation(activation).build();
    }

    private static MultiLayerNetwork network(long seed, Layer... layers) {
        NeuralNetConfiguration.ListBuilder b = new NeuralNetConfiguration.Builder().seed(seed).dataType(DataType.FLOAT)
                .updater(new NoOp()).list(layers);
        MultiLayerNetwork net = new MultiLayerNetwork(b.setInputType(InputType.convolutional(NOMINAL_SIDE,
                NOMINAL_SIDE, 1)).validateOutputLayerConfig(false).build());
        net.init();
        return net;
    }
}
