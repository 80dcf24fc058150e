package org.e2dl4j.math.gspace;

import static org.e2dl4j.testing.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.stream.Stream;

import org.e2dl4j.math.group.Group;
import org.e2dl4j.math.group.GroupElement;
import org.e2dl4j.math.group.SubgroupId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The G-spaces of R^3 built from planar groups: names, defaults, restrictions, the voxel action and its errors. */
class GSpace3dTest {

    @Test
    void namesAndDefaultsAreEscnns() {
        assertEquals("Rot2dOnR3(-1)", GSpaces.rot2dOnR3().name());
        assertEquals(2, GSpaces.rot2dOnR3().fibergroup().maximumFrequency(), "escnn's default maximum frequency");
        assertEquals("Rot2dOnR3(-1, maximumFrequency=4)", GSpaces.rot2dOnR3(-1, 4).name());
        assertEquals("Rot2dOnR3(8)", GSpaces.rot2dOnR3(8).name());
        assertEquals("DihedralOnR3(-1)", GSpaces.dihedralOnR3().name());
        assertEquals("DihedralOnR3(4, axis=0.0)", GSpaces.dihedralOnR3(4, 2, 0).name());
        assertEquals("DihedralOnR3(1)", GSpaces.dihedralOnR3(1).name());
        assertEquals("C2", GSpaces.dihedralOnR3(1).fibergroup().name(), "escnn's dihedralOnR3(1) is a C_2");
        assertEquals("ConicalOnR3(4)", GSpaces.conicalOnR3(4).name());
        assertEquals("MirOnR3", GSpaces.mirOnR3().name());
        assertEquals("InvOnR3", GSpaces.invOnR3().name());
        assertEquals("TrivialOnR3", GSpaces.trivialOnR3().name());
        assertNotEquals(GSpaces.mirOnR3(), GSpaces.invOnR3(), "two actions of C_2");
        assertNotEquals(GSpaces.trivialOnR2(), GSpaces.trivialOnR3());
    }

    @Test
    void rotationGroupsOfR3AreNamedAndTestedOnTheCube() {
        assertEquals("Rot3dOnR3", GSpaces.rot3dOnR3().name());
        assertEquals("Rot3dOnR3(maximumFrequency=4)", GSpaces.rot3dOnR3(4).name());
        assertEquals("FlipRot3dOnR3", GSpaces.flipRot3dOnR3().name());
        assertEquals("OctaOnR3", GSpaces.octaOnR3().name());
        assertEquals("FullOctaOnR3", GSpaces.fullOctaOnR3().name());
        assertEquals("IcoOnR3", GSpaces.icoOnR3().name());
        assertEquals("FullIcoOnR3", GSpaces.fullIcoOnR3().name());
        assertEquals(24, GSpaces.rot3dOnR3().testingElements().size(), "the rotations of the cube");
        assertEquals(48, GSpaces.flipRot3dOnR3().testingElements().size(), "and their products with -I");
        assertEquals(24, GSpaces.octaOnR3().testingElements().size());
        assertEquals(48, GSpaces.fullOctaOnR3().testingElements().size());
        // escnn's icosahedron has the coordinate axes among its 2-fold axes: its 12 tetrahedral rotations keep the cube
        assertEquals(12, GSpaces.icoOnR3().testingElements().size());
        assertEquals(24, GSpaces.fullIcoOnR3().testingElements().size());
        for (GSpace gs : List.of(GSpaces.rot3dOnR3(), GSpaces.fullOctaOnR3(), GSpaces.icoOnR3())) {
            for (GroupElement g : gs.testingElements()) {
                double[][] m = gs.baseMatrix(g);
                double det = m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
                        - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                        + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
                assertEquals(g.flip() == 1 ? -1 : 1, det, 1e-12, gs + ": det of " + g);
            }
        }
    }

    @Test
    void degenerateArgumentsGiveEscnnsEqualGSpaces() {
        assertEquals(GSpaces.trivialOnR3(), GSpaces.rot2dOnR3(1));
        assertEquals(GSpaces.mirOnR3(), GSpaces.conicalOnR3(1));
        assertEquals(GSpaces.mirOnR3(0.5), GSpaces.conicalOnR3(1, 2, 0.5));
    }

