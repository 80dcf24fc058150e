package org.e2dl4j.math.gspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.e2dl4j.math.Mat;
import org.e2dl4j.math.group.Group;
import org.e2dl4j.math.group.GroupElement;
import org.e2dl4j.math.group.Groups;
import org.e2dl4j.math.group.SubgroupId;
import org.e2dl4j.math.group.TestGroups;
import org.e2dl4j.math.repr.Representation;
import org.e2dl4j.math.repr.Representations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GSpaceTest {

    private static final double TOL = 1e-9;

    static Stream<GSpace> gspaces() {
        return Stream.of(GSpaces.rot2dOnR2(8), GSpaces.flipRot2dOnR2(6), GSpaces.flip2dOnR2(), GSpaces.trivialOnR2(),
                GSpaces.rot2dOnR2(-1), GSpaces.flipRot2dOnR2(-1, 4));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("gspaces")
    void planeActionIsAnOrthogonalHomomorphism(GSpace gs) {
        Group g = gs.fibergroup();
        for (GroupElement a : gs.testingElements()) {
            double[][] m = gs.planeMatrix(a);
            Mat.assertClose(Mat.identity(2), Mat.multiply(m, Mat.transpose(m)), TOL, gs + ": plane matrix of " + a);
            for (GroupElement b : gs.testingElements()) {
                Mat.assertClose(Mat.multiply(m, gs.planeMatrix(b)), gs.planeMatrix(g.combine(a, b)), TOL,
                        gs + ": plane action of " + a + " * " + b);
            }
        }
    }

    @Test
    void reflectionMirrorsAcrossTheVerticalAxisAndRotationsAreCounterClockwise() {
        double[][] mirror = {{-1, 0}, {0, 1}};
        Mat.assertClose(mirror, GSpaces.flipRot2dOnR2(4).planeMatrix(GroupElement.finite(1, 0, 4)), TOL,
                "FlipRot2dOnR2(4): the reflection (x, y) -> (-x, y)");
        Mat.assertClose(mirror, GSpaces.flip2dOnR2().planeMatrix(GroupElement.finite(0, 1, 2)), TOL,
                "Flip2dOnR2: the flip (x, y) -> (-x, y)");
        Mat.assertClose(new double[][] {{0, -1}, {1, 0}}, GSpaces.rot2dOnR2(4).planeMatrix(GroupElement.finite(0, 1, 4)),
                TOL, "Rot2dOnR2(4): a quarter turn maps (1, 0) to (0, 1)");
    }

    static Stream<Arguments> restrictions() {
        List<Arguments> args = new ArrayList<>();
        for (GSpace gs : List.of(GSpaces.rot2dOnR2(8), GSpaces.flipRot2dOnR2(8), GSpaces.flipRot2dOnR2(6), GSpaces.flip2dOnR2(),
                GSpaces.rot2dOnR2(-1, 4), GSpaces.flipRot2dOnR2(-1, 4))) {
            for (SubgroupId id : TestGroups.subgroupIds(gs.fibergroup())) {
                args.add(Arguments.of(gs, id));
            }
        }
        return args.stream();
    }

    /** An element of the restricted G-space acts on the plane as its image in the parent does. */
    @ParameterizedTest(name = "{0} to {1}")
    @MethodSource("restrictions")
    void restrictedGSpaceActsOnThePlaneLikeTheParent(GSpace gs, SubgroupId id) {
        RestrictedGSpace r = gs.restrict(id);
        assertSame(gs, r.parent(), gs + " restricted to " + id + ": parent");
        GSpace sub = r.gspace();
        assertEquals(r.subgroup().group(), sub.fibergroup(), gs + " restricted to " + id + ": fibergroup");
        for (GroupElement h : sub.testingElements()) {
            Mat.assertClose(gs.planeMatrix(r.subgroup().toParent(h)), sub.planeMatrix(h), TOL,
                    gs + " restricted to " + id + ": plane action of " + h);
        }
    }

    /** A field of the parent restricted through the G-space transforms under h as it did under toParent(h). */
    @ParameterizedTest(name = "{0} to {1}")
    @MethodSource("restrictions")
    void restrictedGSpaceRestrictsRepresentationsAlongTheElementMaps(GSpace gs, SubgroupId id) {
        RestrictedGSpace r = gs.restrict(id);
        Group g = gs.fibergroup();
        Representation rho = g.isFinite() ? gs.regularRepr() : Representations.directSum(gs.irreps(), null);
        Representation res = r.restrict(rho);
        assertEquals(r.gspace().fibergroup(), res.group(), gs + " restricted to " + id + ": group of " + res.name());
        for (GroupElement h : r.gspace().testingElements()) {
            Mat.assertClose(rho.matrix(r.subgroup().toParent(h)), res.matrix(h), TOL,
                    gs + " restricted to " + id + ": " + rho.name() + " at " + h);
        }
    }

    @Test
    void restrictingARepresentationOfAnotherGroupIsRejected() {
        RestrictedGSpace r = GSpaces.rot2dOnR2(8).restrict(SubgroupId.rotations(4));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> r.restrict(Representations.regular(Groups.cyclic(4))));
        assertTrue(e.getMessage().contains("needs a representation of C8"), e.getMessage());
    }

    @Test
    void quotientAndInducedRepresentationsComeFromTheFibergroup() {
        GSpace gs = GSpaces.flipRot2dOnR2(4);
        Representation q = gs.quotientRepr(SubgroupId.dihedral(0, 1));
        assertSame(Representations.quotient(Groups.dihedral(4), SubgroupId.dihedral(0, 1)), q, "FlipRot2dOnR2(4) quotient");
        assertEquals("quotient[(0, 1)]", q.name(), "FlipRot2dOnR2(4) quotient name");
        Representation ind = gs.inducedRepr(SubgroupId.dihedral(null, 4), Representations.irrep(Groups.cyclic(4), 1));
        assertEquals("induced[(None, 4)][irrep_1]", ind.name(), "FlipRot2dOnR2(4) induced name");
        assertEquals(4, ind.size(), "FlipRot2dOnR2(4) induced from C4 irrep_1: size 2 * 2");
        assertEquals("quotient[2]", GSpaces.rot2dOnR2(8).quotientRepr(SubgroupId.rotations(2)).name(),
                "Rot2dOnR2(8) quotient name");
    }

    @Test
    void invalidGSpaceParametersAreRejectedWithTheValidRange() {
        IllegalArgumentException r = assertThrows(IllegalArgumentException.class, () -> GSpaces.rot2dOnR2(0));
        assertTrue(r.getMessage().contains("N >= 1 (C_N) or N = -1 (SO(2))"), r.getMessage());
        IllegalArgumentException f = assertThrows(IllegalArgumentException.class, () -> GSpaces.flipRot2dOnR2(-3));
        assertTrue(f.getMessage().contains("N >= 1 (D_N) or N = -1 (O(2))"), f.getMessage());
        IllegalArgumentException s = assertThrows(IllegalArgumentException.class,
                () -> GSpaces.rot2dOnR2(4).restrict(SubgroupId.rotations(3)));
        assertTrue(s.getMessage().contains("M dividing 4"), s.getMessage());
        IllegalArgumentException i = assertThrows(IllegalArgumentException.class, () -> GSpaces.flipRot2dOnR2(2).irrep(1, 2));
        assertTrue(i.getMessage().contains("valid ids"), i.getMessage());
    }
}
