package org.e2dl4j.nn.nonlinear;

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
 * The nonlinearities on NCDHW volumes of 3D G-spaces: the layer contract (equivariance on the grid-preserving elements
 * of the G-space, gradient check in double, JSON and ModelSerializer, export or refusal) for pointwise, norm, gated and
 * concatenated nonlinearities, and the fact that they act point by point: the output on a volume is, slice by slice,
 * the output of the same layer on each depth slice as a planar map of the same group.
 */
class Nonlinearities3dTest {

    private static final GSpace D4 = GSpaces.dihedralOnR3(4);
    private static final GSpace C4 = GSpaces.rot2dOnR3(4);
    private static final GSpace INV = GSpaces.invOnR3();
    private static final GSpace OCTA = GSpaces.octaOnR3();
    private static final GSpace FULL_OCTA = GSpaces.fullOctaOnR3();

    /** {@code n} fields trivial + psi, psi the first 3-dimensional irrep (each field gates its own psi). */
    static FieldType uniformlyGated(GSpace gs, int n) {
        return FieldType.of(gs, org.e2dl4j.math.repr.Representations.directSum(List.of(gs.trivialRepr(),
                irrepsOfSize(gs, 3, 1).representations().get(0)), "gated_3"), n);
    }

    /** {@code n} copies of the first irrep of the G-space's group of the given dimension. */
    static FieldType irrepsOfSize(GSpace gs, int size, int n) {
        return FieldType.of(gs, gs.irreps().stream().filter(r -> r.size() == size).findFirst().orElseThrow(), n);
    }

    /** A case: the layer on a 3D field type, and the same layer on the planar G-space of the same group. */
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
            return ((org.e2dl4j.nn.EquivariantLayer) layer.apply(type)).outType();
        }
    }

    static List<Case> cases() {
        FieldType gated = FieldType.trivial(D4, 2).plus(FieldType.irrep(D4, 1, 1, 1)).plus(FieldType.irrep(D4, 1, 1, 2));
        return List.of(
                new Case("ReLU on dihedralOnR3(4) regular + trivial",
                        FieldType.regular(D4, 2).plus(FieldType.trivial(D4, 1)), t -> new ReLU.Builder(t).build(), true),
                new Case("p_elu on invOnR3 regular", FieldType.regular(INV, 3),
                        t -> new PointwiseNonLinearity.Builder(t).function("p_elu").build(), true),
                new Case("n_relu on dihedralOnR3(4) irreps", FieldType.irrep(D4, 2, 1, 1).plus(FieldType.irrep(D4, 1, 1, 0)),
                        t -> new NormNonLinearity.Builder(t).build(), false),
                new Case("GatedNonLinearity1 on dihedralOnR3(4)", gated,
                        t -> new GatedNonLinearity1.Builder(t, List.of("gate", "gate", "gated", "gated")).build(), false),
                new Case("c_relu on rot2dOnR3(4) regular", FieldType.regular(C4, 2),
                        t -> new ConcatenatedNonLinearity.Builder(t).build(), false),
                new Case("ReLU on octaOnR3 regular (24 rotations)", FieldType.regular(OCTA, 1),
                        t -> new ReLU.Builder(t).build(), true),
                new Case("p_tanh on fullOctaOnR3 regular (48 elements)", FieldType.regular(FULL_OCTA, 1),
                        t -> new PointwiseNonLinearity.Builder(t).function("p_tanh").build(), true),
                new Case("n_sigmoid on fullOctaOnR3 3D irreps", irrepsOfSize(FULL_OCTA, 3, 2),
                        t -> new NormNonLinearity.Builder(t).function("n_sigmoid").build(), false),
                new Case("GatedNonLinearityUniform on fullOctaOnR3", uniformlyGated(FULL_OCTA, 2),
                        t -> new GatedNonLinearityUniform.Builder(t).build(), false),
                new Case("GatedNonLinearity1 on octaOnR3", FieldType.trivial(OCTA, 2).plus(irrepsOfSize(OCTA, 3, 1))
                        .plus(irrepsOfSize(OCTA, 2, 1)),
                        t -> new GatedNonLinearity1.Builder(t, List.of("gate", "gate", "gated", "gated")).build(), false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isEquivariantOnTheGridElements(Case c) {
        LayerContract.assertEquivariant(c.name(), c.input(), c.layers(), c.type(), c.out(), 1e-5);
    }

    /** The gradient check runs the layers' code paths on the small fields of the planar groups (cheap). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("planarCases")
    void gradientsMatchFiniteDifferences(Case c) {
        LayerContract.assertGradientsCorrect(c.name(), TestNetworks.GRADIENT_VOLUME,
                TestNetworks.behindStockConvolution3D(c.type(), () -> c.layer().apply(c.type())));
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

    /** The planar G-space of the same group as the 3D one, or null (the polyhedral groups). */
    private static GSpace planar(GSpace volumetric) {
        return volumetric == D4 ? GSpaces.flipRot2dOnR2(4) : volumetric == C4 ? GSpaces.rot2dOnR2(4)
                : volumetric == INV ? GSpaces.rot2dOnR2(2) : null;
    }

    /** The cases whose group also acts on the plane. */
    static List<Case> planarCases() {
        return cases().stream().filter(c -> planar(c.type().gspace()) != null).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("planarCases")
    void actsOnEveryDepthSliceAsOnAPlanarMap(Case c) {
        FieldType planarType = new FieldType(planar(c.type().gspace()), c.type().representations());
        MultiLayerNetwork volume = NonlinearityChecks.single(c.layer().apply(c.type()), DataType.DOUBLE);
        MultiLayerNetwork plane = NonlinearityChecks.single(c.layer().apply(planarType), DataType.DOUBLE);
        plane.setParams(volume.params());
        INDArray x = TestNetworks.gaussian(DataType.DOUBLE, 5, 2, c.type().size(), 3, 4, 3);
        INDArray y = volume.output(x);
        assertEquals(5, y.rank());
        assertTrue(y.amaxNumber().doubleValue() > 0, c.name() + ": the output is zero, the check would prove nothing");
        for (int d = 0; d < 3; d++) {
            INDArray slice = x.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(d), NDArrayIndex.all(),
                    NDArrayIndex.all()).dup('c');
            INDArray expected = plane.output(slice);
            INDArray got = y.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(d), NDArrayIndex.all(),
                    NDArrayIndex.all());
            assertEquals(0, expected.sub(got).amaxNumber().doubleValue(), 1e-12, c.name() + " at depth " + d);
        }
    }

    @Test
    void aPlanarOnlyNonlinearityRefusesVolumes() {
        org.e2dl4j.testing.Rejections.assertRejected(() -> new VectorFieldNonLinearity.Builder(FieldType.regular(C4, 1))
                .build(), "VectorFieldNonLinearity", "2-dimensional base space", "3-dimensional base space");
    }
}
