package org.e2dl4j.math.group;

import static org.e2dl4j.testing.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.junit.jupiter.api.Test;

/**
 * The grids and numpy's random stream: known first draws of numpy's {@code RandomState} (the documented outputs
 * 0.5488135039273248 for seed 0 and 0.3745401188473625 for seed 42; normals 1.764052345967664, 0.4001572083672233,
 * 0.9787379841057392 for seed 0), the regular grids' points and order, the grids of SO(3) / O(3) and the sphere
 * (sizes, closure under the cube's rotations), and the refusals. escnn's grids themselves are compared in
 * {@code FourierTransformReferenceTest} and {@code FourierTransform3dReferenceTest}.
 */
class GroupGridTest {

    @Test
    void numpysFirstDrawsAreReproduced() {
        assertEquals(0.5488135039273248, new NumpyRandomState(0).random(), 0.0);
        assertEquals(0.3745401188473625, new NumpyRandomState(42).random(), 0.0);
        NumpyRandomState r = new NumpyRandomState(0);
        r.random();
        assertEquals(0.7151893663724195, r.random(), 0.0, "numpy's second draw of seed 0");
    }

    @Test
    void numpysNormalsAreReproduced() {
        NumpyRandomState r = new NumpyRandomState(0);
        assertEquals(1.764052345967664, r.gauss(), 1e-15);
        assertEquals(0.4001572083672233, r.gauss(), 1e-15);
        assertEquals(0.9787379841057392, r.gauss(), 1e-15);
    }

    @Test
    void gridsOfSo3AndO3HaveEscnnsSizes() {
        Group so3 = Groups.so3(2);
        Group o3 = Groups.o3(2);
        assertEquals(24, GroupGrid.cube().elements(so3).size());
        assertEquals(60, GroupGrid.ico().elements(so3).size());
        assertEquals(12, GroupGrid.tetra().elements(so3).size());
        assertEquals(48, GroupGrid.cube().elements(o3).size());
        assertEquals(120, GroupGrid.ico().elements(o3).size());
        assertEquals(7, GroupGrid.rand(7, 3).elements(o3).size());
        assertEquals(6, GroupGrid.sphere(GroupGrid.Type.SPHERE_CUBE).elements(so3).size());
        assertEquals(30, GroupGrid.sphere(GroupGrid.Type.SPHERE_ICO).elements(so3).size());
        assertEquals(8, GroupGrid.sphere(GroupGrid.Type.SPHERE_CUBE_VERTICES).elements(o3).size());
        assertEquals(11, GroupGrid.sphereFibonacci(11).elements(o3).size());
        List<GroupElement> o3Cube = GroupGrid.cube().elements(o3);
        for (int i = 0; i < 48; i++) {
            assertEquals(i < 24 ? 0 : 1, o3Cube.get(i).flip(), "O(3)'s cube grid: the rotations, then with inversion");
        }
    }

    /** A grid that is a group is mapped onto itself by its elements; the cube's face centres by the cube's rotations. */
    @Test
    void theCubeGridsAreClosedUnderTheCubesRotations() {
        Group so3 = Groups.so3(2);
        List<GroupElement> cube = GroupGrid.cube().elements(so3);
        for (GroupElement g : cube) {
            for (GroupElement h : cube) {
                GroupElement gh = so3.combine(g, h);
                assertTrue(cube.stream().anyMatch(k -> so3.equal(k, gh, 1e-12)), g + " times " + h + " left the grid");
            }
        }
        List<Vector3D> faces = new ArrayList<>();
        for (GroupElement p : GroupGrid.sphere(GroupGrid.Type.SPHERE_CUBE).elements(so3)) {
            faces.add(p.rotation().applyTo(Vector3D.PLUS_K));
        }
        for (GroupElement g : cube) {
            for (Vector3D p : faces) {
                Vector3D q = g.rotation().applyTo(p);
                assertTrue(faces.stream().anyMatch(f -> f.distance(q) < 1e-12), g + " moves " + p + " off the grid");
            }
        }
    }

    @Test
    void regularGridsAreEscnnsOrder() {
        assertEquals(List.of(GroupElement.finite(0, 0, 8), GroupElement.finite(0, 2, 8), GroupElement.finite(0, 4, 8),
                GroupElement.finite(0, 6, 8)), GroupGrid.regular(4).elements(Groups.cyclic(8)));
        List<GroupElement> d = GroupGrid.regular(2).elements(Groups.dihedral(4));
        assertEquals(List.of(GroupElement.finite(0, 0, 4), GroupElement.finite(0, 2, 4), GroupElement.finite(1, 0, 4),
                GroupElement.finite(1, 2, 4)), d);
        List<GroupElement> o = GroupGrid.regular(4).elements(Groups.o2(2));
        assertEquals(8, o.size());
        assertEquals(GroupElement.continuous(1, Math.PI / 2), o.get(5));
        assertEquals(GroupGrid.rand(5, 3).elements(Groups.so2(1)), GroupGrid.rand(5, 3).elements(Groups.so2(1)));
    }

    @Test
    void gridsThatDoNotExistAreRefused() {
        assertRejected(() -> GroupGrid.regular(3).elements(Groups.cyclic(8)), "N = 3", "divide", "8 rotations");
        assertRejected(() -> GroupGrid.rand(3, 1).elements(Groups.dihedral(4)), "unseeded", "regular grid");
        assertRejected(() -> GroupGrid.rand(3, -1), "seed", "2^32");
        assertRejected(() -> GroupGrid.Type.fromEscnnName("thomson"), "thomson", "regular, rand", "cannot be reproduced");
        assertRejected(() -> GroupGrid.regular(8).elements(Groups.so3(2)), "regular grid N=8", "SO(3)", "cube");
        assertRejected(() -> GroupGrid.cube().elements(Groups.so2(2)), "cube grid", "SO(3) and O(3) only");
        assertRejected(() -> GroupGrid.cube().elements(Groups.octa()), "cube grid", "Octahedral", "SO(3) and O(3) only");
        assertRejected(() -> GroupGrid.sphereFibonacci(1), "N >= 2", "N = 1");
        assertRejected(() -> GroupGrid.of(GroupGrid.Type.CUBE, 24, null), "no N", "N = 24");
        assertRejected(() -> GroupGrid.of(GroupGrid.Type.SPHERE_RAND, 5, null), "needs a seed");
        assertRejected(() -> GroupGrid.of(GroupGrid.Type.ICO, 0, 3L), "no seed", "3");
        assertRejected(() -> GroupGrid.sphere(GroupGrid.Type.CUBE), "cube", "not a grid on the sphere");
    }
}
