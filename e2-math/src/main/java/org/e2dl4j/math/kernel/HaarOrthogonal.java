package org.e2dl4j.math.kernel;

import java.util.Random;

/**
 * Random n x n orthogonal matrices distributed by the Haar measure on O(n): Gram-Schmidt (two passes, for
 * numerical orthogonality) on columns of independent standard normal entries drawn from the given generator,
 * so a seeded {@link Random} gives a reproducible matrix.
 */
public final class HaarOrthogonal {

    private HaarOrthogonal() {
    }

    /** A fresh n x n orthogonal matrix Q (Q^T Q = I); for n = 1 a random sign. */
    public static double[][] sample(int n, Random rnd) {
        double[][] q = new double[n][n];
        for (int c = 0; c < n; c++) {
            double[] v = new double[n];
            for (int r = 0; r < n; r++) {
                v[r] = rnd.nextGaussian();
            }
            for (int pass = 0; pass < 2; pass++) {
                for (int prev = 0; prev < c; prev++) {
                    double dot = 0;
                    for (int r = 0; r < n; r++) {
                        dot += v[r] * q[r][prev];
                    }
                    for (int r = 0; r < n; r++) {
                        v[r] -= dot * q[r][prev];
                    }
                }
            }
            double norm = 0;
            for (double x : v) {
                norm += x * x;
            }
            norm = Math.sqrt(norm);
            for (int r = 0; r < n; r++) {
                q[r][c] = v[r] / norm;
            }
        }
        return q;
    }
}
