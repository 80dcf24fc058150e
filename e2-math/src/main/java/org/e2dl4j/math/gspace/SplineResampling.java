package org.e2dl4j.math.gspace;

import java.util.Arrays;

import org.e2dl4j.math.group.GroupElement;

/**
 * Resampling of an H x W pixel grid at arbitrary points by quadratic B-spline interpolation, the way e2cnn moves
 * feature maps by elements that do not preserve the grid (scipy.ndimage's {@code rotate} with order 2 and its
 * defaults: prefilter on, mode {@code 'constant'}, cval 0).
 *
 * <p>The samples x are first turned into spline coefficients {@code c = P_H x P_W^T}, where {@link #prefilter
 * P_n} inverts the n x n matrix of {@code x[i] = (c[i-1] + 6 c[i] + c[i+1]) / 8} with mirrored ends
 * ({@code c[-1] = c[1]}, {@code c[n] = c[n-2]}). The value at a point (r, q) of the grid's rectangle
 * {@code 0 <= r <= H-1, 0 <= q <= W-1} is {@code sum c[i][j] b(r - i) b(q - j)} over the 3 x 3 knots nearest to
 * it, b the quadratic B-spline (b(0) = 3/4, b(+-1) = 1/8) and knots beyond the border mirrored; points outside
 * the rectangle get 0. At the knots themselves the samples come back exactly.
 *
 * <p>For fixed points the map is linear; it is kept as the two prefilters and {@value #TAPS} taps (coefficient
 * index and weight) per output pixel, so that it can be applied by two matrix products and one gather.
 * Immutable.
 */
public final class SplineResampling {

    /** Coefficients that contribute to one output pixel: 3 x 3. */
    public static final int TAPS = 9;

    private final int height;
    private final int width;
    private final int outputs;
    private final double[][] rowPrefilter;
    private final double[][] columnPrefilter;
    private final int[] taps;
    private final double[] weights;

    private SplineResampling(int height, int width, double[][] points) {
        this.height = height;
        this.width = width;
        this.outputs = points.length;
        this.rowPrefilter = prefilter(height);
        this.columnPrefilter = prefilter(width);
        this.taps = new int[outputs * TAPS];
        this.weights = new double[outputs * TAPS];
        for (int p = 0; p < outputs; p++) {
            double r = points[p][0];
            double q = points[p][1];
            if (!Double.isFinite(r) || !Double.isFinite(q)) {
                throw new IllegalArgumentException("spline resampling needs finite points, got (" + r + ", " + q
                        + ") for output pixel " + p);
            }
            if (r < 0 || r > height - 1 || q < 0 || q > width - 1) {
                continue; // outside the grid's rectangle: cval 0, no taps (indices 0, weights 0)
            }
            int[] rows = knots(r, height);
            int[] cols = knots(q, width);
            double[] wr = knotWeights(r);
            double[] wc = knotWeights(q);
            for (int a = 0; a < 3; a++) {
                for (int b = 0; b < 3; b++) {
                    taps[p * TAPS + 3 * a + b] = rows[a] * width + cols[b];
                    weights[p * TAPS + 3 * a + b] = wr[a] * wc[b];
                }
            }
        }
    }

    /**
     * The resampling of an H x W grid at the given points.
     *
     * @param points one (row, column) pair per output pixel, fractional; rows count from the top
     * @throws IllegalArgumentException for an empty grid, a point that is not a pair or not finite
     */
    public static SplineResampling at(double[][] points, int height, int width) {
        if (height < 1 || width < 1) {
            throw new IllegalArgumentException("spline resampling needs a grid of at least 1 x 1, got " + height
                    + " x " + width);
        }
        for (int p = 0; p < points.length; p++) {
            if (points[p].length != 2) {
                throw new IllegalArgumentException("spline resampling needs (row, column) points, got "
                        + points[p].length + " coordinates for output pixel " + p);
            }
        }
        return new SplineResampling(height, width, points);
    }

    /**
     * The action {@code (g.f)(x) = f(g^-1 x)} of any element of the G-space on an H x W grid: the grid resampled
     * at the points g^-1 x of {@link GSpace#sourceCoordinates}.
     */
    public static SplineResampling of(GSpace gspace, GroupElement g, int height, int width) {
        return at(gspace.sourceCoordinates(g, height, width), height, width);
    }

