package org.e2dl4j.samples.voxel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Random;

import org.e2dl4j.testing.Rejections;
import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.junit.jupiter.api.Test;

/** The 24 rotations of the cube form a group and turn grids by voxel permutations that compose like the rotations. */
class CubeRotationTest {

    @Test
    void twentyFourDistinctRotationsClosedUnderProductsAndInverses() {
        List<CubeRotation> all = CubeRotation.all();
        assertEquals(24, new HashSet<>(all).size());
        assertArrayEquals(new int[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, all.get(0).matrix());
        for (CubeRotation a : all) {
            assertTrue(all.stream().anyMatch(b -> a.times(b).equals(CubeRotation.identity())), a + " has an inverse");
            for (CubeRotation b : all) {
                assertTrue(all.contains(a.times(b)));
            }
        }
    }

    @Test
    void hipparchusRotationHasTheSameMatrix() {
        Vector3D[] axes = {Vector3D.PLUS_I, Vector3D.PLUS_J, Vector3D.PLUS_K};
        for (CubeRotation r : CubeRotation.all()) {
            int[] m = r.matrix();
            for (int column = 0; column < 3; column++) {
                Vector3D image = r.rotation().applyTo(axes[column]);
                assertEquals(m[column], image.getX(), 1e-12, r + " column " + column);
                assertEquals(m[3 + column], image.getY(), 1e-12, r + " column " + column);
                assertEquals(m[6 + column], image.getZ(), 1e-12, r + " column " + column);
            }
        }
    }

    @Test
    void aQuarterTurnAboutZMovesAVoxelAsDerivedByHand() {
        // on a 4^3 grid (c = 1.5) voxel (d, h, w) = (0, 1, 3) is the point (1.5, 0.5, 1.5); the quarter turn
        // (x, y, z) -> (-y, x, z) takes it to (-0.5, 1.5, 1.5), the voxel (0, 0, 1)
        CubeRotation quarterTurn = CubeRotation.all().stream()
                .filter(r -> java.util.Arrays.equals(r.matrix(), new int[] {0, -1, 0, 1, 0, 0, 0, 0, 1}))
                .findFirst().orElseThrow();
        float[] grid = new float[64];
        grid[(0 * 4 + 1) * 4 + 3] = 1;
        float[] turned = quarterTurn.apply(grid, 4);
        float[] expected = new float[64];
        expected[(0 * 4 + 0) * 4 + 1] = 1;
        assertArrayEquals(expected, turned);
    }

    @Test
    void turningByAProductIsTurningTwice() {
        Random random = new Random(5);
        int side = 6;
        float[] grid = new float[side * side * side];
        for (int i = 0; i < grid.length; i++) {
            grid[i] = random.nextFloat();
        }
        for (CubeRotation a : CubeRotation.all()) {
            for (CubeRotation b : CubeRotation.all()) {
                assertArrayEquals(a.apply(b.apply(grid, side), side), a.times(b).apply(grid, side), a + " * " + b);
            }
        }
    }

    @Test
    void aGridOfTheWrongSizeIsRefused() {
        Rejections.assertRejected(() -> CubeRotation.identity().apply(new float[10], 2), "cube rotation", "2^3 = 8",
                "got 10");
    }
}
