package org.e2dl4j.math.repr;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;

/** Small dense-matrix helpers for representation matrices, on Hipparchus. Package-private. */
final class Matrices {

    private Matrices() {
    }

    static double[][] identity(int n) {
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            m[i][i] = 1;
        }
        return m;
    }

    static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }

    static double[][] multiply(double[][] a, double[][] b) {
        return new Array2DRowRealMatrix(a, false).multiply(new Array2DRowRealMatrix(b, false)).getData();
    }

    static double[][] transpose(double[][] a) {
        return new Array2DRowRealMatrix(a, false).transpose().getData();
    }

    static double[][] inverse(double[][] a) {
        return MatrixUtils.inverse(new Array2DRowRealMatrix(a, false)).getData();
    }

    static boolean isIdentity(double[][] a, double tol) {
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a.length; j++) {
                if (Math.abs(a[i][j] - (i == j ? 1 : 0)) > tol) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The largest entry of |a - 1|. */
    static double distanceToIdentity(double[][] a) {
        double d = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a.length; j++) {
                d = Math.max(d, Math.abs(a[i][j] - (i == j ? 1 : 0)));
            }
        }
        return d;
    }

    static void checkSquare(double[][] a, int n, String what) {
        if (a.length != n) {
            throw new IllegalArgumentException(what + " must be " + n + " x " + n + ", got " + a.length + " rows");
        }
        for (double[] row : a) {
            if (row.length != n) {
                throw new IllegalArgumentException(what + " must be " + n + " x " + n + ", got a row of " + row.length);
            }
        }
    }

    static RealMatrix wrap(double[][] a) {
        return new Array2DRowRealMatrix(a, false);
    }
}
