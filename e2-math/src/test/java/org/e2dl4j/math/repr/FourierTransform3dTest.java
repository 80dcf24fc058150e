package org.e2dl4j.math.repr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.e2dl4j.math.group.Group;
import org.e2dl4j.math.group.GroupElement;
import org.e2dl4j.math.group.GroupGrid;
import org.e2dl4j.math.group.Groups;
import org.e2dl4j.math.group.SO3Group;
import org.e2dl4j.math.group.SubgroupId;
import org.hipparchus.geometry.euclidean.threed.Rotation;
import org.hipparchus.geometry.euclidean.threed.RotationConvention;
import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.junit.jupiter.api.Test;

/**
 * The sampled Fourier transform on SO(3) and O(3) without escnn: the map x -> A+ relu(A x) commutes with rho(g) for
 * every g that maps the grid onto itself, to rounding (measured at most 1.2e-15; the cube grid and the cube's 24 rotations, with the inversion on O(3) its
 * 48 elements; the ico grid and the icosahedron's 60; the sphere's face centres and the cube's rotations), and only
 * approximately with a generic rotation; A+ A = I on a grid fine enough for the band limit; the band-limited
 * representation is escnn's layout (2l + 1 copies of D_l, in order; the quotient keeps one copy of each l).
 */
class FourierTransform3dTest {

    private static final SO3Group SO3 = Groups.so3(3);
    private static final Group O3 = Groups.o3(3);

    private static Representation regular(Group g, int l) {
        return Representations.spectralRegular(g, Representations.bandLimitedIrreps(g, l));
    }

