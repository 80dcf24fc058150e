package org.e2dl4j.math;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;

/** Plain dense-matrix arithmetic and assertions for tests, independent of the code under test. */
public final class Mat {

    private Mat() {
    }

    public static double[][] identity(int n) {
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            m[i][i] = 1;
        }
        return m;
    }

    public static double[][] multiply(double[][] a, double[][] b) {
        int n = a.length;
        int k = b.length;
        int m = b[0].length;
        double[][] c = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int l = 0; l < k; l++) {
                double x = a[i][l];
                if (x != 0) {
                    for (int j = 0; j < m; j++) {
                        c[i][j] += x * b[l][j];
                    }
                }
            }
        }
        return c;
    }

    public static double[][] transpose(double[][] a) {
        double[][] t = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                t[j][i] = a[i][j];
            }
        }
        return t;
    }

    public static double trace(double[][] a) {
        double t = 0;
        for (int i = 0; i < a.length; i++) {
            t += a[i][i];
        }
        return t;
    }

    /** The block-diagonal matrix with the given blocks. */
    public static double[][] blockDiagonal(List<double[][]> blocks) {
        int n = blocks.stream().mapToInt(b -> b.length).sum();
        double[][] d = new double[n][n];
        int p = 0;
        for (double[][] b : blocks) {
            for (int i = 0; i < b.length; i++) {
                System.arraycopy(b[i], 0, d[p + i], p, b.length);
            }
            p += b.length;
        }
        return d;
    }

    /** The largest absolute entry of a - b (infinite if the shapes differ). */
    public static double maxDifference(double[][] a, double[][] b) {
        if (a.length != b.length) {
            return Double.POSITIVE_INFINITY;
        }
        double worst = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i].length != b[i].length) {
                return Double.POSITIVE_INFINITY;
            }
            for (int j = 0; j < a[i].length; j++) {
                worst = Math.max(worst, Math.abs(a[i][j] - b[i][j]));
            }
        }
        return worst;
    }

    /** Fails, saying what, expected and got, unless the matrices agree entry by entry within {@code tol}. */
    public static void assertClose(double[][] expected, double[][] actual, double tol, String what) {
        double d = maxDifference(expected, actual);
        if (!(d <= tol)) {
            fail(what + ": max |difference| " + d + " > " + tol + "\nexpected " + format(expected)
                    + "\ngot      " + format(actual));
        }
    }

    public static String format(double[][] a) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < a.length; i++) {
            s.append(i == 0 ? "[" : ", [");
            for (int j = 0; j < a[i].length; j++) {
                s.append(j == 0 ? "" : ", ").append(String.format("%.6g", a[i][j]));
            }
            s.append(']');
        }
        return s.append(']').toString();
    }
}
