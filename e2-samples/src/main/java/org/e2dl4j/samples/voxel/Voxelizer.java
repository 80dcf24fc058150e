package org.e2dl4j.samples.voxel;

import org.hipparchus.geometry.euclidean.threed.Rotation;
import org.hipparchus.geometry.euclidean.threed.Vector3D;

/**
 * Voxelizes a polycube, turned by a rotation and moved by a shift, onto a cubic grid centred on the origin
 * (the package's grid convention): each voxel holds the fraction of its {@code s^3} sample points (a regular
 * lattice at offsets {@code (k + 1/2) / s - 1/2}) that fall inside the solid.
 *
 * <p>Upright, a piece is scaled to {@code voxelsPerCube} voxels per unit cube and moved by an integer vector
 * so that its centroid is as near the origin as the grid allows and its faces lie on voxel faces; so the upright
 * unshifted piece fills exactly {@code cubes * voxelsPerCube^3} voxels. The sample points never lie on a voxel
 * face, so a rotation of the cube gives exactly the upright grid turned by {@link CubeRotation#apply}.
 *
 * @param side           the grid's side, even (so that pooling by 2 keeps the grid's symmetry)
 * @param voxelsPerCube  voxels along the edge of one unit cube of a piece
 * @param supersampling  sample points per voxel edge
 */
public record Voxelizer(int side, int voxelsPerCube, int supersampling) {

    /** Checks the ranges. */
    public Voxelizer {
        if (side < 2 || side % 2 != 0) {
            throw new IllegalArgumentException("voxelizer: expected an even grid side of at least 2, got " + side);
        }
        if (voxelsPerCube < 1 || supersampling < 1) {
            throw new IllegalArgumentException("voxelizer: expected at least 1 voxel per cube and 1 sample per voxel edge, got "
                    + voxelsPerCube + " and " + supersampling);
        }
    }

    /** The number of voxels, {@code side^3}. */
    public int voxels() {
        return side * side * side;
    }

    /**
     * The largest distance from the origin (in voxels) of a point of {@code piece} placed upright: the radius
     * that must fit in the grid, with the largest shift, for every rotation.
     */
    public double radius(Polycube piece) {
        int[] offset = offset(piece);
        double radius = 0;
        for (Polycube.Cell cell : piece.cells()) {
            int[] corner = cell.coordinates();
            for (int k = 0; k < 8; k++) {
                double squared = 0;
                for (int axis = 0; axis < 3; axis++) {
                    double coordinate = (corner[axis] + (k >> axis & 1)) * voxelsPerCube - offset[axis];
                    squared += coordinate * coordinate;
                }
                radius = Math.max(radius, Math.sqrt(squared));
            }
        }
        return radius;
    }

    /**
     * The occupancy grid of {@code piece} turned by {@code rotation} about the origin, then moved by {@code shift}
     * (in voxels): {@code [d][h][w]} flattened row-major, values {@code k / s^3} in [0, 1].
     */
    public float[] voxelize(Polycube piece, Rotation rotation, Vector3D shift) {
        int[] offset = offset(piece);
        double[][] r = rotation.getMatrix();
        double centre = (side - 1) / 2.0;
        int samples = supersampling * supersampling * supersampling;
        float[] grid = new float[voxels()];
        for (int d = 0; d < side; d++) {
            for (int h = 0; h < side; h++) {
                for (int w = 0; w < side; w++) {
                    int inside = 0;
                    for (int k = 0; k < samples; k++) {
                        double x = w - centre + sampleOffset(k % supersampling) - shift.getX();
                        double y = centre - h + sampleOffset(k / supersampling % supersampling) - shift.getY();
                        double z = centre - d + sampleOffset(k / (supersampling * supersampling)) - shift.getZ();
                        // the point in the upright piece's frame, R^-1 = R^T
                        double u = r[0][0] * x + r[1][0] * y + r[2][0] * z + offset[0];
                        double v = r[0][1] * x + r[1][1] * y + r[2][1] * z + offset[1];
                        double t = r[0][2] * x + r[1][2] * y + r[2][2] * z + offset[2];
                        if (piece.contains(cell(u), cell(v), cell(t))) {
                            inside++;
                        }
                    }
                    grid[(d * side + h) * side + w] = (float) inside / samples;
                }
            }
        }
        return grid;
    }

    private int cell(double coordinate) {
        return (int) Math.floor(coordinate / voxelsPerCube);
    }

    private double sampleOffset(int k) {
        return (k + 0.5) / supersampling - 0.5;
    }

    /** The integer vector (in voxels) subtracted from the scaled piece to centre it. */
    private int[] offset(Polycube piece) {
        int[] offset = new int[3];
        for (int axis = 0; axis < 3; axis++) {
            double sum = 0;
            for (Polycube.Cell cell : piece.cells()) {
                sum += cell.coordinates()[axis] + 0.5;
            }
            offset[axis] = (int) Math.round(voxelsPerCube * sum / piece.size());
        }
        return offset;
    }
}
