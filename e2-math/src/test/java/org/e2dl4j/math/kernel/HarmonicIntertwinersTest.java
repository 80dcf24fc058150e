package org.e2dl4j.math.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The numerical intertwiner solver on hand-derived cases, with the degree-1 harmonics taken as {@code Y_1(u) = u}
 * (so {@code D_1(M) = M}) and the rotation groups given by 3 x 3 generator matrices.
 */
class HarmonicIntertwinersTest {

    /** 90 degrees about z and about x: they generate the 24 rotations of the cube. */
    private static final double[][] RZ = {{0, -1, 0}, {1, 0, 0}, {0, 0, 1}};
    private static final double[][] RX = {{1, 0, 0}, {0, 0, -1}, {0, 1, 0}};
    private static final double[][] INVERSION = {{-1, 0, 0}, {0, -1, 0}, {0, 0, -1}};
    private static final double[][] ONE = {{1}};
    private static final double[][] MINUS_ONE = {{-1}};

    @Test
    void crossProductIsTheOnlyCubeInvariantVectorTimesVectorToVector() {
        List<double[]> solutions = solve(List.of(RZ, RX), List.of(RZ, RX), List.of(RZ, RX));
        assertEquals(1, solutions.size(), "Hom_O(T1 (x) T1, T1) has dimension 1 (T1 (x) T1 = A1 + E + T1 + T2)");
        // K[m][o][i] = epsilon_{m o i} / sqrt(6) up to sign: k(x) = sum_m x_m K[m] is the cross product matrix
        double[] k = solutions.get(0);
        double scale = k[(0 * 3 + 1) * 3 + 2];
        assertEquals(1 / Math.sqrt(6), Math.abs(scale), 1e-12);
        for (int m = 0; m < 3; m++) {
            for (int o = 0; o < 3; o++) {
                for (int i = 0; i < 3; i++) {
                    assertEquals(scale * levi(m, o, i), k[(m * 3 + o) * 3 + i], 1e-12, "K[" + m + "][" + o + "][" + i
                            + "]");
                }
            }
        }
    }

    @Test
    void inversionSendsTheCrossProductToPseudovectors() {
        // Y_1 is odd under the inversion; a vector field is odd too, a pseudovector even
        List<double[][]> actions = List.of(RZ, RX, INVERSION);
        double[][] minusIdentity = INVERSION;
        double[][] identity = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
        assertEquals(0, solve(actions, List.of(RZ, RX, minusIdentity), List.of(RZ, RX, minusIdentity)).size(),
                "vector (x) vector -> vector under inversion");
        assertEquals(1, solve(actions, List.of(RZ, RX, minusIdentity), List.of(RZ, RX, identity)).size(),
                "vector (x) vector -> pseudovector");
        assertEquals(1, solve(actions, List.of(ONE, ONE, ONE), List.of(RZ, RX, minusIdentity)).size(),
                "scalar -> vector (the gradient)");
        assertEquals(0, solve(actions, List.of(ONE, ONE, MINUS_ONE), List.of(RZ, RX, minusIdentity)).size(),
                "pseudoscalar -> vector");
        assertEquals(1, solve(actions, List.of(ONE, ONE, MINUS_ONE), List.of(RZ, RX, identity)).size(),
                "pseudoscalar -> pseudovector");
    }

    @Test
    void degreeZeroGivesSchursLemma() {
        List<double[][]> actions = List.of(ONE, ONE);
        assertEquals(1, solve(actions, List.of(RZ, RX), List.of(RZ, RX)).size(), "End(T1) of a real-type irrep");
        assertEquals(0, solve(actions, List.of(RZ, RX), List.of(ONE, ONE)).size(), "T1 -> A1");
    }

    @Test
    void theTrivialGroupLeavesEveryKernel() {
        double[][] identity = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
        double[][] two = {{1, 0}, {0, 1}};
        List<double[]> solutions = solve(List.<double[][]>of(identity), List.<double[][]>of(two), List.<double[][]>of(identity));
        assertEquals(3 * 3 * 2, solutions.size());
        assertOrthonormal(solutions);
    }

