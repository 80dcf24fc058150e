package org.e2dl4j.math.diffop;

/**
 * Finite-difference stencils (e2cnn's default discretization): the weights of {@code d^n/dx^n} at 0 from the
 * values at given points (Fornberg's recursion; the unique weights exact on polynomials of degree below the
 * number of points, which sympy's {@code finite_diff_weights} gives e2cnn in exact arithmetic), and the
 * separable 2-D stencil of {@code d^(a+b) / (dx^a dy^b)} on the k x k grid.
 */
public final class FiniteDifferences {

    private FiniteDifferences() {
    }

    /**
     * The weights w_j with {@code f^(n)(0) ~ sum_j w_j f(z_j)}.
     *
     * @throws IllegalArgumentException if {@code n >= z.length} (an n-th derivative needs n + 1 points)
     */
    public static double[] weights(int n, double[] z) {
        if (n < 0 || n >= z.length) {
            throw new IllegalArgumentException("a derivative of order " + n + " needs at least " + (n + 1)
                    + " points, got " + z.length);
        }
        int m = z.length;
        double[][] c = new double[m][n + 1];
        double c1 = 1.0;
        double c4 = z[0];
        c[0][0] = 1.0;
        for (int i = 1; i < m; i++) {
            int mn = Math.min(i, n);
            double c2 = 1.0;
            double c5 = c4;
            c4 = z[i];
            for (int j = 0; j < i; j++) {
                double c3 = z[i] - z[j];
                c2 *= c3;
                if (j == i - 1) {
                    for (int k = mn; k >= 1; k--) {
                        c[i][k] = c1 * (k * c[i - 1][k - 1] - c5 * c[i - 1][k]) / c2;
                    }
                    c[i][0] = -c1 * c5 * c[i - 1][0] / c2;
                }
                for (int k = mn; k >= 1; k--) {
                    c[j][k] = (c4 * c[j][k] - k * c[j][k - 1]) / c3;
                }
                c[j][0] = c4 * c[j][0] / c3;
            }
            c1 = c2;
        }
        double[] w = new double[m];
        for (int j = 0; j < m; j++) {
            w[j] = c[j][n];
        }
        return w;
    }

    /**
     * The k x k stencil of {@code d^(a+b) / (dx^a dy^b)}, row-major, laid out as e2cnn's
     * {@code discretize_2d_monomial} lays it: the value at (row i, column j) is {@code w_a(s_i) w_b(s_j)}, with
     * s the grid's coordinates in ascending order.
     *
     * @param points the grid's coordinates along one axis, ascending
     */
    public static double[] monomial(int a, int b, double[] points) {
        double[] wa = weights(a, points);
        double[] wb = weights(b, points);
        int k = points.length;
        double[] stencil = new double[k * k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                stencil[i * k + j] = wa[i] * wb[j];
            }
        }
        return stencil;
    }
}
