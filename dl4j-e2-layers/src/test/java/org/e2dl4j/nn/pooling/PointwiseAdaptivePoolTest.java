package org.e2dl4j.nn.pooling;

import static org.e2dl4j.nn.testing.TestNetworks.input;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.nn.Export;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.conv.R2Conv;
import org.e2dl4j.nn.testing.LayerContract;
import org.e2dl4j.nn.testing.LayerRunner;
import org.e2dl4j.nn.testing.TestNetworks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * {@link PointwiseAdaptiveAvgPool} and {@link PointwiseAdaptiveMaxPool}: PyTorch's adaptive windows against a
 * reference written from the definition (divisible and not, shrinking and growing), equivariance, gradients,
 * round trips, export to global pooling or a SubsamplingLayer where exact and its refusal elsewhere, and the
 * configuration checks.
 */
class PointwiseAdaptivePoolTest {

    private static final GSpace C4 = GSpaces.rot2dOnR2(4);
    private static final GSpace D4 = GSpaces.flipRot2dOnR2(4);
    private static final FieldType C4_TYPE = FieldType.regular(C4, 1).plus(FieldType.trivial(C4, 1));
    private static final FieldType D4_TYPE = FieldType.regular(D4, 1);
    private static final FieldType C4_IRREPS = FieldType.irrep(C4, 1, 1).plus(FieldType.regular(C4, 1));

    private static Layer avg(FieldType type, int oh, int ow) {
        return new PointwiseAdaptiveAvgPool.Builder(type, oh, ow).build();
    }

    private static Layer max(FieldType type, int oh, int ow) {
        return new PointwiseAdaptiveMaxPool.Builder(type, oh, ow).build();
    }

    private static Supplier<List<Layer>> convThen(FieldType type, Supplier<Layer> pool) {
        return () -> List.of(new R2Conv.Builder(FieldType.trivial(type.gspace(), 1), type, 3).padding(1).build(),
                pool.get());
    }


    @Test
    void matchesPyTorchsAdaptiveWindows() {
        // {H, W, oH, oW}
        int[][] sizes = {{7, 7, 3, 3}, {9, 9, 3, 3}, {8, 8, 3, 3}, {13, 13, 1, 1}, {5, 7, 2, 3}, {3, 3, 5, 4}};
        for (DataType dt : List.of(DataType.FLOAT, DataType.DOUBLE)) {
            for (int[] s : sizes) {
                INDArray x = TestNetworks.gaussian(dt, 6, 2, C4_TYPE.size(), s[0], s[1]);
                for (boolean isMax : new boolean[] {false, true}) {
                    Layer layer = isMax ? max(C4_TYPE, s[2], s[3]) : avg(C4_TYPE, s[2], s[3]);
                    INDArray got = LayerRunner.forward(layer, input(C4_TYPE, s[0], s[1]), x);
                    double err = TorchPooling.relativeError(TorchPooling.adaptive(x, s[2], s[3], isMax), got);
                    assertTrue(err < (dt == DataType.FLOAT ? 1e-6 : 1e-14), dt + (isMax ? " max " : " avg ") + s[0] + "x"
                            + s[1] + " -> " + s[2] + "x" + s[3] + ": relative error " + err);
                }
            }
        }
    }

    @Test
    void isEquivariantOnExactElements() {
        for (FieldType type : List.of(C4_TYPE, D4_TYPE)) {
            for (int[] s : new int[][] {{7, 3}, {9, 3}, {7, 1}}) {
                LayerContract.assertEquivariant("max " + s[0] + " -> " + s[1] + ", " + type, input(type, s[0], s[0]),
                        () -> List.of(max(type, s[1], s[1])), type, type, 1e-6);
                LayerContract.assertEquivariant("avg " + s[0] + " -> " + s[1] + ", " + type, input(type, s[0], s[0]),
                        () -> List.of(avg(type, s[1], s[1])), type, type, 1e-5);
            }
        }
        LayerContract.assertEquivariant("avg on irreps", input(C4_IRREPS, 7, 7),
                () -> List.of(avg(C4_IRREPS, 3, 3)), C4_IRREPS, C4_IRREPS, 1e-5);
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        InputType in = InputType.convolutional(7, 7, 1);
        LayerContract.assertGradientsCorrect("max 7 -> 3", in, convThen(C4_TYPE, () -> max(C4_TYPE, 3, 3)));
        LayerContract.assertGradientsCorrect("avg 7 -> 3x2", in, convThen(C4_TYPE, () -> avg(C4_TYPE, 3, 2)));
        LayerContract.assertGradientsCorrect("max 7 -> 1", in, convThen(D4_TYPE, () -> max(D4_TYPE, 1, 1)));
    }