    @Test
    void restrictionsAreTheFactoriesGSpaces() {
        assertEquals(GSpaces.rot2dOnR3(4), GSpaces.rot2dOnR3(8).restrict(4).gspace());
        assertEquals(GSpaces.trivialOnR3(), GSpaces.rot2dOnR3(8).restrict(1).gspace());
        assertEquals(GSpaces.rot2dOnR3(4), GSpaces.rot2dOnR3(-1).restrict(4).gspace());
        assertEquals(GSpaces.rot2dOnR3(2), GSpaces.dihedralOnR3(4).restrict(SubgroupId.dihedral(null, 2)).gspace());
        assertEquals(GSpaces.dihedralOnR3(2), GSpaces.dihedralOnR3(4).restrict(SubgroupId.dihedral(0, 2)).gspace());
        assertEquals(GSpaces.dihedralOnR3(1), GSpaces.dihedralOnR3(4).restrict(SubgroupId.dihedral(0, 1)).gspace());
        assertEquals(GSpaces.mirOnR3(), GSpaces.conicalOnR3(4).restrict(SubgroupId.dihedral(0, 1)).gspace());
        assertEquals(GSpaces.trivialOnR3(), GSpaces.invOnR3().restrict(1).gspace());
        assertEquals(GSpaces.invOnR3(), GSpaces.invOnR3().restrict(2).gspace());
        assertEquals(GSpaces.conicalOnR3(-1), GSpaces.conicalOnR3(-1).restrict(SubgroupId.orthogonal(0.0, -1)).gspace());
        assertEquals(GSpaces.rot3dOnR3(3), GSpaces.flipRot3dOnR3(3).restrict(SubgroupId.so3()).gspace());
        assertEquals(GSpaces.octaOnR3(), GSpaces.flipRot3dOnR3().restrict(SubgroupId.octa()).gspace());
        assertEquals(GSpaces.fullOctaOnR3(), GSpaces.flipRot3dOnR3().restrict(SubgroupId.fullOcta()).gspace());
        assertEquals(GSpaces.icoOnR3(), GSpaces.rot3dOnR3().restrict(SubgroupId.ico()).gspace());
        assertEquals(GSpaces.rot2dOnR3(-1, 3), GSpaces.rot3dOnR3(3).restrict(SubgroupId.planarRotations(-1)).gspace());
        assertEquals(GSpaces.rot2dOnR3(4), GSpaces.octaOnR3().restrict(SubgroupId.planarRotations(4)).gspace());
        assertEquals(GSpaces.dihedralOnR3(4, 2, 0.0),
                GSpaces.octaOnR3().restrict(SubgroupId.planarDihedral(4)).gspace());
        assertEquals(GSpaces.conicalOnR3(4), GSpaces.fullOctaOnR3().restrict(SubgroupId.cone(Math.PI / 2, 4)).gspace());
        assertEquals(GSpaces.invOnR3(), GSpaces.flipRot3dOnR3().restrict(SubgroupId.inversion()).gspace());
        assertEquals(GSpaces.mirOnR3(), GSpaces.flipRot3dOnR3().restrict(SubgroupId.cone(Math.PI / 2, 1)).gspace());
        assertEquals(GSpaces.trivialOnR3(), GSpaces.octaOnR3().restrict(SubgroupId.planarRotations(1)).gspace());
        assertEquals(GSpaces.dihedralOnR3(1, 2, 0.0), GSpaces.flipRot3dOnR3().restrict(SubgroupId.planarDihedral(1))
                .gspace(), "escnn's C_2 of one half turn");
        assertRejected(() -> GSpaces.rot3dOnR3().restrict(SubgroupId.rotations(2)), "SubgroupId");
    }

