package org.e2dl4j.math.repr;

import static org.e2dl4j.testing.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.e2dl4j.math.group.Group;
import org.e2dl4j.math.group.GroupElement;
import org.e2dl4j.math.group.GroupGrid;
import org.e2dl4j.math.group.Groups;
import org.e2dl4j.math.group.Subgroup;
import org.e2dl4j.math.group.SubgroupId;
import org.junit.jupiter.api.Test;

/**
 * The band-limited representations and their Fourier matrices against hand-derived facts, independent of escnn: the
 * sizes (1 + 2L for SO(2), 2 + 4L for O(2), |G| for the full band of a finite group), the translation identity
 * {@code A(h) rho(g) = A(g^-1 h)} of the samples, the constancy of quotient samples on cosets, the exact inverse
 * A+ A = I on fine enough grids, and the refusals.
 */
class SpectralRepresentationTest {

    private static final Group SO2 = Groups.so2(6);
    private static final Group O2 = Groups.o2(6);

    @Test
    void sizesAreThoseOfTheFourierSpaces() {
        for (int l = 0; l <= 6; l++) {
            assertEquals(1 + 2 * l, Representations.spectralRegular(SO2, Representations.bandLimitedIrreps(SO2, l))
                    .size(), "SO(2) band " + l);
            assertEquals(2 + 4 * l, Representations.spectralRegular(O2, Representations.bandLimitedIrreps(O2, l))
                    .size(), "O(2) band " + l);
        }
        for (Group g : List.of(Groups.cyclic(7), Groups.cyclic(8), Groups.dihedral(5), Groups.dihedral(6))) {
            Representation full = Representations.spectralRegular(g, Representations.bandLimitedIrreps(g,
                    g.maximumFrequency()));
            assertEquals(g.order(), full.size(), g + ": the full band is the regular representation's size");
        }
        // functions on O(2) / SO(2) = two points; on SO(2) / C_2: the even frequencies
        assertEquals(2, Representations.spectralQuotient(O2, SubgroupId.orthogonal(null, -1),
                Representations.bandLimitedIrreps(O2, 4)).size());
        assertEquals(1 + 2 + 2, Representations.spectralQuotient(SO2, SubgroupId.rotations(2),
                Representations.bandLimitedIrreps(SO2, 4)).size());
        assertSame(Representations.spectralRegular(SO2, Representations.bandLimitedIrreps(SO2, 2)),
                Representations.spectralRegular(SO2, Representations.bandLimitedIrreps(SO2, 2)), "cached");
    }

    @Test
    void samplesOfATurnedFunctionAreTheTurnedSamples() {
        Random random = new Random(3);
        for (Group g : List.of(SO2, O2, Groups.cyclic(8), Groups.dihedral(4))) {
            Representation rho = Representations.spectralRegular(g, Representations.bandLimitedIrreps(g,
                    Math.min(3, g.maximumFrequency())));
            List<GroupElement> grid = g.isFinite() ? g.elements() : randomElements(g, random, 12);
            double[][] a = FourierTransform.of(rho, rho, grid, true).sampling();
            for (GroupElement t : g.isFinite() ? g.elements() : randomElements(g, random, 5)) {
                double[][] turned = Matrices.multiply(a, rho.matrix(t));
                List<GroupElement> moved = new ArrayList<>();
                for (GroupElement h : grid) {
                    moved.add(g.combine(g.inverse(t), h));
                }
                double[][] expected = FourierTransform.of(rho, rho, moved, true).sampling();
                assertClose(expected, turned, 1e-12, g + " turned by " + t);
            }
        }
    }

