package org.e2dl4j.math.gspace;

/**
 * The one place that fixes how pixel and voxel indices map to points, as in e2cnn / escnn. For an
 * H x W grid, pixel (row r, column c) sits at x = c - (W - 1) / 2 (x grows to the right) and
 * y = (H - 1) / 2 - r (y grows upwards, row 0 is the top). A rotation by a positive angle is
 * counter-clockwise as displayed.
 *
 * <p>Volumes (NCDHW arrays, D x H x W) follow escnn's {@code (-Z, -Y, X)} order of the three spatial axes: voxel
 * (slice d, row r, column c) sits at x = c - (W - 1) / 2, y = (H - 1) / 2 - r and z = (D - 1) / 2 - d (slice 0
 * is the top, z up), so that every slice is a planar image with the planar convention and (x, y, z) is a
 * right-handed frame. escnn's kernel points ({@code get_grid_coords}) and its voxel transforms
 * ({@code linear_transform_array_3d}) use the same map (checked against escnn in {@code reference/gspaces3d.py}).
 */
public final class GridConvention {

    private GridConvention() {
    }

    /** The x coordinate of column {@code c} of a grid {@code width} wide. */
    public static double x(int c, int width) {
        return c - (width - 1) / 2.0;
    }

    /** The y coordinate of row {@code r} of a grid {@code height} high. */
    public static double y(int r, int height) {
        return (height - 1) / 2.0 - r;
    }

    /** The z coordinate of slice {@code d} of a volume {@code depth} deep. */
    public static double z(int d, int depth) {
        return (depth - 1) / 2.0 - d;
    }

    /** The (fractional) column of the point with x coordinate {@code x}. */
    public static double column(double x, int width) {
        return x + (width - 1) / 2.0;
    }

    /** The (fractional) row of the point with y coordinate {@code y}. */
    public static double row(double y, int height) {
        return (height - 1) / 2.0 - y;
    }

    /** The (fractional) slice of the point with z coordinate {@code z}. */
    public static double slice(double z, int depth) {
        return (depth - 1) / 2.0 - z;
    }
}
