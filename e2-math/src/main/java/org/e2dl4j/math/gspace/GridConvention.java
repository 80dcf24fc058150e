package org.e2dl4j.math.gspace;

/**
 * The one place that fixes how pixel indices map to points of the plane, as in e2cnn: for an
 * H x W grid, pixel (row r, column c) sits at x = c - (W - 1) / 2 (x grows to the right) and
 * y = (H - 1) / 2 - r (y grows upwards, row 0 is the top). A rotation by a positive angle is
 * counter-clockwise as displayed.
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

    /** The (fractional) column of the point with x coordinate {@code x}. */
    public static double column(double x, int width) {
        return x + (width - 1) / 2.0;
    }

    /** The (fractional) row of the point with y coordinate {@code y}. */
    public static double row(double y, int height) {
        return (height - 1) / 2.0 - y;
    }
}
