package org.e2dl4j.nn.pooling;

import static org.e2dl4j.nn.testing.TestNetworks.input;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DepthwiseConvolution2D;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.layers.misc.FrozenLayerWithBackprop;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.nn.Export;
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
 * {@link PointwiseMaxPoolAntialiased} and {@link PointwiseAvgPoolAntialiased}: e2cnn's Gaussian filter (size rule,
 * Python rounding, defaults), the layers against max pooling and convolution written from their definitions,
 * equivariance where the windows tile symmetrically, gradients, round trips, export to a stock max pooling and a
 * fixed depthwise convolution, and the configuration checks.
 */
class PointwiseAntialiasedPoolTest {

    private static final GSpace C4 = GSpaces.rot2dOnR2(4);
    private static final GSpace D4 = GSpaces.flipRot2dOnR2(4);
    private static final FieldType C4_TYPE = FieldType.regular(C4, 1).plus(FieldType.trivial(C4, 1));
    private static final FieldType D4_TYPE = FieldType.regular(D4, 1);
    private static final FieldType C4_IRREPS = FieldType.irrep(C4, 2, 1).plus(FieldType.regular(C4, 1));

    private static Supplier<List<Layer>> convThen(FieldType type, Supplier<Layer> pool) {
        return () -> List.of(new R2Conv.Builder(FieldType.trivial(type.gspace(), 1), type, 3).padding(1).build(),
                pool.get());
    }


    @Test
    void filterFollowsE2cnnsSizeRuleWithPythonRounding() {
        assertEquals(5, GaussianBlur.filterSize(0.6, 4), "max pooling default sigma 0.6: 2 round(2.4) + 1");
        assertEquals(5, GaussianBlur.filterSize(0.625, 4), "4 sigma = 2.5 rounds to even 2");
        assertEquals(9, GaussianBlur.filterSize(0.875, 4), "4 sigma = 3.5 rounds to even 4");
        assertEquals(5, GaussianBlur.filterSize(0.5, 3), "average pooling: 3 sigma = 1.5 rounds to 2");
        double[][] g = new PointwiseMaxPoolAntialiased.Builder(C4_TYPE, 2).build().blur().filter();
        double total = 0;
        for (double[] row : g) {
            for (double v : row) {
                total += v;
            }
        }
        assertEquals(1.0, total, 1e-15, "the filter sums to 1");
        assertEquals(Math.exp(1 / (2 * 0.36)), g[2][2] / g[2][3], 1e-12, "centre / neighbour = exp(1 / (2 sigma^2))");
        assertEquals(g[0][1], g[1][0], 0.0, "symmetric under the diagonal flip");
    }

    @Test
    void maxVersionIsDenseMaxPoolingThenTheStridedBlur() {
        for (DataType dt : List.of(DataType.FLOAT, DataType.DOUBLE)) {
            for (int[] win : new int[][] {{2, 2, 0}, {3, 2, 1}, {3, 3, 1}}) {
                PointwiseMaxPoolAntialiased layer = new PointwiseMaxPoolAntialiased.Builder(C4_TYPE, win[0])
                        .stride(win[1]).padding(win[2]).sigma(0.7).build();
                INDArray x = TestNetworks.gaussian(dt, 4, 2, C4_TYPE.size(), 9, 9);
                int p = win[2];
                INDArray dense = TorchPooling.maxPool(x, new int[] {win[0], win[0]}, new int[] {1, 1}, new int[] {p, p},
                        new int[] {1, 1}, false);
                double[][] g = TorchPooling.gaussian(0.7, 4);
                int pad = p + (g.length - 1) / 2;
                INDArray expected = TorchPooling.depthwise(dense, g, new int[] {win[1], win[1]}, new int[] {pad, pad});
                INDArray got = LayerRunner.forward(layer, input(C4_TYPE, 9), x);
                assertEquals(java.util.Arrays.toString(expected.shape()), java.util.Arrays.toString(got.shape()),
                        "output shape, kernel " + win[0] + " stride " + win[1] + " padding " + p);
                double err = TorchPooling.relativeError(expected, got);
                assertTrue(err < (dt == DataType.FLOAT ? 1e-6 : 1e-14), dt + " kernel " + win[0] + " stride " + win[1]
                        + " padding " + p + ": relative error " + err);
            }
        }
    }