    @Test
    void survivesJsonAndModelSerializer(@TempDir Path dir) throws Exception {
        InputType in = InputType.convolutional(7, 7, 1);
        Supplier<List<Layer>> layers = () -> List.of(
                new R2Conv.Builder(FieldType.trivial(D4, 1), D4_TYPE, 3).padding(1).build(), max(D4_TYPE, 5, 4),
                avg(D4_TYPE, 3, 2));
        LayerContract.assertJsonRoundTrip("D4", in, layers);
        LayerContract.assertSerializerRoundTrip("D4", in, layers, dir);
    }

    @Test
    void exportsToGlobalPoolingOrSubsamplingWhereExact() {
        InputType in = InputType.convolutional(9, 9, 1);
        LayerContract.assertExportEquivalent("max -> 1", in, convThen(C4_TYPE, () -> max(C4_TYPE, 1, 1)));
        LayerContract.assertExportEquivalent("avg -> 1", in, convThen(C4_TYPE, () -> avg(C4_TYPE, 1, 1)));
        LayerContract.assertExportEquivalent("max 9 -> 3", in, convThen(C4_TYPE, () -> max(C4_TYPE, 3, 3)));
        LayerContract.assertExportEquivalent("avg 9 -> 3x1", in, convThen(C4_TYPE, () -> avg(C4_TYPE, 3, 1)));
        MultiLayerNetwork global = Export.toStandard(TestNetworks.withLoss(DataType.FLOAT, 1, input(C4_TYPE, 9, 9),
                List.of(avg(C4_TYPE, 1, 1))));
        assertTrue(global.getLayerWiseConfigurations().getConf(0).getLayer() instanceof GlobalPoolingLayer);
        MultiLayerNetwork window = Export.toStandard(TestNetworks.withLoss(DataType.FLOAT, 1, input(C4_TYPE, 9, 9),
                List.of(max(C4_TYPE, 3, 3))));
        assertTrue(window.getLayerWiseConfigurations().getConf(0).getLayer() instanceof SubsamplingLayer);
    }

    @Test
    void exportWithWindowsOfDifferentSizesIsRefused() {
        LayerContract.assertExportRefused("avg 7 -> 3", input(C4_TYPE, 7, 7), () -> List.of(avg(C4_TYPE, 3, 3)),
                "PointwiseAdaptiveAvgPool");
        LayerContract.assertExportRefused("max 7 -> 3", input(C4_TYPE, 7, 7), () -> List.of(max(C4_TYPE, 3, 3)),
                "7 x 7");
    }

    @Test
    void outputSizeDoesNotDependOnTheInputSize() {
        MultiLayerNetwork net = TestNetworks.withLoss(DataType.FLOAT, 1, input(C4_TYPE, 9, 9),
                List.of(max(C4_TYPE, 2, 3)));
        assertEquals(List.of(2L, 5L, 2L, 3L), java.util.Arrays.stream(net.output(
                TestNetworks.gaussian(DataType.FLOAT, 1, 2, 5, 11, 6)).shape()).boxed().toList());
    }

    @Test
    void badConfigurationsAreRejectedAtBuildTime() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> avg(C4_TYPE, 0, 2));
        assertTrue(e.getMessage().contains("PointwiseAdaptiveAvgPool") && e.getMessage().contains("0 x 2"),
                "message should name the layer and the output size: " + e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> max(C4_IRREPS, 2, 2));
        assertTrue(e.getMessage().contains("PointwiseAdaptiveMaxPool") && e.getMessage().contains("irrep_1"),
                "message should name the layer and the representation: " + e.getMessage());
    }
}