    /**
     * P_n, the n x n matrix from samples to quadratic B-spline coefficients with mirrored ends: the inverse of
     * the matrix with rows {@code (1, 6, 1) / 8} whose first and last rows are {@code (6, 2) / 8} and
     * {@code (2, 6) / 8}. The identity for n = 1. A fresh array.
     */
    public static double[][] prefilter(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("the spline prefilter needs n >= 1, got " + n);
        }
        double[][] inverse = new double[n][n];
        if (n == 1) {
            inverse[0][0] = 1;
            return inverse;
        }
        double[] lower = new double[n];
        double[] diagonal = new double[n];
        double[] upper = new double[n];
        Arrays.fill(lower, 1.0 / 8);
        Arrays.fill(diagonal, 6.0 / 8);
        Arrays.fill(upper, 1.0 / 8);
        upper[0] = 2.0 / 8;
        lower[n - 1] = 2.0 / 8;
        for (int column = 0; column < n; column++) {
            double[] unit = new double[n];
            unit[column] = 1;
            double[] solution = solveTridiagonal(lower, diagonal, upper, unit);
            for (int row = 0; row < n; row++) {
                inverse[row][column] = solution[row];
            }
        }
        return inverse;
    }

    /** Thomas's algorithm: the matrix is strictly diagonally dominant, so no pivoting is needed. */
    private static double[] solveTridiagonal(double[] lower, double[] diagonal, double[] upper, double[] rhs) {
        int n = rhs.length;
        double[] c = new double[n];
        double[] d = new double[n];
        c[0] = upper[0] / diagonal[0];
        d[0] = rhs[0] / diagonal[0];
        for (int i = 1; i < n; i++) {
            double m = diagonal[i] - lower[i] * c[i - 1];
            c[i] = upper[i] / m;
            d[i] = (rhs[i] - lower[i] * d[i - 1]) / m;
        }
        double[] x = new double[n];
        x[n - 1] = d[n - 1];
        for (int i = n - 2; i >= 0; i--) {
            x[i] = d[i] - c[i] * x[i + 1];
        }
        return x;
    }

    /** The three knots nearest to v (the middle one the closest), mirrored into 0..n-1. */
    private static int[] knots(double v, int n) {
        int first = (int) Math.floor(v + 0.5) - 1;
        return new int[] {mirror(first, n), mirror(first + 1, n), mirror(first + 2, n)};
    }

    private static int mirror(int i, int n) {
        if (n == 1) {
            return 0;
        }
        if (i < 0) {
            return -i;
        }
        return i > n - 1 ? 2 * (n - 1) - i : i;
    }

    /** b(v - k) for the three knots of {@link #knots}: with t = v - nearest knot in [-1/2, 1/2]. */
    private static double[] knotWeights(double v) {
        double t = v - Math.floor(v + 0.5);
        double middle = 0.75 - t * t;
        double before = 0.5 * (0.5 - t) * (0.5 - t);
        return new double[] {before, middle, 1 - before - middle};
    }

    /** The grid's height H. */
    public int height() {
        return height;
    }

    /** The grid's width W. */
    public int width() {
        return width;
    }

    /** The number of output pixels (one per point). */
    public int outputs() {
        return outputs;
    }

    /** P_H, applied along the columns of the grid (a fresh array). */
    public double[][] rowPrefilter() {
        return copy(rowPrefilter);
    }

    /** P_W, applied along the rows of the grid (a fresh array). */
    public double[][] columnPrefilter() {
        return copy(columnPrefilter);
    }

    /**
     * For output pixel p, entries {@code p * TAPS .. p * TAPS + 8}: the coefficient indices {@code row * W + col}
     * (row-major) it takes, weighted by {@link #weights()}; index 0 with weight 0 for points outside the grid.
     */
    public int[] taps() {
        return taps.clone();
    }

    /** The weight of every tap of {@link #taps()}; the nine of a point inside the grid sum to 1. */
    public double[] weights() {
        return weights.clone();
    }

    /**
     * Resamples one grid (row-major, H * W samples): prefilter, then the taps. The reference of the map in plain
     * Java; feature maps are resampled with ND4J from {@link #taps()} and the prefilters.
     */
    public double[] apply(double[] plane) {
        if (plane.length != height * width) {
            throw new IllegalArgumentException("spline resampling of a " + height + " x " + width + " grid needs "
                    + height * width + " samples, got " + plane.length);
        }
        double[] along = new double[plane.length];
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                double s = 0;
                for (int k = 0; k < width; k++) {
                    s += columnPrefilter[c][k] * plane[r * width + k];
                }
                along[r * width + c] = s;
            }
        }
        double[] coefficients = new double[plane.length];
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                double s = 0;
                for (int k = 0; k < height; k++) {
                    s += rowPrefilter[r][k] * along[k * width + c];
                }
                coefficients[r * width + c] = s;
            }
        }
        double[] out = new double[outputs];
        for (int p = 0; p < outputs; p++) {
            double s = 0;
            for (int t = 0; t < TAPS; t++) {
                s += weights[p * TAPS + t] * coefficients[taps[p * TAPS + t]];
            }
            out[p] = s;
        }
        return out;
    }

    private static double[][] copy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }
}
