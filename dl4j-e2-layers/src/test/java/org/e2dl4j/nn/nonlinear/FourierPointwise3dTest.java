package org.e2dl4j.nn.nonlinear;

import static org.e2dl4j.testing.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.e2dl4j.math.Fourier3dReference;
import org.e2dl4j.math.group.Group;
import org.e2dl4j.math.group.GroupElement;
import org.e2dl4j.math.group.GroupGrid;
import org.e2dl4j.math.group.SubgroupId;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.math.repr.Representations;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.FieldVolumeInputType;
import org.e2dl4j.nn.testing.LayerContract;
import org.e2dl4j.nn.testing.TestNetworks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * escnn's Fourier nonlinearities on SO(3) and O(3), on NCDHW volumes: their outputs against escnn 1.0.13's on the 19
 * configs of {@code fourier3d.json} (5-D inputs), the fiber identity f(rho(g) x) = rho(g) f(x) exactly on the
 * elements that map the grid onto itself (the icosahedron's 60 rotations on the ico grids, the cube's 48 elements on
 * O(3)'s cube grid and the sphere's cube points), and the layer contract on the cube's 24 rotations (48 with the
 * inversion) with grids they permute: equivariance of the volume map, gradient check in double, JSON and
 * ModelSerializer round trips, export to stock 1x1x1 {@code Convolution3D}s and an activation with the same output;
 * refusals of grids that do not fit.
 */
class FourierPointwise3dTest {

    private static final int F = Fourier3dReference.MAXIMUM_FREQUENCY;
    private static final GSpace SO3 = GSpaces.rot3dOnR3(F);
    private static final GSpace O3 = GSpaces.flipRot3dOnR3(F);

    /** escnn's outputs: sums of up to 120 products of 10-decimal numbers, A+ of the under-sampled configs. */
    private static final double ESCNN_TOLERANCE = 1e-7;

    static List<Fourier3dReference> escnnConfigs() {
        return Fourier3dReference.all();
    }

    private static Layer layerOf(Fourier3dReference c) {
        GSpace gs = c.group().kind() == org.e2dl4j.math.group.GroupKind.O3 ? O3 : SO3;
        FieldType in = FieldType.of(gs, c.representation(), c.channels());
        if (c.subgroup() == null) {
            FourierPointwise.Builder b = new FourierPointwise.Builder(in, c.grid()).function(c.function())
                    .normalize(c.normalize());
            return (c.hasOutIrreps() ? b.outIrreps(c.outIrreps()) : b).build();
        }
        QuotientFourierPointwise.Builder b = new QuotientFourierPointwise.Builder(in, c.grid()).function(c.function())
                .normalize(c.normalize());
        return (c.hasOutIrreps() ? b.outIrreps(c.outIrreps()) : b).build();
    }

    /** On our grid (the same points as escnn's; sphere grids in another order, which the output does not see). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("escnnConfigs")
    void outputIsEscnnsElementForElement(Fourier3dReference c) {
        INDArray x = Nd4j.createFromArray(c.values("input")).reshape('c', c.shape("inputShape"));
        INDArray y = NonlinearityChecks.apply(layerOf(c), x);
        assertEquals(List.of(c.shape("outputShape")[0], c.shape("outputShape")[1], 2L, 1L, 2L),
                List.of(y.size(0), y.size(1), y.size(2), y.size(3), y.size(4)), c + ": output shape");
        double[] expected = c.values("output");
        double[] got = y.data().asDouble();
        assertEquals(expected.length, got.length, c + ": output size");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], got[i], ESCNN_TOLERANCE, c + ": output element " + i);
        }
    }

    private static FieldType regularFields(GSpace gs, int bandLimit, int copies) {
        Group g = gs.fibergroup();
        return FieldType.of(gs, Representations.spectralRegular(g, Representations.bandLimitedIrreps(g, bandLimit)),
                copies);
    }

    private static FieldType sphereFields(GSpace gs, int bandLimit, int copies) {
        Group g = gs.fibergroup();
        SubgroupId id = gs == O3 ? SubgroupId.cone(-1) : SubgroupId.planarRotations(-1);
        return FieldType.of(gs, Representations.spectralQuotient(g, id, Representations.bandLimitedIrreps(g, bandLimit)),
                copies);
    }

    /** A layer case: the nonlinearity on a field type, with the elements that map its grid onto itself. */
    record Case(String name, FieldType in, Function<FieldType, Layer> layer, List<GroupElement> exact) {
        @Override
        public String toString() {
            return name;
        }

