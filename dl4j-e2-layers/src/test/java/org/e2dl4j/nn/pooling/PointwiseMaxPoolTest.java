package org.e2dl4j.nn.pooling;

import static org.e2dl4j.nn.testing.TestNetworks.input;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.conv.R2Conv;
import org.e2dl4j.nn.testing.LayerContract;
import org.e2dl4j.nn.testing.LayerRunner;
import org.e2dl4j.nn.testing.TestNetworks;
import org.e2dl4j.testing.Rejections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@link PointwiseMaxPool}: PyTorch's max pooling (padding, dilation, rectangular windows, ceil mode) against a
 * reference written from its definition, equivariance where the windows tile symmetrically, gradients, round
 * trips, export to a stock SubsamplingLayer (refused in ceil mode) and the configuration checks.
 */
class PointwiseMaxPoolTest {

    private static final GSpace C4 = GSpaces.rot2dOnR2(4);
    private static final GSpace C8 = GSpaces.rot2dOnR2(8);
    private static final GSpace D4 = GSpaces.flipRot2dOnR2(4);
    private static final FieldType C4_TYPE = FieldType.regular(C4, 1).plus(FieldType.trivial(C4, 1));
    private static final FieldType D4_TYPE = FieldType.regular(D4, 1).plus(FieldType.trivial(D4, 1));
    private static final FieldType C8_TYPE = FieldType.regular(C8, 1);

    private static Supplier<List<Layer>> convThen(FieldType type, Supplier<Layer> pool) {
        return () -> List.of(new R2Conv.Builder(FieldType.trivial(type.gspace(), 1), type, 3).padding(1).build(),
                pool.get());
    }


    @Test
    void matchesPyTorchsDefinitionForEveryWindowOption() {
        // {kh, kw, sh, sw, ph, pw, dh, dw, ceil}
        int[][] windows = {{2, 2, 2, 2, 0, 0, 1, 1, 0}, {3, 3, 2, 2, 1, 1, 1, 1, 0}, {3, 2, 1, 2, 1, 0, 1, 1, 0},
                {3, 3, 2, 2, 0, 0, 2, 2, 0}, {2, 2, 2, 2, 0, 0, 1, 1, 1}, {3, 3, 2, 2, 1, 1, 1, 1, 1},
                {3, 2, 2, 3, 1, 1, 2, 1, 1}};
        for (DataType dt : List.of(DataType.FLOAT, DataType.DOUBLE)) {
            for (int[] win : windows) {
                for (int size : new int[] {7, 8}) {
                    PointwiseMaxPool layer = new PointwiseMaxPool.Builder(C4_TYPE, win[0], win[1]).stride(win[2], win[3])
                            .padding(win[4], win[5]).dilation(win[6], win[7]).ceilMode(win[8] == 1).build();
                    INDArray x = TestNetworks.gaussian(dt, 3, 2, C4_TYPE.size(), size, size);
                    INDArray expected = TorchPooling.maxPool(x, new int[] {win[0], win[1]}, new int[] {win[2], win[3]},
                            new int[] {win[4], win[5]}, new int[] {win[6], win[7]}, win[8] == 1);
                    INDArray got = LayerRunner.forward(layer, input(C4_TYPE, size), x);
                    assertEquals(java.util.Arrays.toString(expected.shape()), java.util.Arrays.toString(got.shape()),
                            "output shape for " + layer.geometry() + " on " + size + " x " + size);
                    assertTrue(TorchPooling.relativeError(expected, got) == 0, dt + " " + layer.geometry() + " on "
                            + size + " x " + size + ": max pooling must match PyTorch's exactly, relative error "
                            + TorchPooling.relativeError(expected, got));
                }
            }
        }
    }

    @Test
    void maxOfEachTwoByTwoBlockByHand() {
        FieldType type = FieldType.trivial(C4, 1);
        INDArray x = Nd4j.arange(16).castTo(DataType.DOUBLE).reshape(1, 1, 4, 4);
        INDArray y = LayerRunner.forward(new PointwiseMaxPool.Builder(type, 2).build(), input(type, 4), x);
        assertEquals(Nd4j.createFromArray(new double[] {5, 7, 13, 15}).reshape(1, 1, 2, 2), y, "2x2 max pooling");
    }

