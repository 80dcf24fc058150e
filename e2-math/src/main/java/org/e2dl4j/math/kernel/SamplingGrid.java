package org.e2dl4j.math.kernel;

import org.e2dl4j.math.SizeLimits;

/**
 * The k x k sampling grid of a (possibly dilated) filter, in e2cnn's convention: point {@code p = row * k + col},
 * x grows to the right, y grows upwards and row 0 is the top, so the point of (row, col) is
 * {@code (col d - c, c - row d)} with d the dilation and {@code c = (d (k - 1) + 1) / 2 - 1/2} the centre.
 * Polar coordinates are {@code r = sqrt(x^2 + y^2)} and {@code phi = atan2(y, x)}; the origin
 * ({@code r < 1e-9}) has no angle.
 *
 * <p>Immutable; equal grids have equal kernel size and dilation.
 */
public final class SamplingGrid {

    private static final double ORIGIN_RADIUS = 1e-9;

    private final int kernelSize;
    private final int dilation;
    private final double[] x;
    private final double[] y;
    private final double[] radius;
    private final double[] angle;

    /**
     * @param kernelSize k, from 1 to {@link SizeLimits#KERNEL_SIZE}
     * @param dilation   d, at least 1
     */
    public SamplingGrid(int kernelSize, int dilation) {
        checkKernelSize(kernelSize);
        if (dilation < 1) {
            throw new IllegalArgumentException("dilation must be at least 1, got " + dilation);
        }
        this.kernelSize = kernelSize;
        this.dilation = dilation;
        int n = kernelSize * kernelSize;
        x = new double[n];
        y = new double[n];
        radius = new double[n];
        angle = new double[n];
        double centre = (dilation * (kernelSize - 1) + 1) / 2.0 - 0.5;
        for (int row = 0; row < kernelSize; row++) {
            for (int col = 0; col < kernelSize; col++) {
                int p = row * kernelSize + col;
                x[p] = col * dilation - centre;
                y[p] = centre - row * dilation;
                radius[p] = Math.sqrt(x[p] * x[p] + y[p] * y[p]);
                angle[p] = Math.atan2(y[p], x[p]);
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

    public int kernelSize() {
        return kernelSize;
    }

    public int dilation() {
        return dilation;
    }

    /** Number of points, k^2. */
    public int size() {
        return x.length;
    }

    public double x(int p) {
        return x[p];
    }

    public double y(int p) {
        return y[p];
    }

    public double radius(int p) {
        return radius[p];
    }

    /** The polar angle atan2(y, x) of point p (0 at the origin, where it is undefined). */
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
        return o instanceof SamplingGrid g && g.kernelSize == kernelSize && g.dilation == dilation;
    }

    @Override
    public int hashCode() {
        return 31 * kernelSize + dilation;
    }

    @Override
    public String toString() {
        return kernelSize + "x" + kernelSize + (dilation == 1 ? "" : " dilation " + dilation);
    }
}