    @Test
    void theBandLimitedRegularRepresentationHoldsTwoLPlusOneCopiesOfEachDl() {
        Representation rho = regular(SO3, 2);
        assertEquals(1 + 9 + 25, rho.size());
        int[] expected = {0, 1, 1, 1, 2, 2, 2, 2, 2};
        assertEquals(expected.length, rho.irreps().size());
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], rho.irreps().get(i).frequency(), "irrep " + i);
        }
        assertEquals(2 * (1 + 9), regular(O3, 1).size(), "O(3): both parities of every l");
        Representation sphere = Representations.spectralQuotient(SO3, SubgroupId.planarRotations(-1),
                Representations.bandLimitedIrreps(SO3, 3));
        assertEquals(1 + 3 + 5 + 7, sphere.size(), "SO(3) / SO(2): one copy of each D_l (the m = 0 harmonic)");
        Representation cone = Representations.spectralQuotient(O3, SubgroupId.cone(-1),
                Representations.bandLimitedIrreps(O3, 3));
        assertEquals(1 + 3 + 5 + 7, cone.size(), "O(3) / O(2): irrep (l mod 2, l) only, the parity of Y_l");
        for (IrreducibleRepresentation irr : cone.irreps()) {
            assertEquals(irr.frequency() % 2, irr.id()[0], irr.name() + " in the sphere's representation");
        }
    }

    @Test
    void commutesExactlyWithTheCubesRotationsOnTheCubeGrid() {
        FourierTransform t = FourierTransform.of(regular(SO3, 1), regular(SO3, 1), GroupGrid.cube().elements(SO3),
                true);
        assertEquivariant("SO(3) bl 1, cube grid", t, GroupGrid.cube().elements(SO3), 1e-12);
    }

    @Test
    void commutesExactlyWithTheIcosahedronsRotationsOnTheIcoGrid() {
        FourierTransform t = FourierTransform.of(regular(SO3, 3), regular(SO3, 2), GroupGrid.ico().elements(SO3),
                true);
        assertEquivariant("SO(3) bl 3 -> bl 2, ico grid", t, GroupGrid.ico().elements(SO3), 1e-12);
    }

    @Test
    void commutesExactlyWithTheCubesFortyEightElementsOnO3sCubeGrid() {
        FourierTransform t = FourierTransform.of(regular(O3, 1), regular(O3, 1), GroupGrid.cube().elements(O3), true);
        assertEquivariant("O(3) bl 1, cube grid", t, GroupGrid.cube().elements(O3), 1e-12);
    }

    @Test
    void onTheSphereCommutesExactlyWithTheRotationsThatPermuteItsPoints() {
        Representation so3 = Representations.spectralQuotient(SO3, SubgroupId.planarRotations(-1),
                Representations.bandLimitedIrreps(SO3, 2));
        List<GroupElement> faces = GroupGrid.sphere(GroupGrid.Type.SPHERE_CUBE).elements(SO3);
        assertEquivariant("SO(3) / SO(2) bl 2, sphere cube", FourierTransform.of(so3, so3, faces, true),
                GroupGrid.cube().elements(SO3), 1e-12);
        Representation o3 = Representations.spectralQuotient(O3, SubgroupId.cone(-1),
                Representations.bandLimitedIrreps(O3, 2));
        List<GroupElement> edges = GroupGrid.sphere(GroupGrid.Type.SPHERE_ICO).elements(O3);
        assertEquivariant("O(3) / O(2) bl 2, sphere ico", FourierTransform.of(o3, o3, edges, true),
                GroupGrid.ico().elements(O3), 1e-12);
    }

    /**
     * A generic rotation maps no grid point onto another: the error is visible (measured 0.067 on the cube grid with
     * bl 1), and smaller on the finer ico grid (0.024).
     */
    @Test
    void withAGenericRotationTheIdentityHoldsOnlyApproximately() {
        GroupElement g = SO3.element(new Rotation(new Vector3D(1, 2, 3), 0.7, RotationConvention.VECTOR_OPERATOR));
        double cube = error(FourierTransform.of(regular(SO3, 1), regular(SO3, 1), GroupGrid.cube().elements(SO3),
                true), g, new Random(3));
        double ico = error(FourierTransform.of(regular(SO3, 1), regular(SO3, 1), GroupGrid.ico().elements(SO3),
                true), g, new Random(3));
        assertTrue(cube > 1e-3, "the cube grid is not invariant under a generic rotation: error " + cube);
        assertTrue(ico < cube, "the ico grid is finer: " + ico + " vs the cube's " + cube);
    }

    @Test
    void theProjectionInvertsTheSamplingOnAFineEnoughGrid() {
        FourierTransform t = FourierTransform.of(regular(SO3, 2), regular(SO3, 2), GroupGrid.ico().elements(SO3),
                true);
        double[][] product = Matrices.multiply(t.projection(), t.sampling());
        for (int i = 0; i < product.length; i++) {
            for (int j = 0; j < product.length; j++) {
                assertEquals(i == j ? 1 : 0, product[i][j], 1e-6, "A+ A at [" + i + "][" + j + "]");
            }
        }
    }

    private static void assertEquivariant(String what, FourierTransform t, List<GroupElement> elements,
                                          double tolerance) {
        Random random = new Random(11);
        for (GroupElement g : elements) {
            double err = error(t, g, random);
            assertTrue(err < tolerance, what + ": |f(rho(g) x) - rho(g) f(x)| = " + err + " at " + g);
        }
    }

    /** max |f(rho_in(g) x) - rho_out(g) f(x)| / max |f(x)| for f = A+ relu(A .) on a random x. */
    private static double error(FourierTransform t, GroupElement g, Random random) {
        double[] x = new double[t.in().size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextGaussian();
        }
        x[0] = Math.abs(x[0]) + 1;
        double[] y = apply(t, x);
        double[] expected = multiply(t.out().matrix(g), y);
        double[] got = apply(t, multiply(t.in().matrix(g), x));
        double worst = 0;
        double scale = 0;
        for (int i = 0; i < y.length; i++) {
            worst = Math.max(worst, Math.abs(got[i] - expected[i]));
            scale = Math.max(scale, Math.abs(y[i]));
        }
        return worst / scale;
    }

    private static double[] apply(FourierTransform t, double[] x) {
        double[] samples = multiply(t.sampling(), x);
        for (int i = 0; i < samples.length; i++) {
            samples[i] = Math.max(0, samples[i]);
        }
        return multiply(t.projection(), samples);
    }

    private static double[] multiply(double[][] m, double[] v) {
        double[] out = new double[m.length];
        for (int i = 0; i < m.length; i++) {
            double s = 0;
            for (int j = 0; j < v.length; j++) {
                s += m[i][j] * v[j];
            }
            out[i] = s;
        }
        return out;
    }
}
