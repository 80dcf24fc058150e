package org.e2dl4j.math.kernel;

import org.e2dl4j.math.repr.SphericalHarmonics;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.RealMatrix;

/**
 * The real spherical harmonics of degree J ({@link SphericalHarmonics}) as the kernel solver uses them: sampled on
 * the directions of a grid's points (at the origin only {@code Y_0} is non-zero, as in escnn), and the action
 * {@code D_J(M)} of an O(3) matrix M with {@code Y_J(M u) = D_J(M) Y_J(u)}, found from the harmonics themselves at
 * a fixed set of directions, so that solver and sampling use the same basis; an improper M gives its parity
 * {@code (-1)^J} by itself.
 */
final class SphericalHarmonicTable {

    private static final double ORIGIN_RADIUS = 1e-9;

    private SphericalHarmonicTable() {
    }

    /** {@code Y[m][p]}: the 2J + 1 harmonics at the direction of every grid point. */
    static double[][] sample(int degree, SamplingGrid grid) {
        int n = 2 * degree + 1;
        int points = grid.size();
        double[][] y = new double[n][points];
        for (int p = 0; p < points; p++) {
            double r = grid.radius(p);
            if (r < ORIGIN_RADIUS) {
                if (degree == 0) {
                    y[0][p] = SphericalHarmonics.evaluate(0, new double[] {0, 0, 1})[0];
                }
                continue;
            }
            double[] v = SphericalHarmonics.evaluate(degree, new double[] {grid.x(p) / r, grid.y(p) / r,
                    grid.z(p) / r});
            for (int m = 0; m < n; m++) {
                y[m][p] = v[m];
            }
        }
        return y;
    }

    /** {@code D_J(M)}, (2J + 1) x (2J + 1), for an orthogonal 3 x 3 matrix M. */
    static double[][] action(int degree, double[][] matrix) {
        double[][] directions = directions(2 * (2 * degree + 1) + 1);
        int n = 2 * degree + 1;
        double[][] at = new double[n][directions.length];
        double[][] moved = new double[n][directions.length];
        for (int k = 0; k < directions.length; k++) {
            double[] u = directions[k];
            double[] mu = new double[3];
            for (int r = 0; r < 3; r++) {
                mu[r] = matrix[r][0] * u[0] + matrix[r][1] * u[1] + matrix[r][2] * u[2];
            }
            double[] yu = SphericalHarmonics.evaluate(degree, u);
            double[] ymu = SphericalHarmonics.evaluate(degree, mu);
            for (int m = 0; m < n; m++) {
                at[m][k] = yu[m];
                moved[m][k] = ymu[m];
            }
        }
        // D = Y(M u) Y(u)^T (Y(u) Y(u)^T)^-1
        RealMatrix y = new Array2DRowRealMatrix(at, false);
        RealMatrix ym = new Array2DRowRealMatrix(moved, false);
        RealMatrix gram = y.multiplyTransposed(y);
        RealMatrix d = new LUDecomposition(gram).getSolver().solve(y.multiplyTransposed(ym)).transpose();
        return d.getData();
    }

    /** Fixed, well spread unit vectors (a golden-angle spiral). */
    private static double[][] directions(int count) {
        double[][] u = new double[count][];
        double golden = Math.PI * (3 - Math.sqrt(5));
        for (int k = 0; k < count; k++) {
            double z = 1 - (2 * k + 1) / (double) count;
            double rho = Math.sqrt(1 - z * z);
            u[k] = new double[] {rho * Math.cos(golden * k), rho * Math.sin(golden * k), z};
        }
        return u;
    }
}
