package org.e2dl4j.math.kernel;

import org.e2dl4j.math.SizeLimits;

/**
 * The k x k (plane) or k x k x k (space) sampling grid of a (possibly dilated) filter, in e2cnn's and escnn's
 * convention ({@code get_grid_coords}). In the plane point {@code p = row * k + col}, x grows to the right, y grows
 * upwards and row 0 is the top, so the point of (row, col) is {@code (col d - c, c - row d)} with d the dilation and
 * {@code c = (d (k - 1) + 1) / 2 - 1/2} the centre. In space point {@code p = (depth * k + row) * k + col} (the
 * NCDHW filter layout) is {@code (col d - c, c - row d, c - depth d)}: the width axis is x, the height axis y
 * (reversed) and the depth axis z (reversed), as escnn samples R3Conv's filters.
 * The radius is {@code r = |x|} and the angle {@code phi = atan2(y, x)} (the azimuth in space); the origin
 * ({@code r < 1e-9}) has no angle.
 *
 * <p>Immutable; equal grids have equal dimensionality, kernel size and dilation.
 */
public final class SamplingGrid {

    private static final double ORIGIN_RADIUS = 1e-9;

    private final int dimensionality;
    private final int kernelSize;
    private final int dilation;
    private final double[] x;
    private final double[] y;
    private final double[] z;
    private final double[] radius;
    private final double[] angle;

    /**
     * The planar k x k grid.
     *
     * @param kernelSize k, from 1 to {@link SizeLimits#KERNEL_SIZE}
     * @param dilation   d, at least 1
     */
    public SamplingGrid(int kernelSize, int dilation) {
        this(kernelSize, dilation, 2);
    }

    /**
     * The grid of a base space of dimension 2 (k x k) or 3 (k x k x k).
     *
     * @param kernelSize     k, from 1 to {@link SizeLimits#KERNEL_SIZE}
     * @param dilation       d, at least 1
     * @param dimensionality 2 or 3
     * @throws IllegalArgumentException on other values, or a grid of more than {@link SizeLimits#ARRAY_LENGTH}
     *                                  points
     */
    public SamplingGrid(int kernelSize, int dilation, int dimensionality) {
        checkKernelSize(kernelSize);
        if (dilation < 1) {
            throw new IllegalArgumentException("dilation must be at least 1, got " + dilation);
        }
        if (dimensionality != 2 && dimensionality != 3) {
            throw new IllegalArgumentException("a sampling grid lives in the plane (2) or in space (3), got"
                    + " dimensionality " + dimensionality);
        }
        this.dimensionality = dimensionality;
        this.kernelSize = kernelSize;
        this.dilation = dilation;
        int depth = dimensionality == 3 ? kernelSize : 1;
        long points = SizeLimits.product(depth, kernelSize, kernelSize);
        SizeLimits.checkDoubles(points, SizeLimits.ARRAY_LENGTH, "the points of the " + describe(kernelSize,
                dilation, dimensionality) + " grid");
        int n = (int) points;
        x = new double[n];
        y = new double[n];
        z = new double[n];
        radius = new double[n];
        angle = new double[n];
        double centre = (dilation * (kernelSize - 1) + 1) / 2.0 - 0.5;
        for (int d = 0; d < depth; d++) {
            for (int row = 0; row < kernelSize; row++) {
                for (int col = 0; col < kernelSize; col++) {
                    int p = (d * kernelSize + row) * kernelSize + col;
                    x[p] = col * dilation - centre;
                    y[p] = centre - row * dilation;
                    z[p] = dimensionality == 3 ? centre - d * dilation : 0.0;
                    radius[p] = Math.sqrt(x[p] * x[p] + y[p] * y[p] + z[p] * z[p]);
                    angle[p] = Math.atan2(y[p], x[p]);
                }
            }
        }
    }

    /**
     * Checks a kernel size: at least 1 and at most {@link SizeLimits#KERNEL_SIZE} (a pair basis holds about
     * k^4 values, so no larger grid gives a basis this library can hold).
     *
     * @throws IllegalArgumentException naming the limit and the size that came
     */
    public static void checkKernelSize(int kernelSize) {
        if (kernelSize < 1 || kernelSize > SizeLimits.KERNEL_SIZE) {
            throw new IllegalArgumentException("kernel size must be between 1 and " + SizeLimits.KERNEL_SIZE
                    + " (the basis of a k x k kernel grows as k^4), got " + kernelSize);
        }
    }

    /** 2 (k x k) or 3 (k x k x k). */
    public int dimensionality() {
        return dimensionality;
    }

    public int kernelSize() {
        return kernelSize;
    }

    public int dilation() {
        return dilation;
    }

    /** Number of points, k^2 or k^3. */
    public int size() {
        return x.length;
    }

    public double x(int p) {
        return x[p];
    }

    public double y(int p) {
        return y[p];
    }

    /** The z coordinate of point p (0 in the plane). */
    public double z(int p) {
        return z[p];
    }

    public double radius(int p) {
        return radius[p];
    }

    /** The polar angle (azimuth) atan2(y, x) of point p (0 at the origin, where it is undefined). */
    public double angle(int p) {
        return isOrigin(p) ? 0.0 : angle[p];
    }

    /** Whether point p is the origin (radius below 1e-9). */
    public boolean isOrigin(int p) {
        return radius[p] < ORIGIN_RADIUS;
    }

    /** The largest radius of a grid point (a corner). */
    public double maximumRadius() {
        double max = 0;
        for (double r : radius) {
            max = Math.max(max, r);
        }
        return max;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SamplingGrid g && g.kernelSize == kernelSize && g.dilation == dilation
                && g.dimensionality == dimensionality;
    }

    @Override
    public int hashCode() {
        return (31 * kernelSize + dilation) * 31 + dimensionality;
    }

    @Override
    public String toString() {
        return describe(kernelSize, dilation, dimensionality);
    }

    private static String describe(int kernelSize, int dilation, int dimensionality) {
        return kernelSize + "x" + kernelSize + (dimensionality == 3 ? "x" + kernelSize : "")
                + (dilation == 1 ? "" : " dilation " + dilation);
    }
}
