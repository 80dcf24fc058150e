package org.e2dl4j.nn.pooling;

import static org.e2dl4j.nn.testing.TestNetworks.input;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.conv.R2Conv;
import org.e2dl4j.nn.testing.LayerContract;
import org.e2dl4j.nn.testing.LayerRunner;
import org.e2dl4j.nn.testing.TestNetworks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@link PointwiseAvgPool}: PyTorch's average pooling (padding counted in the divisor, ceil mode not) against a
 * reference written from its definition, equivariance (also on irrep fields, as averaging is linear), gradients,
 * round trips, export to a stock SubsamplingLayer and the configuration checks.
 */
class PointwiseAvgPoolTest {

    private static final GSpace C4 = GSpaces.rot2dOnR2(4);
    private static final GSpace D4 = GSpaces.flipRot2dOnR2(4);
    /** Irreps too: the average commutes with any fiber representation. */
    private static final FieldType C4_TYPE = FieldType.regular(C4, 1).plus(FieldType.irrep(C4, 1, 1));
    private static final FieldType D4_TYPE = FieldType.irrep(D4, 1, 1, 1).plus(FieldType.regular(D4, 1));

    private static Supplier<List<Layer>> convThen(FieldType type, Supplier<Layer> pool) {
        return () -> List.of(new R2Conv.Builder(FieldType.trivial(type.gspace(), 1), type, 3).padding(1).build(),
                pool.get());
    }


    @Test
    void matchesPyTorchsDefinitionForEveryWindowOption() {
        // {kh, kw, sh, sw, ph, pw, ceil}
        int[][] windows = {{2, 2, 2, 2, 0, 0, 0}, {3, 3, 2, 2, 1, 1, 0}, {3, 2, 1, 2, 1, 1, 0}, {2, 2, 2, 2, 0, 0, 1},
                {3, 3, 2, 2, 1, 1, 1}, {3, 2, 2, 3, 1, 0, 1}, {4, 4, 3, 3, 2, 2, 1}};
        for (DataType dt : List.of(DataType.FLOAT, DataType.DOUBLE)) {
            for (int[] win : windows) {
                for (int size : new int[] {7, 8}) {
                    PointwiseAvgPool layer = new PointwiseAvgPool.Builder(C4_TYPE, win[0], win[1])
                            .stride(win[2], win[3]).padding(win[4], win[5]).ceilMode(win[6] == 1).build();
                    INDArray x = TestNetworks.gaussian(dt, 3, 2, C4_TYPE.size(), size, size);
                    INDArray expected = TorchPooling.avgPool(x, new int[] {win[0], win[1]}, new int[] {win[2], win[3]},
                            new int[] {win[4], win[5]}, win[6] == 1);
                    INDArray got = LayerRunner.forward(layer, input(C4_TYPE, size), x);
                    assertEquals(java.util.Arrays.toString(expected.shape()), java.util.Arrays.toString(got.shape()),
                            "output shape for " + layer.geometry() + " on " + size + " x " + size);
                    double err = TorchPooling.relativeError(expected, got);
                    assertTrue(err < (dt == DataType.FLOAT ? 1e-6 : 1e-14), dt + " " + layer.geometry() + " on "
                            + size + " x " + size + ": expected PyTorch's average, relative error " + err);
                }
            }
        }
    }

    @Test
    void paddingCountsInTheDivisorAndTheCeilOverhangDoesNot() {
        FieldType type = FieldType.trivial(C4, 1);
        INDArray x = Nd4j.createFromArray(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9}).reshape(1, 1, 3, 3);
        // kernel 2, stride 2, padding 1: windows over rows and columns {-1, 0} and {1, 2}; a corner window holds one
        // input cell and three padding cells, all four counted
        assertEquals(Nd4j.createFromArray(new double[] {0.25, 1.25, 2.75, 7}).reshape(1, 1, 2, 2),
                LayerRunner.forward(new PointwiseAvgPool.Builder(type, 2).padding(1).build(), input(type, 3), x),
                "avg pooling k2 s2 p1 on 3x3");
        // kernel 2, stride 2, ceil mode: the last window has one column and one row in the input
        assertEquals(Nd4j.createFromArray(new double[] {3, 4.5, 7.5, 9}).reshape(1, 1, 2, 2),
                LayerRunner.forward(new PointwiseAvgPool.Builder(type, 2).ceilMode(true).build(), input(type, 3), x),
                "avg pooling k2 s2 ceil mode on 3x3");
    }

    @Test
    void isEquivariantOnExactElementsWhenTheWindowsTileSymmetrically() {
        for (FieldType type : List.of(C4_TYPE, D4_TYPE)) {
            LayerContract.assertEquivariant("k3 s2 p1 on 9x9, " + type, input(type, 9),
                    () -> List.of(new PointwiseAvgPool.Builder(type, 3).stride(2).padding(1).build()), type, type,
                    1e-5);
            LayerContract.assertEquivariant("k2 on 8x8, " + type, input(type, 8),
                    () -> List.of(new PointwiseAvgPool.Builder(type, 2).build()), type, type, 1e-5);
        }
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        InputType in = InputType.convolutional(7, 7, 1);
        LayerContract.assertGradientsCorrect("C4 k3 s2 p1", in,
                convThen(C4_TYPE, () -> new PointwiseAvgPool.Builder(C4_TYPE, 3).stride(2).padding(1).build()));
        LayerContract.assertGradientsCorrect("D4 k2 ceil", in,
                convThen(D4_TYPE, () -> new PointwiseAvgPool.Builder(D4_TYPE, 2).ceilMode(true).build()));
    }

    @Test
    void survivesJsonAndModelSerializer(@TempDir Path dir) throws Exception {
        InputType in = InputType.convolutional(7, 7, 1);
        Supplier<List<Layer>> layers = convThen(D4_TYPE,
                () -> new PointwiseAvgPool.Builder(D4_TYPE, 3, 2).stride(2, 1).padding(1).ceilMode(true).build());
        LayerContract.assertJsonRoundTrip("D4", in, layers);
        LayerContract.assertSerializerRoundTrip("D4", in, layers, dir);
    }

    @Test
    void exportsToAStockSubsamplingLayerWithTheSameOutput() {
        InputType in = InputType.convolutional(9, 9, 1);
        LayerContract.assertExportEquivalent("C4 k3 s2 p1", in,
                convThen(C4_TYPE, () -> new PointwiseAvgPool.Builder(C4_TYPE, 3).stride(2).padding(1).build()));
        LayerContract.assertExportEquivalent("D4 k2x3 s1x2 p1x1", in,
                convThen(D4_TYPE, () -> new PointwiseAvgPool.Builder(D4_TYPE, 2, 3).stride(1, 2).padding(1).build()));
    }

    @Test
    void exportInCeilModeIsRefused() {
        LayerContract.assertExportRefused("ceil mode", input(C4_TYPE, 7),
                () -> List.of(new PointwiseAvgPool.Builder(C4_TYPE, 2).ceilMode(true).build()), "ceilMode");
    }

    @Test
    void dilationIsRejectedAtBuildTime() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PointwiseAvgPool.Builder(C4_TYPE, 2).dilation(2).build());
        assertTrue(e.getMessage().contains("PointwiseAvgPool") && e.getMessage().contains("dilation"),
                "message should name the layer and the dilation: " + e.getMessage());
    }
}
