package org.e2dl4j.samples.voxel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.e2dl4j.math.group.GroupElement;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.junit.jupiter.api.Test;

/**
 * The sample's voxel grid is the library's (escnn's): the 24 testing elements of {@code octaOnR3()} act on R^3 by
 * exactly the sample's 24 cube rotations, and {@link GSpace#gridPermutation} turns a grid as
 * {@link CubeRotation#apply} does, voxel for voxel.
 */
class GridConventionMatchTest {

    @Test
    void theOctahedralGSpaceTurnsGridsLikeTheSamplesCubeRotations() {
        GSpace octa = GSpaces.octaOnR3();
        List<GroupElement> elements = octa.testingElements();
        assertEquals(24, elements.size());
        int side = 6;
        float[] grid = new float[side * side * side];
        Random random = new Random(2);
        for (int i = 0; i < grid.length; i++) {
            grid[i] = random.nextFloat();
        }
        Set<CubeRotation> matched = new HashSet<>();
        for (GroupElement g : elements) {
            double[][] m = octa.baseMatrix(g);
            CubeRotation rotation = CubeRotation.all().stream().filter(r -> sameMatrix(r.matrix(), m)).findFirst()
                    .orElseThrow(() -> new AssertionError("no cube rotation has the matrix of " + g));
            matched.add(rotation);
            int[] permutation = octa.gridPermutation(g, side, side, side);
            float[] turned = rotation.apply(grid, side);
            for (int v = 0; v < grid.length; v++) {
                assertEquals(grid[permutation[v]], turned[v], g + ": voxel " + v);
            }
        }
        assertTrue(matched.containsAll(CubeRotation.all()), "every cube rotation is one of the G-space's elements");
    }

    private static boolean sameMatrix(int[] m, double[][] other) {
        for (int i = 0; i < 9; i++) {
            if (Math.abs(m[i] - other[i / 3][i % 3]) > 1e-9) {
                return false;
            }
        }
        return true;
    }
}
