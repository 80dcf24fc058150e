package org.e2dl4j.nn;

import static org.e2dl4j.testing.Rejections.assertRejected;

import java.util.List;

import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.nn.batchnorm.InnerBatchNorm;
import org.e2dl4j.nn.conv.R2Conv;
import org.e2dl4j.nn.invariant.GroupPooling;
import org.e2dl4j.nn.nonlinear.NormNonLinearity;
import org.e2dl4j.nn.testing.LayerRunner;
import org.e2dl4j.nn.testing.TestNetworks;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Inputs that do not fit a layer are refused before any computation, with the layer's class, name and index,
 * what was expected and the shape that came: wrong rank, wrong channel count, empty batch, empty map, and a map
 * smaller than an R2Conv's kernel.
 */
class LayerInputTest {

    private static final GSpace C4 = GSpaces.rot2dOnR2(4);
    private static final FieldType REGULAR = FieldType.regular(C4, 2);

    private static MultiLayerNetwork network(FieldType in, Layer layer) {
        return TestNetworks.withLoss(DataType.DOUBLE, 1, TestNetworks.input(in, 9), List.of(layer));
    }

    private static GroupPooling pooling() {
        return new GroupPooling.Builder(REGULAR).name("pool").build();
    }

    @Test
    void wrongRankNamesTheLayerAndTheRank() {
        MultiLayerNetwork net = network(REGULAR, pooling());
        assertRejected(() -> net.output(Nd4j.zeros(DataType.DOUBLE, 2, 8)), "GroupPooling layer 'pool' (layer index 0)",
                "rank-4 NCHW feature map", "got rank 2 shape [2, 8]");
    }

    @Test
    void wrongChannelCountNamesExpectedAndGot() {
        MultiLayerNetwork net = network(REGULAR, pooling());
        assertRejected(() -> net.output(Nd4j.zeros(DataType.DOUBLE, 2, 5, 9, 9)), "GroupPooling layer 'pool'",
                "expected 8 channels", "got 5 channels in shape [2, 5, 9, 9]");
        FieldType irreps = FieldType.irrep(C4, 2, 1);
        MultiLayerNetwork norm = network(irreps, new NormNonLinearity.Builder(irreps).name("norm").build());
        assertRejected(() -> norm.output(Nd4j.zeros(DataType.DOUBLE, 2, 3, 9, 9)),
                "NormNonLinearity layer 'norm' (layer index 0)", "expected 4 channels", "got 3 channels");
        MultiLayerNetwork bn = network(REGULAR, new InnerBatchNorm.Builder(REGULAR).name("bn").build());
        assertRejected(() -> bn.output(Nd4j.zeros(DataType.DOUBLE, 2, 7, 9, 9)),
                "InnerBatchNorm layer 'bn' (layer index 0)", "expected 8 channels", "got 7 channels");
    }

    @Test
    void emptyBatchAndEmptyMapAreRefused() {
        assertRejected(() -> LayerRunner.forward(pooling(), TestNetworks.input(REGULAR, 9),
                        Nd4j.zeros(DataType.DOUBLE, 0, 8, 9, 9)), "GroupPooling layer 'pool' (layer index 0)",
                "empty batch (batch size 0)", "[0, 8, 9, 9]");
        assertRejected(() -> LayerRunner.forward(pooling(), TestNetworks.input(REGULAR, 9),
                        Nd4j.zeros(DataType.DOUBLE, 2, 8, 0, 9)), "GroupPooling layer 'pool'",
                "at least 1 x 1 pixels, got 0 x 9");
        R2Conv conv = new R2Conv.Builder(FieldType.trivial(C4, 1), REGULAR, 3).name("conv").build();
        assertRejected(() -> LayerRunner.forward(conv, TestNetworks.input(FieldType.trivial(C4, 1), 9),
                        Nd4j.zeros(DataType.DOUBLE, 0, 1, 9, 9)), "R2Conv layer 'conv' (layer index 0)",
                "empty batch (batch size 0)");
    }

    @Test
    void inputSmallerThanTheKernelNamesTheConvolution() {
        MultiLayerNetwork net = network(FieldType.trivial(C4, 1),
                new R2Conv.Builder(FieldType.trivial(C4, 1), REGULAR, 7).name("conv").build());
        assertRejected(() -> net.output(Nd4j.zeros(DataType.DOUBLE, 2, 1, 5, 5)), "R2Conv layer 'conv' (layer index 0)",
                "input shape [2, 1, 5, 5]", "input size 5 with padding 0 is smaller than the dilated kernel (7)");
    }
}