    @Test
    void withoutGeneratorsEveryKernelSolves() {
        List<double[]> solutions = HarmonicIntertwiners.solve(5, 2, 3, List.of(), List.of(), List.of());
        assertEquals(5 * 2 * 3, solutions.size());
        assertOrthonormal(solutions);
    }

    @Test
    void rotationsAboutZKeepTheZComponentOfScalarToScalarKernels() {
        List<double[]> solutions = solve(List.<double[][]>of(RZ), List.<double[][]>of(ONE), List.<double[][]>of(ONE));
        assertEquals(1, solutions.size(), "C4 about z: the invariant directions of Y_1 are the z axis");
        assertEquals(1.0, Math.abs(solutions.get(0)[2]), 1e-12);
    }

    @Test
    void everySolutionSatisfiesTheConstraintOnEveryGenerator() {
        double[][] minusIdentity = INVERSION;
        List<double[][]> actions = List.of(RZ, RX, INVERSION);
        List<double[][]> rho = List.of(RZ, RX, minusIdentity);
        List<double[]> solutions = HarmonicIntertwiners.solve(3, 3, 3, actions, inverses(rho), rho);
        for (double[] k : solutions) {
            for (int g = 0; g < actions.size(); g++) {
                assertTrue(residual(k, actions.get(g), rho.get(g), rho.get(g)) < 1e-12);
            }
        }
        assertOrthonormal(solutions);
    }

    private static List<double[]> solve(List<double[][]> actions, List<double[][]> in, List<double[][]> out) {
        List<double[]> solutions = HarmonicIntertwiners.solve(actions.get(0).length, in.get(0).length,
                out.get(0).length, actions, inverses(in), out);
        for (double[] k : solutions) {
            for (int g = 0; g < actions.size(); g++) {
                double r = residual(k, actions.get(g), in.get(g), out.get(g));
                assertTrue(r < 1e-12, "constraint residual " + r + " on generator " + g);
            }
        }
        assertOrthonormal(solutions);
        return solutions;
    }

    /** The inverses of orthogonal matrices: their transposes. */
    private static List<double[][]> inverses(List<double[][]> matrices) {
        List<double[][]> result = new ArrayList<>();
        for (double[][] m : matrices) {
            double[][] t = new double[m.length][m.length];
            for (int r = 0; r < m.length; r++) {
                for (int c = 0; c < m.length; c++) {
                    t[r][c] = m[c][r];
                }
            }
            result.add(t);
        }
        return result;
    }

    /** max over m', o, i of |sum_m D[m][m'] K[m] - psi_out K[m'] psi_in^T|. */
    private static double residual(double[] k, double[][] d, double[][] in, double[][] out) {
        int n = d.length;
        int co = out.length;
        int ci = in.length;
        double max = 0;
        for (int mp = 0; mp < n; mp++) {
            for (int o = 0; o < co; o++) {
                for (int i = 0; i < ci; i++) {
                    double left = 0;
                    for (int m = 0; m < n; m++) {
                        left += d[m][mp] * k[(m * co + o) * ci + i];
                    }
                    double right = 0;
                    for (int p = 0; p < co; p++) {
                        for (int q = 0; q < ci; q++) {
                            right += out[o][p] * k[(mp * co + p) * ci + q] * in[i][q];
                        }
                    }
                    max = Math.max(max, Math.abs(left - right));
                }
            }
        }
        return max;
    }

    private static void assertOrthonormal(List<double[]> solutions) {
        for (int a = 0; a < solutions.size(); a++) {
            for (int b = 0; b < solutions.size(); b++) {
                double dot = 0;
                for (int c = 0; c < solutions.get(a).length; c++) {
                    dot += solutions.get(a)[c] * solutions.get(b)[c];
                }
                assertEquals(a == b ? 1.0 : 0.0, dot, 1e-10, "<K_" + a + ", K_" + b + ">");
            }
        }
    }

    private static int levi(int a, int b, int c) {
        if (a == b || b == c || a == c) {
            return 0;
        }
        return (a + 1) % 3 == b ? 1 : -1;
    }
}