    @Test
    void avgVersionIsTheStridedBlur() {
        for (DataType dt : List.of(DataType.FLOAT, DataType.DOUBLE)) {
            for (double sigma : new double[] {0.5, 1.0}) {
                for (int stride : new int[] {1, 2}) {
                    PointwiseAvgPoolAntialiased layer = new PointwiseAvgPoolAntialiased.Builder(C4_IRREPS, sigma, stride)
                            .build();
                    INDArray x = TestNetworks.gaussian(dt, 5, 2, C4_IRREPS.size(), 9, 9);
                    double[][] g = TorchPooling.gaussian(sigma, 3);
                    int pad = (g.length - 1) / 2;
                    INDArray expected = TorchPooling.depthwise(x, g, new int[] {stride, stride}, new int[] {pad, pad});
                    INDArray got = LayerRunner.forward(layer, input(C4_IRREPS, 9), x);
                    double err = TorchPooling.relativeError(expected, got);
                    assertEquals(java.util.Arrays.toString(expected.shape()), java.util.Arrays.toString(got.shape()));
                    assertTrue(err < (dt == DataType.FLOAT ? 1e-6 : 1e-14), dt + " sigma " + sigma + " stride " + stride
                            + ": relative error " + err);
                }
            }
        }
    }

    /**
     * The blur's backward pass is the adjoint of its forward pass, {@code <A x, dy> = <x, A^T dy>} in double, on
     * sizes the windows do not tile, unequal strides and paddings, and paddings wider than the filter (whose outer
     * outputs see only zeros).
     */
    @Test
    void blurBackwardIsTheAdjointOfTheForwardPass() {
        LayerWorkspaceMgr ws = LayerWorkspaceMgr.noWorkspaces();
        int[][] cases = {{2, 2, 2, 2, 9, 9}, {2, 1, 2, 0, 10, 7}, {3, 2, 1, 6, 8, 11}, {1, 1, 0, 0, 5, 5}};
        for (int[] c : cases) {
            GaussianBlur blur = new GaussianBlur(0.66, 5, new int[] {c[0], c[1]}, new int[] {c[2], c[3]});
            INDArray x = TestNetworks.gaussian(DataType.DOUBLE, 3, 2, 3, c[4], c[5]);
            INDArray y = Nd4j.create(DataType.DOUBLE, 2, 3, blur.outputSize(0, c[4]),
                    blur.outputSize(1, c[5]));
            blur.forward(x, y);
            INDArray dy = TestNetworks.gaussian(DataType.DOUBLE, 4, y.shape());
            INDArray dx = x.ulike();
            blur.backward(x, dy, dx, ws, ArrayType.BP_WORKING_MEM);
            INDArray expected = TorchPooling.depthwise(x, blur.filter(), new int[] {c[0], c[1]}, new int[] {c[2], c[3]});
            String what = java.util.Arrays.toString(c);
            assertTrue(TorchPooling.relativeError(expected, y) < 1e-14, what + ": forward against the definition");
            double left = y.mul(dy).sumNumber().doubleValue();
            double right = x.mul(dx).sumNumber().doubleValue();
            assertEquals(left, right, 1e-12 * Math.max(1, Math.abs(left)), what + ": <A x, dy> = <x, A^T dy>");
        }
    }

    @Test
    void outputSizeIsWhatE2cnnsForwardPassReturns() {
        MultiLayerNetwork net = TestNetworks.withLoss(DataType.FLOAT, 1, input(C4_TYPE, 9),
                List.of(new PointwiseMaxPoolAntialiased.Builder(C4_TYPE, 3).stride(2).padding(1).build()));
        // dense max: 9 + 2 - 3 + 1 = 9; blur (size 5, padding 1 + 2, stride 2): (9 + 6 - 5) / 2 + 1 = 6
        assertEquals(6, net.output(TestNetworks.gaussian(DataType.FLOAT, 1, 1, C4_TYPE.size(), 9, 9)).size(2));
    }