    @Test
    void isEquivariantOnExactElementsWhenTheWindowsTileSymmetrically() {
        for (FieldType type : List.of(C4_TYPE, D4_TYPE, C8_TYPE)) {
            LayerContract.assertEquivariant("k3 s3 on 9x9, " + type, input(type, 9),
                    () -> List.of(new PointwiseMaxPool.Builder(type, 3).build()), type, type, 1e-6);
            LayerContract.assertEquivariant("k3 s2 p1 on 9x9, " + type, input(type, 9),
                    () -> List.of(new PointwiseMaxPool.Builder(type, 3).stride(2).padding(1).build()), type, type,
                    1e-6);
            LayerContract.assertEquivariant("k2 on 8x8, " + type, input(type, 8),
                    () -> List.of(new PointwiseMaxPool.Builder(type, 2).build()), type, type, 1e-6);
        }
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        InputType in = InputType.convolutional(7, 7, 1);
        LayerContract.assertGradientsCorrect("C4 k3 s2 p1", in,
                convThen(C4_TYPE, () -> new PointwiseMaxPool.Builder(C4_TYPE, 3).stride(2).padding(1).build()));
        LayerContract.assertGradientsCorrect("D4 k2 ceil", in,
                convThen(D4_TYPE, () -> new PointwiseMaxPool.Builder(D4_TYPE, 2).ceilMode(true).build()));
        LayerContract.assertGradientsCorrect("C4 k2x3 dilation 2", in,
                convThen(C4_TYPE, () -> new PointwiseMaxPool.Builder(C4_TYPE, 2, 3).stride(1, 2).dilation(2).build()));
    }

    @Test
    void survivesJsonAndModelSerializer(@TempDir Path dir) throws Exception {
        InputType in = InputType.convolutional(7, 7, 1);
        Supplier<List<Layer>> layers = convThen(D4_TYPE,
                () -> new PointwiseMaxPool.Builder(D4_TYPE, 3, 2).stride(2, 1).padding(1).dilation(1, 2).ceilMode(true)
                        .build());
        LayerContract.assertJsonRoundTrip("D4", in, layers);
        LayerContract.assertSerializerRoundTrip("D4", in, layers, dir);
    }

    @Test
    void exportsToAStockSubsamplingLayerWithTheSameOutput() {
        InputType in = InputType.convolutional(9, 9, 1);
        LayerContract.assertExportEquivalent("C4 k3 s2 p1", in,
                convThen(C4_TYPE, () -> new PointwiseMaxPool.Builder(C4_TYPE, 3).stride(2).padding(1).build()));
        LayerContract.assertExportEquivalent("D4 k2x3 s1x2 p1x1", in,
                convThen(D4_TYPE, () -> new PointwiseMaxPool.Builder(D4_TYPE, 2, 3).stride(1, 2).padding(1).build()));
    }

    @Test
    void exportInCeilModeOrWithDilationIsRefused() {
        LayerContract.assertExportRefused("ceil mode", input(C4_TYPE, 7),
                () -> List.of(new PointwiseMaxPool.Builder(C4_TYPE, 2).ceilMode(true).build()), "ceilMode");
        LayerContract.assertExportRefused("dilation", input(C4_TYPE, 7),
                () -> List.of(new PointwiseMaxPool.Builder(C4_TYPE, 2).dilation(2).build()), "dilation");
    }

    @Test
    void fieldsWithoutPointwiseSupportAreRejectedAtBuildTime() {
        FieldType type = FieldType.regular(C4, 1).plus(FieldType.irrep(C4, 1, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PointwiseMaxPool.Builder(type, 2).build());
        assertTrue(e.getMessage().contains("PointwiseMaxPool") && e.getMessage().contains("irrep_1")
                && e.getMessage().contains("'pointwise'"), "message should name the layer, the representation and the"
                + " needed support: " + e.getMessage());
    }

    @Test
    void badWindowsAreRejectedAtBuildTime() {
        assertRejected(() -> new PointwiseMaxPool.Builder(C4_TYPE, 2).padding(2).build(), "padding");
        assertRejected(() -> new PointwiseMaxPool.Builder(C4_TYPE, 0).build(), "kernel size");
        assertRejected(() -> new PointwiseMaxPool.Builder(C4_TYPE, 2).stride(0).build(), "stride");
        assertRejected(() -> new PointwiseMaxPool.Builder(C4_TYPE, 2).dilation(0).build(), "dilation");
    }

    @Test
    void inputSmallerThanTheWindowIsRejectedAtConfigurationTime() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
                new NeuralNetConfiguration.Builder().list()
                        .layer(new PointwiseMaxPool.Builder(C4_TYPE, 5).build())
                        .setInputType(input(C4_TYPE, 4)).build());
        assertTrue(e.getMessage().contains("PointwiseMaxPool") && e.getMessage().contains("empty output"),
                "message should name the layer and the empty output: " + e.getMessage());
    }

    @Test
    void inputSmallerThanTheWindowIsRejectedAtRunTimeNamingTheLayer() {
        MultiLayerNetwork net = TestNetworks.withLoss(DataType.FLOAT, 1, input(C4_TYPE, 7),
                List.of(new PointwiseMaxPool.Builder(C4_TYPE, 5).build()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> net.output(TestNetworks.gaussian(DataType.FLOAT, 1, 1, C4_TYPE.size(), 4, 4)));
        assertTrue(e.getMessage().contains("PointwiseMaxPool") && e.getMessage().contains("4 x 4"),
                "message should name the layer and the input size: " + e.getMessage());
    }

    private static void assertRejected(Executable build, String what) {
        Rejections.assertRejected(build, "PointwiseMaxPool", what);
    }
}
