package org.e2dl4j.samples.voxel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.hipparchus.geometry.euclidean.threed.Rotation;

/**
 * One of the 24 rotations of the cube: a signed permutation matrix of determinant 1 acting on {@code (x, y, z)}.
 * Being a symmetry of a grid centred on the origin, it turns a voxel grid exactly, by a permutation of its voxels:
 * the turned signal is {@code f'(p) = f(R^-1 p)}.
 */
public final class CubeRotation {

    private static final List<CubeRotation> ALL = enumerate();

    private final int[] matrix;

    private CubeRotation(int[] matrix) {
        this.matrix = matrix;
    }

    /** The 24 rotations, the identity first. */
    public static List<CubeRotation> all() {
        return ALL;
    }

    /** The identity. */
    public static CubeRotation identity() {
        return ALL.get(0);
    }

    private static List<CubeRotation> enumerate() {
        int[][] permutations = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};
        List<CubeRotation> rotations = new ArrayList<>();
        for (int[] permutation : permutations) {
            for (int signs = 0; signs < 8; signs++) {
                int[] m = new int[9];
                for (int row = 0; row < 3; row++) {
                    m[3 * row + permutation[row]] = (signs >> row & 1) == 0 ? 1 : -1;
                }
                if (determinant(m) == 1) {
                    rotations.add(new CubeRotation(m));
                }
            }
        }
        return List.copyOf(rotations);
    }

    private static int determinant(int[] m) {
        return m[0] * (m[4] * m[8] - m[5] * m[7]) - m[1] * (m[3] * m[8] - m[5] * m[6]) + m[2] * (m[3] * m[7] - m[4] * m[6]);
    }

    /** The 3 x 3 matrix on {@code (x, y, z)}, row-major. */
    public int[] matrix() {
        return matrix.clone();
    }

    /** The same rotation as a Hipparchus {@link Rotation} ({@code applyTo(u) = R u}). */
    public Rotation rotation() {
        double[][] m = new double[3][3];
        for (int i = 0; i < 9; i++) {
            m[i / 3][i % 3] = matrix[i];
        }
        return new Rotation(m, 1e-12);
    }

    /** The product {@code this * other} (first {@code other}, then this). */
    public CubeRotation times(CubeRotation other) {
        int[] product = new int[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 3; k++) {
                    product[3 * i + j] += matrix[3 * i + k] * other.matrix[3 * k + j];
                }
            }
        }
        return ALL.stream().filter(r -> Arrays.equals(r.matrix, product)).findFirst().orElseThrow();
    }

    /**
     * The grid turned by this rotation: voxel {@code v} of the result holds voxel {@code R^-1 v} of {@code grid}.
     *
     * @param grid a cubic grid, {@code [d][h][w]} flattened row-major
     * @param side the grid's side
     */
    public float[] apply(float[] grid, int side) {
        if (grid.length != side * side * side) {
            throw new IllegalArgumentException("cube rotation: expected a grid of " + side + "^3 = " + side * side * side
                    + " voxels, got " + grid.length);
        }
        float[] turned = new float[grid.length];
        // twice a voxel's point is an integer vector; R^-1 = R^T maps it to twice another voxel's point
        for (int d = 0; d < side; d++) {
            for (int h = 0; h < side; h++) {
                for (int w = 0; w < side; w++) {
                    int x = 2 * w - (side - 1);
                    int y = (side - 1) - 2 * h;
                    int z = (side - 1) - 2 * d;
                    int sx = matrix[0] * x + matrix[3] * y + matrix[6] * z;
                    int sy = matrix[1] * x + matrix[4] * y + matrix[7] * z;
                    int sz = matrix[2] * x + matrix[5] * y + matrix[8] * z;
                    int sw = (sx + side - 1) / 2;
                    int sh = (side - 1 - sy) / 2;
                    int sd = (side - 1 - sz) / 2;
                    turned[(d * side + h) * side + w] = grid[(sd * side + sh) * side + sw];
                }
            }
        }
        return turned;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CubeRotation r && Arrays.equals(matrix, r.matrix);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(matrix);
    }

    @Override
    public String toString() {
        return "CubeRotation" + Arrays.toString(matrix);
    }
}