    @Test
    void isEquivariantOnExactElementsWhenTheWindowsTileSymmetrically() {
        for (FieldType type : List.of(C4_TYPE, D4_TYPE)) {
            LayerContract.assertEquivariant("max k2 s2 on 8x8, " + type, input(type, 8),
                    () -> List.of(new PointwiseMaxPoolAntialiased.Builder(type, 2).build()), type, type, 1e-5);
            LayerContract.assertEquivariant("max k3 s2 p1 on 9x9, " + type, input(type, 9),
                    () -> List.of(new PointwiseMaxPoolAntialiased.Builder(type, 3).stride(2).padding(1).build()),
                    type, type, 1e-5);
        }
        LayerContract.assertEquivariant("avg sigma 0.66 s2 on 9x9, " + C4_IRREPS, input(C4_IRREPS, 9),
                () -> List.of(new PointwiseAvgPoolAntialiased.Builder(C4_IRREPS, 0.66, 2).build()), C4_IRREPS,
                C4_IRREPS, 1e-5);
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        InputType in = InputType.convolutional(7, 7, 1);
        LayerContract.assertGradientsCorrect("max k3 s2 p1", in,
                convThen(C4_TYPE, () -> new PointwiseMaxPoolAntialiased.Builder(C4_TYPE, 3).stride(2).padding(1)
                        .build()));
        LayerContract.assertGradientsCorrect("avg sigma 0.7 s2", in,
                convThen(D4_TYPE, () -> new PointwiseAvgPoolAntialiased.Builder(D4_TYPE, 0.7, 2).padding(1).build()));
    }

    @Test
    void survivesJsonAndModelSerializer(@TempDir Path dir) throws Exception {
        InputType in = InputType.convolutional(7, 7, 1);
        Supplier<List<Layer>> layers = () -> List.of(
                new R2Conv.Builder(FieldType.trivial(D4, 1), D4_TYPE, 3).padding(1).build(),
                new PointwiseMaxPoolAntialiased.Builder(D4_TYPE, 2, 3).stride(1, 2).padding(1).sigma(0.9).build(),
                new PointwiseAvgPoolAntialiased.Builder(D4_TYPE, 0.8, 2, 1).padding(1, 2).build());
        LayerContract.assertJsonRoundTrip("D4", in, layers);
        LayerContract.assertSerializerRoundTrip("D4", in, layers, dir);
    }

    @Test
    void exportsToStockPoolingAndAFixedDepthwiseConvolution() {
        InputType in = InputType.convolutional(9, 9, 1);
        LayerContract.assertExportEquivalent("max k3 s2 p1", in,
                convThen(C4_TYPE, () -> new PointwiseMaxPoolAntialiased.Builder(C4_TYPE, 3).stride(2).padding(1)
                        .build()));
        LayerContract.assertExportEquivalent("avg sigma 0.7 s2", in,
                convThen(C4_IRREPS, () -> new PointwiseAvgPoolAntialiased.Builder(C4_IRREPS, 0.7, 2).build()));
        MultiLayerNetwork std = Export.toStandard(TestNetworks.withLoss(DataType.FLOAT, 1, input(C4_TYPE, 9),
                List.of(new PointwiseMaxPoolAntialiased.Builder(C4_TYPE, 2).build())));
        assertTrue(std.getLayerWiseConfigurations().getConf(0).getLayer() instanceof SubsamplingLayer
                && std.getLayerWiseConfigurations().getConf(1).getLayer() instanceof FrozenLayerWithBackprop frozen
                && frozen.getUnderlying() instanceof DepthwiseConvolution2D,
                "expected SubsamplingLayer then a frozen DepthwiseConvolution2D, got "
                        + std.getLayerWiseConfigurations().toJson());
    }

    @Test
    void badConfigurationsAreRejectedAtBuildTime() {
        assertRejected(() -> new PointwiseMaxPoolAntialiased.Builder(C4_TYPE, 2).dilation(2).build(),
                "PointwiseMaxPoolAntialiased", "dilation");
        assertRejected(() -> new PointwiseMaxPoolAntialiased.Builder(C4_TYPE, 2).sigma(0).build(),
                "PointwiseMaxPoolAntialiased", "sigma");
        assertRejected(() -> new PointwiseMaxPoolAntialiased.Builder(C4_IRREPS, 2).build(),
                "PointwiseMaxPoolAntialiased", "irrep_1");
        assertRejected(() -> new PointwiseAvgPoolAntialiased.Builder(C4_TYPE, -1, 2).build(),
                "PointwiseAvgPoolAntialiased", "sigma");
        assertRejected(() -> new PointwiseAvgPoolAntialiased.Builder(C4_TYPE, 1, 0).build(),
                "PointwiseAvgPoolAntialiased", "stride");
    }

    private static void assertRejected(Executable build, String layer, String what) {
        Rejections.assertRejected(build, layer, what);
    }
}
