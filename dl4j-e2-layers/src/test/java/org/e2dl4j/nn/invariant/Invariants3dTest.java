package org.e2dl4j.nn.invariant;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.nn.EquivariantLayer;
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
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The invariant maps on NCDHW volumes: {@link GroupPooling} (the maximum over each regular field's 24 or 48 channels)
 * and {@link NormPool} (each field's Euclidean norm), their values at every voxel against the definitions, and the layer
 * contract on the cube's 24 / 48 grid elements (the outputs are trivial fields, so they turn with the voxels only),
 * gradient check in double, JSON and ModelSerializer, export (GroupPooling to frozen 1 x 1 x 1 Convolution3Ds) or
 * refusal (NormPool).
 */
class Invariants3dTest {

    private static final GSpace OCTA = GSpaces.octaOnR3();
    private static final GSpace FULL_OCTA = GSpaces.fullOctaOnR3();
    private static final GSpace D4 = GSpaces.dihedralOnR3(4);

    private static FieldType irrepsOfSize(GSpace gs, int size, int n) {
        return FieldType.of(gs, gs.irreps().stream().filter(r -> r.size() == size).findFirst().orElseThrow(), n);
    }

    /** A case: the invariant map on a 3D field type. */
    record Case(String name, FieldType type, Function<FieldType, Layer> layer, boolean exports) {
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

        FieldType out() {
            return ((EquivariantLayer) layer.apply(type)).outType();
        }
    }

    static List<Case> cases() {
        return List.of(
                new Case("GroupPooling on octaOnR3 regular + trivial", FieldType.regular(OCTA, 2)
                        .plus(FieldType.trivial(OCTA, 1)), t -> new GroupPooling.Builder(t).build(), true),
                new Case("GroupPooling on fullOctaOnR3 regular", FieldType.regular(FULL_OCTA, 1),
                        t -> new GroupPooling.Builder(t).build(), true),
                new Case("NormPool on fullOctaOnR3 irreps", irrepsOfSize(FULL_OCTA, 3, 2)
                        .plus(irrepsOfSize(FULL_OCTA, 2, 1)), t -> new NormPool.Builder(t).build(), false),
                new Case("NormPool on dihedralOnR3(4)", FieldType.irrep(D4, 2, 1, 1).plus(FieldType.regular(D4, 1)),
                        t -> new NormPool.Builder(t).build(), false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isInvariantOnTheGridElements(Case c) {
        LayerContract.assertEquivariant(c.name(), c.input(), c.layers(), c.type(), c.out(), 1e-5);
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        FieldType t = FieldType.regular(D4, 1).plus(FieldType.irrep(D4, 1, 1, 1));
        LayerContract.assertGradientsCorrect("GroupPooling", TestNetworks.GRADIENT_VOLUME,
                TestNetworks.behindStockConvolution3D(FieldType.regular(D4, 2),
                        () -> new GroupPooling.Builder(FieldType.regular(D4, 2)).build()));
        LayerContract.assertGradientsCorrect("NormPool", TestNetworks.GRADIENT_VOLUME,
                TestNetworks.behindStockConvolution3D(t, () -> new NormPool.Builder(t).build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void survivesJsonAndModelSerializer(Case c, @TempDir Path dir) throws Exception {
        LayerContract.assertJsonRoundTrip(c.name(), c.input(), c.layers());
        LayerContract.assertSerializerRoundTrip(c.name(), c.input(), c.layers(), dir);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void exportsOrRefuses(Case c) {
        if (c.exports()) {
            LayerContract.assertExportEquivalent(c.name(), c.input(), c.layers());
        } else {
            LayerContract.assertExportRefused(c.name(), c.input(), c.layers(),
                    c.layer().apply(c.type()).getClass().getSimpleName());
        }
    }

    @Test
    void valuesAreTheFieldMaximaAndNormsAtEveryVoxel() {
        FieldType t = FieldType.regular(OCTA, 2);
        INDArray x = TestNetworks.gaussian(DataType.DOUBLE, 8, 2, t.size(), 2, 3, 2);
        INDArray pooled = single(new GroupPooling.Builder(t).build()).output(x);
        INDArray norms = single(new NormPool.Builder(t).build()).output(x);
        for (int f = 0; f < 2; f++) {
            INDArray field = x.get(NDArrayIndex.all(), NDArrayIndex.interval(24 * f, 24 * f + 24));
            INDArray max = field.max(1);
            INDArray norm = Transforms.sqrt(field.mul(field).sum(1), false);
            assertEquals(0, max.sub(pooled.get(NDArrayIndex.all(), NDArrayIndex.point(f))).amaxNumber().doubleValue(),
                    0, "GroupPooling: the maximum over field " + f);
            assertEquals(0, norm.sub(norms.get(NDArrayIndex.all(), NDArrayIndex.point(f))).amaxNumber().doubleValue(),
                    1e-12, "NormPool: the norm of field " + f);
        }
    }

    private static MultiLayerNetwork single(Layer layer) {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().dataType(DataType.DOUBLE)
                .list().layer(layer).validateOutputLayerConfig(false).build());
        net.init();
        return net;
    }
}
