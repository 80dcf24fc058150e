package org.e2dl4j.math.kernel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.RealVector;

/**
 * The intertwiners {@code Hom_G(Y_J|_G (x) psi_in, psi_out)} between one degree-J harmonic, one input and one output
 * irrep of a group G &lt;= O(3), solved numerically: the tensors {@code K[m][o][i]} (m over the 2J + 1 harmonics)
 * with {@code sum_m D_J(g)[m][m'] K[m] = psi_out(g) K[m'] psi_in(g)^-1} for every generator g, where
 * {@code Y_J(g x) = D_J(g) Y_J(x)}. Then {@code k(x) = sum_m Y_J^m(x) K[m]} satisfies the kernel constraint
 * {@code k(g x) = psi_out(g) k(x) psi_in(g)^-1} on the generators, hence on G. The solutions are the common null
 * space of the constraint operators: the eigenvectors of {@code sum_g A_g^T A_g} with eigenvalue below
 * {@value #NULL_TOLERANCE}, orthonormal in the Frobenius inner product.
 */
final class HarmonicIntertwiners {

    /** Eigenvalues of the summed constraint below this are the null space (the others are at least ~1e-2). */
    static final double NULL_TOLERANCE = 1e-8;

    private HarmonicIntertwiners() {
    }

    /**
     * The orthonormal solutions, each laid out {@code [m][o][i]} row-major.
     *
     * @param n               2J + 1
     * @param ci              the size of psi_in
     * @param co              the size of psi_out
     * @param harmonicActions {@code D_J(g)} for every generator, n x n (none for the trivial group: every
     *                        kernel solves)
     * @param inInverses      {@code psi_in(g)^-1} for every generator
     * @param outMatrices     {@code psi_out(g)} for every generator
     * @return the solutions; empty when no intertwiner exists
     */
    static List<double[]> solve(int n, int ci, int co, List<double[][]> harmonicActions,
                                List<double[][]> inInverses, List<double[][]> outMatrices) {
        int cells = co * ci;
        int size = n * cells;
        double[][] gram = new double[size][size];
        double[][] a = new double[size][size];
        for (int g = 0; g < harmonicActions.size(); g++) {
            constraint(harmonicActions.get(g), inInverses.get(g), outMatrices.get(g), n, co, ci, a);
            accumulateGram(a, gram);
        }
        EigenDecompositionSymmetric eigen = new EigenDecompositionSymmetric(new Array2DRowRealMatrix(gram, false));
        double[] values = eigen.getEigenvalues();
        List<double[]> solutions = new ArrayList<>();
        for (int k = values.length - 1; k >= 0; k--) {
            if (values[k] < NULL_TOLERANCE) {
                RealVector v = eigen.getEigenvector(k);
                solutions.add(canonicalSign(v.toArray()));
            }
        }
        return solutions;
    }

    /**
     * The operator {@code A K = (sum_m D[m][m'] K[m] - psi_out K[m'] psi_in^-1)_m'} as a matrix over
     * {@code [m][o][i]}; {@code a} is overwritten.
     */
    private static void constraint(double[][] d, double[][] inInverse, double[][] out, int n, int co, int ci,
                                   double[][] a) {
        int cells = co * ci;
        for (double[] row : a) {
            Arrays.fill(row, 0.0);
        }
        for (int m = 0; m < n; m++) {
            for (int o = 0; o < co; o++) {
                for (int i = 0; i < ci; i++) {
                    int column = m * cells + o * ci + i;
                    for (int mp = 0; mp < n; mp++) {
                        a[mp * cells + o * ci + i][column] += d[m][mp];
                    }
                    for (int p = 0; p < co; p++) {
                        double left = out[p][o];
                        if (left == 0.0) {
                            continue;
                        }
                        for (int q = 0; q < ci; q++) {
                            a[m * cells + p * ci + q][column] -= left * inInverse[i][q];
                        }
                    }
                }
            }
        }
    }

    /** {@code gram += a^T a}. */
    private static void accumulateGram(double[][] a, double[][] gram) {
        int size = a.length;
        for (int r = 0; r < size; r++) {
            double[] row = a[r];
            for (int c1 = 0; c1 < size; c1++) {
                double v = row[c1];
                if (v == 0.0) {
                    continue;
                }
                double[] target = gram[c1];
                for (int c2 = 0; c2 < size; c2++) {
                    target[c2] += v * row[c2];
                }
            }
        }
    }

    /** The solution with its largest entry (first on ties within 1e-12) positive, so that results are stable. */
    private static double[] canonicalSign(double[] v) {
        int largest = 0;
        for (int k = 1; k < v.length; k++) {
            if (Math.abs(v[k]) > Math.abs(v[largest]) + 1e-12) {
                largest = k;
            }
        }
        if (v[largest] < 0) {
            for (int k = 0; k < v.length; k++) {
                v[k] = -v[k];
            }
        }
        return v;
    }
}
