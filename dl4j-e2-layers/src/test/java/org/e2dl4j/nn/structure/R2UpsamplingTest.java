package org.e2dl4j.nn.structure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.layers.Upsampling2D;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.nn.Export;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.conv.R2Conv;
import org.e2dl4j.nn.testing.LayerContract;
import org.e2dl4j.nn.testing.TestNetworks;
import org.e2dl4j.testing.Rejections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@link R2Upsampling}: PyTorch's documented outputs, linear ramps reproduced, the layer contract on C4 and D4,
 * exact export to stock layers for integer scale factors, refusals and bad configurations.
 */
class R2UpsamplingTest {

    private static final GSpace C4 = GSpaces.rot2dOnR2(4);
    private static final GSpace D4 = GSpaces.flipRot2dOnR2(4);
    private static final FieldType ONE = FieldType.trivial(C4, 1);
    private static final double[][] CORNERS = {{1, 2}, {3, 4}};

    /** A convolution to a mixed type, the upsampling, a convolution back. */
    private static Supplier<List<Layer>> layers(GSpace gs, java.util.function.Function<FieldType, R2Upsampling> up) {
        FieldType in = FieldType.trivial(gs, 2);
        FieldType hidden = FieldType.regular(gs, 1).plus(new FieldType(gs, List.of(gs.irreps().get(2))));
        return () -> List.of(
                new R2Conv.Builder(in, hidden, 3).padding(1).build(),
                up.apply(hidden),
                new R2Conv.Builder(hidden, in, 3).padding(1).build());
    }

    private static INDArray upsample(R2Upsampling layer, double[][] plane) {
        InputType type = InputType.convolutional(plane.length, plane[0].length, 1);
        MultiLayerNetwork net = TestNetworks.withLoss(DataType.DOUBLE, 1, type, List.of(layer));
        return net.output(Nd4j.createFromArray(plane).reshape(1, 1, plane.length, plane[0].length));
    }

    private static void assertPlane(double[][] expected, INDArray got, String what) {
        assertArrayEquals(new long[] {1, 1, expected.length, expected[0].length}, got.shape(), what + ": shape");
        for (int r = 0; r < expected.length; r++) {
            assertArrayEquals(expected[r], got.get(org.nd4j.linalg.indexing.NDArrayIndex.point(0),
                    org.nd4j.linalg.indexing.NDArrayIndex.point(0), org.nd4j.linalg.indexing.NDArrayIndex.point(r))
                    .toDoubleVector(), 1e-12, what + ", row " + r);
        }
    }

    /** The outputs documented for PyTorch's {@code nn.Upsample} / {@code UpsamplingBilinear2d} on [[1, 2], [3, 4]]. */
    @Test
    void bilinearMatchesPyTorchsDocumentedExample() {
        assertPlane(new double[][] {
                {1.0, 1.25, 1.75, 2.0}, {1.5, 1.75, 2.25, 2.5}, {2.5, 2.75, 3.25, 3.5}, {3.0, 3.25, 3.75, 4.0}},
                upsample(new R2Upsampling.Builder(ONE, 2).build(), CORNERS), "bilinear x2, corners not aligned");
        double t = 1.0 / 3;
        assertPlane(new double[][] {
                {1, 1 + t, 1 + 2 * t, 2}, {1 + 2 * t, 2, 2 + t, 2 + 2 * t},
                {2 + t, 2 + 2 * t, 3, 3 + t}, {3, 3 + t, 3 + 2 * t, 4}},
                upsample(new R2Upsampling.Builder(ONE, 2).alignCorners(true).build(), CORNERS),
                "bilinear x2, corners aligned");
        assertPlane(new double[][] {{1, 1, 2, 2}, {1, 1, 2, 2}, {3, 3, 4, 4}, {3, 3, 4, 4}},
                upsample(new R2Upsampling.Builder(ONE, 2).mode("nearest").build(), CORNERS), "nearest x2");
    }

    /**
     * Interpolating a linear ramp x[i] = i is exact: output column o holds its source coordinate
     * (o + 1/2) / s - 1/2, clamped to [0, W - 1] where it falls outside.
     */
    @ParameterizedTest(name = "scale {0}")
    @ValueSource(ints = {2, 3, 4})
    void aLinearRampIsSampledAtTheHalfPixelSourceCoordinates(int s) {
        int w = 5;
        double[][] ramp = new double[1][w];
        for (int i = 0; i < w; i++) {
            ramp[0][i] = i;
        }
        double[] expected = new double[s * w];
        for (int o = 0; o < s * w; o++) {
            expected[o] = Math.min(w - 1, Math.max(0, (o + 0.5) / s - 0.5));
        }
        double[][] plane = new double[s][];
        java.util.Arrays.fill(plane, expected);
        assertPlane(plane, upsample(new R2Upsampling.Builder(ONE, s).build(), ramp), "ramp x" + s);
    }

    @Test
    void aFixedSizeStretchesToThatSize() {
        INDArray y = upsample(new R2Upsampling.Builder(ONE).size(3, 5).build(), CORNERS);
        assertArrayEquals(new long[] {1, 1, 3, 5}, y.shape(), "output shape");
        assertEquals(1.0, y.getDouble(0, 0, 0, 0), 1e-12, "corner");
        assertEquals(4.0, y.getDouble(0, 0, 2, 4), 1e-12, "opposite corner");
        assertEquals(2.5, y.getDouble(0, 0, 1, 2), 1e-12, "the centre of a 3 x 5 output samples the input's centre");
    }

