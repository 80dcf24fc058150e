package org.e2dl4j.math.diffop;

import java.util.ArrayList;
import java.util.List;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;

/**
 * RBF-FD stencils (e2cnn's {@code rbffd=True}, computed as rbf's {@code weight_matrix} does with the whole grid as
 * the stencil and shape parameter 1): the weights w of {@code d^(a+b) / (dx^a dy^b)} at the origin solve
 * <pre>
 *   [ A   P ] [ w ]   [ L phi(|0 - s_j|) ]
 *   [ P^T 0 ] [ v ] = [ L p_m(0)         ]
 * </pre>
 * with {@code A_ij = phi(|s_i - s_j|)}, P the monomials of degree up to {@code min(a + b, q)} at the points
 * (q the largest degree whose monomial count, {@code (q+1)(q+2)/2}, fits the number of points) and L the
 * derivative. The derivatives of {@code phi = f(r^2)} are
 * {@code d^a/dx^a d^b/dy^b f(x^2 + y^2) = sum_(i,j) a!/(i!(a-2i)!) b!/(j!(b-2j)!) (2x)^(a-2i) (2y)^(b-2j)
 * f^(a+b-i-j)(r^2)}. The weights reproduce L exactly on the polynomials of degree up to that order.
 */
public final class RbfFiniteDifferences {

    private static final double SHAPE = 1.0;

    private RbfFiniteDifferences() {
    }

    /**
     * The stencil at the points (x_p, y_p), in their order.
     *
     * @throws IllegalArgumentException if the collocation system is singular
     */
    public static double[] monomial(int a, int b, double[] x, double[] y, RadialBasisFunction phi) {
        int n = x.length;
        int order = Math.min(a + b, largestPolynomialOrder(n));
        List<int[]> powers = new ArrayList<>();
        for (int degree = 0; degree <= order; degree++) {
            for (int j = 0; j <= degree; j++) {
                powers.add(new int[] {degree - j, j});
            }
        }
        int size = n + powers.size();
        RealMatrix lhs = new Array2DRowRealMatrix(size, size);
        RealVector rhs = new ArrayRealVector(size);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double dx = x[i] - x[j];
                double dy = y[i] - y[j];
                lhs.setEntry(i, j, phi.derivative(0, dx * dx + dy * dy, SHAPE));
            }
            for (int m = 0; m < powers.size(); m++) {
                double v = Math.pow(x[i], powers.get(m)[0]) * Math.pow(y[i], powers.get(m)[1]);
                lhs.setEntry(i, n + m, v);
                lhs.setEntry(n + m, i, v);
            }
            rhs.setEntry(i, derivative(a, b, -x[i], -y[i], phi));
        }
        for (int m = 0; m < powers.size(); m++) {
            if (powers.get(m)[0] == a && powers.get(m)[1] == b) {
                rhs.setEntry(n + m, factorial(a) * factorial(b));
            }
        }
        LUDecomposition lu = new LUDecomposition(lhs, 1e-14);
        if (!lu.getSolver().isNonSingular()) {
            throw new IllegalArgumentException("the RBF-FD system of d^" + (a + b) + "/dx^" + a + "dy^" + b + " with "
                    + phi.abbreviation() + " on " + n + " points is singular");
        }
        RealVector solution = lu.getSolver().solve(rhs);
        double[] w = new double[n];
        for (int p = 0; p < n; p++) {
            w[p] = solution.getEntry(p);
        }
        return w;
    }

    /** The largest q with {@code (q + 1)(q + 2) / 2 <= points} (rbf's {@code _max_poly_order} in 2-D). */
    static int largestPolynomialOrder(int points) {
        int q = -1;
        while ((q + 2) * (q + 3) / 2 <= points) {
            q++;
        }
        return q;
    }

    /** {@code d^a/dx^a d^b/dy^b phi} at the point (u, v). */
    static double derivative(int a, int b, double u, double v, RadialBasisFunction phi) {
        double rho = u * u + v * v;
        double sum = 0;
        for (int i = 0; 2 * i <= a; i++) {
            double xs = factorial(a) / (factorial(i) * factorial(a - 2 * i)) * Math.pow(2 * u, a - 2 * i);
            for (int j = 0; 2 * j <= b; j++) {
                double ys = factorial(b) / (factorial(j) * factorial(b - 2 * j)) * Math.pow(2 * v, b - 2 * j);
                sum += xs * ys * phi.derivative(a + b - i - j, rho, SHAPE);
            }
        }
        return sum;
    }

    private static double factorial(int n) {
        double f = 1;
        for (int i = 2; i <= n; i++) {
            f *= i;
        }
        return f;
    }
}
