package org.e2dl4j.nn.dropout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.testing.LayerContract;
import org.e2dl4j.nn.testing.TestNetworks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The dropouts on NCDHW volumes: {@link FieldDropout} drops whole fields per voxel and {@link PointwiseDropout} single
 * values (checked on the mask of a training pass), both the identity in inference; the layer contract on the cube's
 * 24 / 48 grid elements, gradient check in double, JSON and ModelSerializer, export.
 */
class Dropout3dTest {

    private static final GSpace OCTA = GSpaces.octaOnR3();
    private static final GSpace FULL_OCTA = GSpaces.fullOctaOnR3();
    private static final GSpace D4 = GSpaces.dihedralOnR3(4);

    /** A case: the dropout on a 3D field type. */
    record Case(String name, FieldType type, Function<FieldType, Layer> layer) {
        @Override
        public String toString() {
            return name;
        }

        InputType input() {
            return TestNetworks.volume(type, 3, 3, 3);
        }

        Supplier<List<Layer>> layers() {
            return () -> List.of(layer.apply(type));
        }
    }

    static List<Case> cases() {
        FieldType irreps = FieldType.of(FULL_OCTA, FULL_OCTA.irreps().stream().filter(r -> r.size() == 3).findFirst()
                .orElseThrow(), 2);
        return List.of(
                new Case("PointwiseDropout on octaOnR3 regular", FieldType.regular(OCTA, 1),
                        t -> new PointwiseDropout.Builder(t).p(0.3).build()),
                new Case("FieldDropout on fullOctaOnR3 irreps", irreps, t -> new FieldDropout.Builder(t).p(0.3).build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isEquivariantOnTheGridElements(Case c) {
        LayerContract.assertEquivariant(c.name(), c.input(), c.layers(), c.type(), c.type(), 1e-5);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void survivesJsonAndModelSerializerAndExports(Case c, @TempDir Path dir) throws Exception {
        LayerContract.assertJsonRoundTrip(c.name(), c.input(), c.layers());
        LayerContract.assertSerializerRoundTrip(c.name(), c.input(), c.layers(), dir);
        LayerContract.assertExportEquivalent(c.name(), c.input(), c.layers());
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        FieldType t = FieldType.regular(D4, 1).plus(FieldType.irrep(D4, 1, 1, 1));
        LayerContract.assertGradientsCorrect("FieldDropout", TestNetworks.GRADIENT_VOLUME,
                TestNetworks.behindStockConvolution3D(t, () -> new FieldDropout.Builder(t).p(0.3).build()));
        FieldType r = FieldType.regular(D4, 1);
        LayerContract.assertGradientsCorrect("PointwiseDropout", TestNetworks.GRADIENT_VOLUME,
                TestNetworks.behindStockConvolution3D(r, () -> new PointwiseDropout.Builder(r).p(0.3).build()));
    }

    @Test
    void fieldDropoutKeepsOrDropsWholeFieldsAtEachVoxel() {
        FieldType t = FieldType.of(FULL_OCTA, FULL_OCTA.irreps().stream().filter(r -> r.size() == 3).findFirst()
                .orElseThrow(), 4);
        MultiLayerNetwork net = TestNetworks.withLoss(DataType.DOUBLE, 3, TestNetworks.volume(t, 4, 4, 4),
                List.of(new FieldDropout.Builder(t).p(0.5).build()));
        INDArray x = TestNetworks.gaussian(DataType.DOUBLE, 4, 3, t.size(), 4, 4, 4).addi(5);
        INDArray y = net.output(x, true);
        INDArray kept = y.neq(0).castTo(DataType.DOUBLE);
        for (int f = 0; f < 4; f++) {
            INDArray field = kept.get(NDArrayIndex.all(), NDArrayIndex.interval(3 * f, 3 * f + 3)).sum(1);
            assertEquals(0, field.mul(field.rsub(3)).amaxNumber().doubleValue(), 0,
                    "field " + f + ": all three channels kept or all dropped at each voxel");
        }
        INDArray perVoxel = kept.get(NDArrayIndex.all(), NDArrayIndex.point(0));
        double rate = 1 - perVoxel.meanNumber().doubleValue();
        assertTrue(rate > 0.35 && rate < 0.65, "field 0 dropped at about half the voxels, got " + rate);
        assertEquals(0, y.mul(kept).sub(x.mul(kept).mul(2)).amaxNumber().doubleValue(), 1e-9,
                "kept values scaled by 1 / (1 - p)");
        assertEquals(x, net.output(x, false), "inference is the identity");
    }
}