    @Test
    void quotientSamplesAreConstantOnCosets() {
        List<Object[]> cases = List.of(new Object[] {O2, SubgroupId.orthogonal(null, -1)},
                new Object[] {O2, SubgroupId.orthogonal(0.7, 1)}, new Object[] {O2, SubgroupId.orthogonal(0.0, 2)},
                new Object[] {SO2, SubgroupId.rotations(3)}, new Object[] {Groups.dihedral(4), SubgroupId.dihedral(1, 1)},
                new Object[] {Groups.cyclic(8), SubgroupId.rotations(4)});
        Random random = new Random(5);
        for (Object[] c : cases) {
            Group g = (Group) c[0];
            SubgroupId id = (SubgroupId) c[1];
            Subgroup sub = g.subgroup(id);
            Representation rho = Representations.spectralQuotient(g, id, Representations.bandLimitedIrreps(g,
                    Math.min(4, g.maximumFrequency())));
            List<GroupElement> grid = g.isFinite() ? g.elements() : randomElements(g, random, 6);
            List<GroupElement> shifted = new ArrayList<>();
            List<GroupElement> hs = sub.group().isFinite() ? sub.group().elements()
                    : List.of(sub.group().testingElements().get(3));
            for (GroupElement x : grid) {
                shifted.add(g.combine(x, sub.toParent(hs.get(hs.size() - 1))));
            }
            assertClose(FourierTransform.of(rho, rho, grid, true).sampling(),
                    FourierTransform.of(rho, rho, shifted, true).sampling(), 1e-12, rho.name() + ": f(xh) = f(x)");
        }
    }

    @Test
    void theTransformInvertsTheSamplingOnAFineEnoughGrid() {
        for (Group g : List.of(SO2, O2, Groups.cyclic(8), Groups.dihedral(4))) {
            Representation rho = Representations.spectralRegular(g, Representations.bandLimitedIrreps(g,
                    Math.min(3, g.maximumFrequency())));
            FourierTransform t = FourierTransform.of(rho, rho, GroupGrid.regular(g.isFinite()
                    ? g.rotationOrder() : 16).elements(g), true);
            assertClose(Matrices.identity(rho.size()), Matrices.multiply(t.projection(), t.sampling()), 1e-6,
                    g + ": A+ A");
        }
    }

    @Test
    void badArgumentsAreRefusedNamingWhatIsWrong() {
        assertRejected(() -> Representations.spectralRegular(SO2, List.of()), "at least one irrep");
        assertRejected(() -> Representations.spectralRegular(SO2, List.of(new int[] {1}, new int[] {1})),
                "(1,)", "twice");
        assertRejected(() -> Representations.spectralRegular(SO2, List.of(new int[] {9})), "[9]", "valid ids");
        assertRejected(() -> Representations.spectralQuotient(O2, SubgroupId.orthogonal(null, -1),
                List.of(new int[] {1, 2})), "empty", "(None, -1)");
        assertRejected(() -> Representations.bandLimitedIrreps(Groups.cyclic(8), 5), "between 0 and 4", "5");
        assertRejected(() -> FourierTransform.of(Representations.regular(Groups.cyclic(4)),
                Representations.regular(Groups.cyclic(4)), Groups.cyclic(4).elements(), true), "not a band-limited");
        Representation so2 = Representations.spectralRegular(SO2, Representations.bandLimitedIrreps(SO2, 1));
        assertRejected(() -> FourierTransform.of(so2, Representations.spectralQuotient(SO2, SubgroupId.rotations(2),
                Representations.bandLimitedIrreps(SO2, 2)), List.of(SO2.identity()), true), "same kind");
        assertRejected(() -> FourierTransform.of(so2, so2, List.of(), true), "non-empty grid");
    }

    private static List<GroupElement> randomElements(Group g, Random random, int n) {
        List<GroupElement> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(GroupElement.continuous(g.hasReflections() ? random.nextInt(2) : 0, random.nextDouble() * 7));
        }
        return out;
    }

    private static void assertClose(double[][] expected, double[][] got, double tolerance, String what) {
        for (int i = 0; i < expected.length; i++) {
            for (int j = 0; j < expected[i].length; j++) {
                assertEquals(expected[i][j], got[i][j], tolerance, what + " at [" + i + "][" + j + "]");
            }
        }
        assertTrue(expected.length == got.length, what + ": rows");
    }
}