        FieldType out() {
            return ((AbstractFourierPointwise) layer.apply(in)).outType();
        }

        InputType input() {
            return FieldVolumeInputType.of(in, 3, 3, 3);
        }

        Supplier<List<Layer>> layers() {
            return () -> List.of(layer.apply(in));
        }
    }

    /** The 60 rotations of the icosahedron / the cube's 48 elements: both map their grids onto themselves. */
    static List<Case> fiberCases() {
        return List.of(
                new Case("FourierELU SO(3) bl 2, ico grid", regularFields(SO3, 2, 2),
                        t -> new FourierELU.Builder(t, GroupGrid.ico()).build(),
                        GroupGrid.ico().elements(SO3.fibergroup())),
                new Case("FourierPointwise O(3) bl 1, cube grid", regularFields(O3, 1, 2),
                        t -> new FourierPointwise.Builder(t, GroupGrid.cube()).build(),
                        GroupGrid.cube().elements(O3.fibergroup())),
                new Case("QuotientFourierELU SO(3)/SO(2) bl 3 -> bl 2, sphere ico", sphereFields(SO3, 3, 2),
                        t -> new QuotientFourierELU.Builder(t, GroupGrid.sphere(GroupGrid.Type.SPHERE_ICO))
                                .outIrreps(Representations.bandLimitedIrreps(SO3.fibergroup(), 2)).build(),
                        GroupGrid.ico().elements(SO3.fibergroup())),
                new Case("QuotientFourierPointwise O(3)/O(2) bl 2, sphere cube", sphereFields(O3, 2, 2),
                        t -> new QuotientFourierPointwise.Builder(t, GroupGrid.sphere(GroupGrid.Type.SPHERE_CUBE))
                                .build(),
                        GroupGrid.cube().elements(O3.fibergroup())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fiberCases")
    void commutesExactlyWithEveryElementThatMapsTheGridOntoItself(Case c) {
        NonlinearityChecks.assertFiberEquivariant(c.name(), c.layer().apply(c.in()), c.in(), c.out(), c.exact());
    }

    /** Grids that the cube's 24 rotations (48 elements with the inversion) map onto themselves. */
    static List<Case> contractCases() {
        return List.of(
                new Case("FourierELU SO(3) bl 1, cube grid", regularFields(SO3, 1, 2),
                        t -> new FourierELU.Builder(t, GroupGrid.cube()).build(), List.of()),
                new Case("FourierPointwise p_sigmoid O(3) bl 1, cube grid", regularFields(O3, 1, 1),
                        t -> new FourierPointwise.Builder(t, GroupGrid.cube()).function("p_sigmoid").build(),
                        List.of()),
                new Case("QuotientFourierELU SO(3)/SO(2) bl 2, sphere cube", sphereFields(SO3, 2, 2),
                        t -> new QuotientFourierELU.Builder(t, GroupGrid.sphere(GroupGrid.Type.SPHERE_CUBE)).build(),
                        List.of()),
                new Case("QuotientFourierPointwise p_tanh O(3)/O(2) bl 2 -> bl 1, sphere cube_vertices",
                        sphereFields(O3, 2, 2),
                        t -> new QuotientFourierPointwise.Builder(t,
                                GroupGrid.sphere(GroupGrid.Type.SPHERE_CUBE_VERTICES)).function("p_tanh")
                                .outIrreps(Representations.bandLimitedIrreps(O3.fibergroup(), 1)).build(),
                        List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contractCases")
    void isEquivariantOnTheCubesElementsOnVolumes(Case c) {
        LayerContract.assertEquivariant(c.name(), c.input(), c.layers(), c.in(), c.out(), 1e-5);
    }

    /** Behind a stock 1x1x1 Convolution3D from 2 channels, whose parameter gradients pass through the layer. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("contractCases")
    void gradientsMatchFiniteDifferences(Case c) {
        LayerContract.assertGradientsCorrect(c.name(), TestNetworks.GRADIENT_VOLUME,
                TestNetworks.behindStockConvolution3D(c.in(), () -> c.layer().apply(c.in())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contractCases")
    void survivesJsonAndModelSerializer(Case c, @TempDir Path dir) throws Exception {
        LayerContract.assertJsonRoundTrip(c.name(), c.input(), c.layers());
        LayerContract.assertSerializerRoundTrip(c.name(), c.input(), c.layers(), dir);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contractCases")
    void exportsToStockConvolution3DsAndAnActivationWithTheSameOutput(Case c) {
        LayerContract.assertExportEquivalent(c.name(), c.input(), c.layers());
    }

    @Test
    void gridsThatDoNotFitAreRejectedAtBuildTime() {
        FieldType so3 = regularFields(SO3, 1, 2);
        assertRejected(() -> new FourierPointwise.Builder(so3, GroupGrid.sphere(GroupGrid.Type.SPHERE_ICO)).build(),
                "FourierPointwise", "sphere ico grid", "QuotientFourierPointwise");
        assertRejected(() -> new FourierELU.Builder(so3, GroupGrid.regular(8)).build(), "FourierELU",
                "regular grid N=8", "SO(3)", "cube, ico, tetra");
        FieldType octaQuotient = FieldType.of(SO3, Representations.spectralQuotient(SO3.fibergroup(),
                SubgroupId.octa(), Representations.bandLimitedIrreps(SO3.fibergroup(), 2)), 1);
        assertRejected(() -> new QuotientFourierPointwise.Builder(octaQuotient,
                GroupGrid.sphere(GroupGrid.Type.SPHERE_CUBE)).build(), "QuotientFourierPointwise", "sphere cube grid",
                "(False, -1)", "'octa'", "grid of the group");
        FieldType o3Planar = FieldType.of(O3, Representations.spectralQuotient(O3.fibergroup(),
                SubgroupId.planarRotations(-1), Representations.bandLimitedIrreps(O3.fibergroup(), 1)), 1);
        assertRejected(() -> new QuotientFourierELU.Builder(o3Planar, GroupGrid.sphereFibonacci(20)).build(),
                "QuotientFourierELU", "('cone', -1)", "(False, -1)");
    }

    @Test
    void editedGridPropertiesAreRejectedWhenTheConfigurationIsLoaded() {
        FieldType t = regularFields(SO3, 1, 1);
        InputType input = FieldVolumeInputType.of(t, 2, 2, 2);
        String json = TestNetworks.withLoss(DataType.FLOAT, 1, input,
                List.of(new FourierELU.Builder(t, GroupGrid.cube()).build())).getLayerWiseConfigurations().toJson();
        String thomson = json.replace("\"gridType\" : \"cube\"", "\"gridType\" : \"thomson\"");
        assertRejected(() -> TestNetworks.withLoss(DataType.FLOAT, 1, input,
                        List.of(MultiLayerConfiguration.fromJson(thomson).getConf(0).getLayer())),
                "FourierELU", "thomson", "cannot be reproduced");
        String counted = json.replace("\"gridN\" : 0", "\"gridN\" : 24");
        assertRejected(() -> TestNetworks.withLoss(DataType.FLOAT, 1, input,
                        List.of(MultiLayerConfiguration.fromJson(counted).getConf(0).getLayer())),
                "FourierELU", "cube grid", "no N", "N = 24");
    }
}