    /** A restricted G-space moves points as the parent does: its flips keep acting as they did. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("restrictions")
    void restrictedElementsActAsInTheParent(GSpace parent, SubgroupId id) {
        RestrictedGSpace r = parent.restrict(id);
        for (GroupElement h : r.gspace().fibergroup().elements()) {
            double[][] inParent = parent.baseMatrix(r.subgroup().toParent(h));
            double[][] own = r.gspace().baseMatrix(h);
            for (int i = 0; i < 3; i++) {
                assertArrayEquals(inParent[i], own[i], 1e-12, parent + " restricted to " + id + ": " + h);
            }
        }
    }

    static Stream<Object[]> restrictions() {
        return Stream.of(new Object[] {GSpaces.dihedralOnR3(4), SubgroupId.dihedral(1, 2)},
                new Object[] {GSpaces.dihedralOnR3(4), SubgroupId.dihedral(3, 1)},
                new Object[] {GSpaces.conicalOnR3(4), SubgroupId.dihedral(1, 2)},
                new Object[] {GSpaces.conicalOnR3(4), SubgroupId.dihedral(1, 1)},
                new Object[] {GSpaces.conicalOnR3(6, 2, 0.3), SubgroupId.dihedral(1, 3)},
                new Object[] {GSpaces.rot2dOnR3(8), SubgroupId.rotations(2)},
                new Object[] {GSpaces.octaOnR3(), SubgroupId.planarRotations(4)},
                new Object[] {GSpaces.octaOnR3(), SubgroupId.planarDihedral(4)},
                new Object[] {GSpaces.fullOctaOnR3(), SubgroupId.cone(Math.PI / 2, 4)},
                new Object[] {GSpaces.fullOctaOnR3(), SubgroupId.octa()},
                new Object[] {GSpaces.fullIcoOnR3(), SubgroupId.inversion()},
                new Object[] {GSpaces.fullOctaOnR3(), SubgroupId.cone(0.0, 1)},
                new Object[] {GSpaces.flipRot3dOnR3(), SubgroupId.cone(0.3, 1)},
                new Object[] {GSpaces.rot3dOnR3(), SubgroupId.planarDihedral(0.4, 3)});
    }

    /** (a.(b.f)) = (ab).f on voxel grids, for every pair of elements (pull-back order, as on the plane). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("finiteSpaces")
    void voxelPermutationsComposeLikeTheGroup(GSpace gs) {
        Group g = gs.fibergroup();
        int depth = gs.fibergroup().order() == 48 ? 4 : 3;
        for (GroupElement a : g.elements()) {
            for (GroupElement b : g.elements()) {
                int[] pa = gs.gridPermutation(a, depth, 4, 4);
                int[] pb = gs.gridPermutation(b, depth, 4, 4);
                int[] composed = new int[pa.length];
                for (int p = 0; p < pa.length; p++) {
                    composed[p] = pb[pa[p]];
                }
                assertArrayEquals(gs.gridPermutation(g.combine(a, b), depth, 4, 4), composed, gs + ": " + a + " * " + b);
            }
        }
    }

    static Stream<GSpace> finiteSpaces() {
        return Stream.of(GSpaces.rot2dOnR3(4), GSpaces.dihedralOnR3(4), GSpaces.conicalOnR3(4), GSpaces.dihedralOnR3(1),
                GSpaces.mirOnR3(), GSpaces.invOnR3(), GSpaces.trivialOnR3(), GSpaces.fullOctaOnR3());
    }

    /** The quarter turn about z moves, in every slice, the top-centre voxel of a 3 x 3 slice to the left-centre. */
    @Test
    void quarterTurnAboutZTurnsEverySliceAsOnThePlane() {
        int[] voxels = GSpaces.rot2dOnR3(4).gridPermutation(GroupElement.finite(0, 1, 4), 2, 3, 3);
        int[] pixels = GSpaces.rot2dOnR2(4).gridPermutation(GroupElement.finite(0, 1, 4), 3, 3);
        for (int d = 0; d < 2; d++) {
            for (int p = 0; p < 9; p++) {
                assertEquals(d * 9 + pixels[p], voxels[d * 9 + p], "slice " + d + ", pixel " + p);
            }
        }
        assertEquals(1, pixels[3], "left-centre takes the top-centre pixel");
        // the inversion reverses the order of the voxels
        int[] inv = GSpaces.invOnR3().gridPermutation(GroupElement.finite(0, 1, 2), 2, 3, 4);
        for (int p = 0; p < inv.length; p++) {
            assertEquals(inv.length - 1 - p, inv[p], "inversion at voxel " + p);
        }
    }

    @Test
    void badGridRequestsAreRefused() {
        GSpace c8 = GSpaces.rot2dOnR3(8);
        assertRejected(() -> c8.gridPermutation(GroupElement.finite(0, 1, 8), 3, 3, 3), "r1/8", "Rot2dOnR3(8)",
                "does not map the voxel grid");
        assertRejected(() -> c8.gridPermutation(GroupElement.finite(0, 2, 8), 3, 3, 4), "3 x 3 x 4",
                "axes of different lengths");
        assertRejected(() -> c8.gridPermutation(GroupElement.finite(0, 2, 8), 3, 3), "acts on R^3",
                "gridPermutation(g, depth, height, width)");
        assertRejected(() -> GSpaces.rot2dOnR2(4).gridPermutation(GroupElement.finite(0, 1, 4), 3, 3, 3),
                "Rot2dOnR2(4)", "dimensionality 2");
        assertRejected(IllegalStateException.class, () -> c8.planeMatrix(GroupElement.finite(0, 1, 8)), "R^3",
                "baseMatrix");
        assertRejected(() -> c8.gridPermutation(GroupElement.finite(0, 0, 8), 0, 3, 3), "at least 1 x 1 x 1");
        assertRejected(() -> GSpaces.rot2dOnR3(0), "rot2dOnR3", "N = 0");
        assertRejected(() -> GSpaces.dihedralOnR3(-2), "dihedralOnR3", "D_N", "N = -2");
    }

    @Test
    void aRotationAboutZKeepsTheDepthAxisSoUnequalDepthsAreFine() {
        int[] p = GSpaces.dihedralOnR3(4).gridPermutation(GroupElement.finite(1, 1, 4), 5, 2, 2);
        assertEquals(20, p.length);
        assertEquals(GSpaces.rot2dOnR3(8).testingElements().size(), 4, "the quarter turns of C_8");
        assertEquals(GSpaces.dihedralOnR3(-1).testingElements().size(), 8, "the quarter turns of O(2) and their flips");
    }
}