    @Test
    void isEquivariantOnExactElementsOfC4AndD4() {
        InputType input = InputType.convolutional(5, 5, 2);
        for (GSpace gs : List.of(C4, D4)) {
            FieldType in = FieldType.trivial(gs, 2);
            LayerContract.assertEquivariant(gs + " bilinear x2", input,
                    layers(gs, t -> new R2Upsampling.Builder(t, 2).build()), in, in, 1e-5);
            LayerContract.assertEquivariant(gs + " bilinear x3, corners aligned", input,
                    layers(gs, t -> new R2Upsampling.Builder(t, 3).alignCorners(true).build()), in, in, 1e-5);
            LayerContract.assertEquivariant(gs + " nearest x2", input,
                    layers(gs, t -> new R2Upsampling.Builder(t, 2).mode(R2Upsampling.Mode.NEAREST).build()), in, in,
                    1e-5);
        }
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        InputType input = InputType.convolutional(4, 4, 2);
        LayerContract.assertGradientsCorrect("C4 bilinear x2", input, layers(C4, t -> new R2Upsampling.Builder(t, 2).build()));
        LayerContract.assertGradientsCorrect("C4 bilinear to 7 x 6, corners aligned", input,
                layers(C4, t -> new R2Upsampling.Builder(t).size(7, 6).alignCorners(true).build()));
    }

    @Test
    void survivesJsonAndModelSerializer(@TempDir Path dir) throws Exception {
        InputType input = InputType.convolutional(5, 5, 2);
        Supplier<List<Layer>> layers = layers(D4, t -> new R2Upsampling.Builder(t).size(8, 9).alignCorners(true).build());
        LayerContract.assertJsonRoundTrip("D4 bilinear to 8 x 9", input, layers);
        LayerContract.assertSerializerRoundTrip("D4 bilinear to 8 x 9", input, layers, dir);
        LayerContract.assertJsonRoundTrip("D4 nearest x3", input,
                layers(D4, t -> new R2Upsampling.Builder(t, 3).mode("nearest").build()));
    }

    @ParameterizedTest(name = "scale {0}")
    @ValueSource(ints = {1, 2, 3, 4})
    void bilinearWithAScaleFactorExportsToStockLayersWithTheSameOutput(int s) {
        InputType input = InputType.convolutional(5, 5, 2);
        Supplier<List<Layer>> layers = layers(C4, t -> new R2Upsampling.Builder(t, s).build());
        LayerContract.assertExportEquivalent("C4 bilinear x" + s, input, layers);
        MultiLayerNetwork std = Export.toStandard(TestNetworks.withLoss(DataType.FLOAT, 1, input, layers.get()));
        int expectedParts = s == 1 ? 0 : s % 2 == 1 ? 2 : 3;
        assertEquals(3 + expectedParts, std.getnLayers(), "conv, " + expectedParts + " upsampling parts, conv, loss");
        if (s > 1) {
            assertTrue(std.getLayerWiseConfigurations().getConf(1).getLayer() instanceof Upsampling2D,
                    "the first part repeats pixels");
            assertTrue(std.getLayerWiseConfigurations().getConf(2).getLayer() instanceof SubsamplingLayer,
                    "then average pooling");
        }
    }

    @Test
    void nearestExportsToUpsampling2D() {
        InputType input = InputType.convolutional(5, 5, 2);
        Supplier<List<Layer>> layers = layers(D4, t -> new R2Upsampling.Builder(t, 3).mode("nearest").build());
        LayerContract.assertExportEquivalent("D4 nearest x3", input, layers);
        MultiLayerNetwork std = Export.toStandard(TestNetworks.withLoss(DataType.FLOAT, 1, input, layers.get()));
        assertTrue(std.getLayerWiseConfigurations().getConf(1).getLayer() instanceof Upsampling2D, "Upsampling2D");
        assertEquals(4, std.getnLayers(), "conv, Upsampling2D, conv, loss");
    }

    @Test
    void aFixedSizeOrAlignedCornersAreRefusedOnExport() {
        InputType input = InputType.convolutional(5, 5, 2);
        LayerContract.assertExportRefused("fixed size", input,
                layers(C4, t -> new R2Upsampling.Builder(t).size(9, 9).build()), "R2Upsampling");
        LayerContract.assertExportRefused("aligned corners", input,
                layers(C4, t -> new R2Upsampling.Builder(t, 2).alignCorners(true).build()), "R2Upsampling");
    }

    @Test
    void badConfigurationsAreRejectedAtBuildTime() {
        assertRejected(() -> new R2Upsampling.Builder(ONE).build(), "scaleFactor");
        assertRejected(() -> new R2Upsampling.Builder(ONE, 2).size(4, 4).build(), "exactly one");
        assertRejected(() -> new R2Upsampling.Builder(ONE, 0).build(), "positive");
        assertRejected(() -> new R2Upsampling.Builder(ONE).size(0, 3).build(), "positive");
        assertRejected(() -> new R2Upsampling.Builder(ONE, 2).mode("nearest").alignCorners(true).build(), "alignCorners");
        assertRejected(() -> new R2Upsampling.Builder(ONE, 2).mode("bicubic").build(), "bicubic");
    }

    @Test
    void theOutputSizeReachesTheNextLayer() {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().list()
                .layer(new R2Upsampling.Builder(ONE, 3).build())
                .layer(new MaskModule.Builder(ONE, 12).build())
                .setInputType(InputType.convolutional(4, 4, 1)).build());
        net.init();
        assertArrayEquals(new long[] {2, 1, 12, 12}, net.output(Nd4j.ones(DataType.FLOAT, 2, 1, 4, 4)).shape(),
                "4 x 4 upsampled by 3 feeds a 12 x 12 mask");
    }

    private static void assertRejected(Executable build, String mention) {
        Rejections.assertRejected(build, "R2Upsampling", mention);
    }
}
