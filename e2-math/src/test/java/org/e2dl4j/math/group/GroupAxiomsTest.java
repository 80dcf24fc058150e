package org.e2dl4j.math.group;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import org.e2dl4j.math.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class GroupAxiomsTest {

    private static final double TOL = 1e-9;

    static Stream<Group> finiteGroups() {
        return TestGroups.finiteGroups().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("finiteGroups")
    void finiteGroupIsClosedAssociativeWithIdentityAndInverses(Group g) {
        List<GroupElement> els = g.elements();
        assertEquals(g.order(), els.size(), g + ": number of elements");
        assertEquals(g.order(), new HashSet<>(els).size(), g + ": elements must be distinct");
        GroupElement e = g.identity();
        for (GroupElement a : els) {
            assertEquals(a, g.combine(e, a), g + ": e * " + a);
            assertEquals(a, g.combine(a, e), g + ": " + a + " * e");
            assertEquals(e, g.combine(a, g.inverse(a)), g + ": " + a + " * " + a + "^-1");
            assertEquals(e, g.combine(g.inverse(a), a), g + ": " + a + "^-1 * " + a);
            for (GroupElement b : els) {
                GroupElement ab = g.combine(a, b);
                assertTrue(g.isElement(ab), g + ": " + a + " * " + b + " = " + ab + " is not an element");
                for (GroupElement c : els) {
                    assertEquals(g.combine(ab, c), g.combine(a, g.combine(b, c)),
                            g + ": (" + a + " * " + b + ") * " + c + " vs " + a + " * (" + b + " * " + c + ")");
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("finiteGroups")
    void cyclicGroupsAreAbelianAndDihedralGroupsSatisfyTheirPresentation(Group g) {
        int n = g.rotationOrder();
        GroupElement r = GroupElement.finite(0, 1, n);
        GroupElement power = g.identity();
        for (int k = 1; k <= n; k++) {
            power = g.combine(r, power);
            assertEquals(k == n, power.equals(g.identity()), g + ": r^" + k + " = e only for k = N");
        }
        if (!g.hasReflections()) {
            for (GroupElement a : g.elements()) {
                for (GroupElement b : g.elements()) {
                    assertEquals(g.combine(a, b), g.combine(b, a), g + " must be abelian: " + a + ", " + b);
                }
            }
            return;
        }
        GroupElement f = GroupElement.finite(1, 0, n);
        assertEquals(g.identity(), g.combine(f, f), g + ": f^2 = e");
        // f r f = r^-1
        assertEquals(g.inverse(r), g.combine(f, g.combine(r, f)), g + ": f r f = r^-1");
        // (f, k) is r^k f
        for (int k = 0; k < n; k++) {
            GroupElement rk = GroupElement.finite(0, k, n);
            assertEquals(GroupElement.finite(1, k, n), g.combine(rk, f), g + ": r^" + k + " * f");
        }
    }

    static Stream<Group> continuousGroups() {
        return TestGroups.continuousGroups().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("continuousGroups")
    void sampledContinuousElementsSatisfyTheGroupAxioms(Group g) {
        Random rnd = new Random(7);
        for (int trial = 0; trial < 300; trial++) {
            GroupElement a = sample(g, rnd);
            GroupElement b = sample(g, rnd);
            GroupElement c = sample(g, rnd);
            GroupElement left = g.combine(g.combine(a, b), c);
            GroupElement right = g.combine(a, g.combine(b, c));
            assertTrue(g.equal(left, right, TOL), g + ": (ab)c = " + left + " vs a(bc) = " + right
                    + " for a=" + a + " b=" + b + " c=" + c);
            assertTrue(g.equal(g.combine(a, g.inverse(a)), g.identity(), TOL), g + ": a a^-1 for " + a);
            assertTrue(g.equal(g.combine(g.inverse(a), a), g.identity(), TOL), g + ": a^-1 a for " + a);
            assertTrue(g.equal(g.combine(g.identity(), a), a, TOL), g + ": e a for " + a);
            assertTrue(g.isElement(g.combine(a, b)), g + ": closure for " + a + ", " + b);
        }
    }

    @Test
    void o2ProductIsRotationAfterReflectionComposedAsPlaneMaps() {
        // r_t f^j acts on R^2 as R(t) F^j with F = diag(1, -1); the product must match the matrix product
        Group g = Groups.o2(3);
        Random rnd = new Random(3);
        for (int trial = 0; trial < 100; trial++) {
            GroupElement a = sample(g, rnd);
            GroupElement b = sample(g, rnd);
            double[][] ab = plane(g.combine(a, b));
            double[][] prod = Mat.multiply(plane(a), plane(b));
            Mat.assertClose(prod, ab, TOL, "O(2) product " + a + " * " + b);
        }
    }

    @Test
    void continuousEqualityToleratesTheWrapAround() {
        Group g = Groups.so2(2);
        assertTrue(g.equal(GroupElement.continuous(0, 1e-12), GroupElement.continuous(0, 2 * Math.PI - 1e-12), TOL),
                "angles 1e-12 and 2 pi - 1e-12 are the same rotation");
        assertTrue(!g.equal(GroupElement.continuous(0, 0.1), GroupElement.continuous(0, 0.2), TOL),
                "angles 0.1 and 0.2 differ");
    }

    @Test
    void testingElementsAreElementsOfTheirGroupAndDistinct() {
        for (Group g : TestGroups.continuousGroups()) {
            Set<GroupElement> seen = new HashSet<>();
            for (GroupElement e : g.testingElements()) {
                assertTrue(g.isElement(e), g + ": testing element " + e);
                assertTrue(seen.add(e), g + ": duplicate testing element " + e);
            }
            assertTrue(seen.size() >= 16, g + ": at least 16 testing elements, got " + seen.size());
        }
    }

    @Test
    void groupOfOrderZeroOrNegativeFrequencyIsRejectedWithTheValidRange() {
        IllegalArgumentException c = assertThrows(IllegalArgumentException.class, () -> Groups.cyclic(0));
        assertTrue(c.getMessage().contains("N >= 1"), "C_0 message says N >= 1: " + c.getMessage());
        IllegalArgumentException d = assertThrows(IllegalArgumentException.class, () -> Groups.dihedral(0));
        assertTrue(d.getMessage().contains("N >= 1"), "D_0 message says N >= 1: " + d.getMessage());
        IllegalArgumentException s = assertThrows(IllegalArgumentException.class, () -> Groups.so2(-1));
        assertTrue(s.getMessage().contains(">= 0"), "SO(2) message says >= 0: " + s.getMessage());
        IllegalArgumentException o = assertThrows(IllegalArgumentException.class, () -> Groups.o2(-2));
        assertTrue(o.getMessage().contains(">= 0"), "O(2) message says >= 0: " + o.getMessage());
    }

    @Test
    void elementsOfAnotherGroupAreRejected() {
        Group c4 = Groups.cyclic(4);
        GroupElement fromC8 = GroupElement.finite(0, 1, 8);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c4.combine(fromC8, fromC8));
        assertTrue(e.getMessage().contains("C4"), "message names the group: " + e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> c4.inverse(GroupElement.finite(1, 0, 4)));
        assertThrows(IllegalStateException.class, () -> Groups.so2(3).elements());
    }

    private static GroupElement sample(Group g, Random rnd) {
        int flip = g.hasReflections() ? rnd.nextInt(2) : 0;
        return GroupElement.continuous(flip, rnd.nextDouble() * 4 * Math.PI - Math.PI);
    }

    private static double[][] plane(GroupElement e) {
        double c = Math.cos(e.angle());
        double s = Math.sin(e.angle());
        double[][] rot = {{c, -s}, {s, c}};
        return e.flip() == 0 ? rot : Mat.multiply(rot, new double[][] {{1, 0}, {0, -1}});
    }
}
