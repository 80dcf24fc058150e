package org.e2dl4j.math.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.e2dl4j.math.group.Group;
import org.e2dl4j.math.group.GroupElement;
import org.e2dl4j.math.group.Groups;
import org.e2dl4j.math.repr.Representation;
import org.e2dl4j.math.repr.Representations;
import org.hipparchus.geometry.euclidean.threed.Vector3D;
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

    @Test
    void so3IntertwinersFollowTheClebschGordanRule() {
        // Hom_SO(3)(Y_J (x) V_l, V_j) is 1-dimensional iff |l - j| <= J <= l + j, else 0
        Group so3 = Groups.so3(4);
        for (int degree = 0; degree <= 4; degree++) {
            for (int l = 0; l <= 2; l++) {
                for (int j = 0; j <= 2; j++) {
                    int expected = Math.abs(l - j) <= degree && degree <= l + j ? 1 : 0;
                    assertEquals(expected, groupSolve(so3, degree, Representations.irrep(so3, l),
                            Representations.irrep(so3, j)).size(), "SO(3): J=" + degree + ", l=" + l + " -> j=" + j);
                }
            }
        }
    }

    @Test
    void o3IntertwinersAddTheParityRule() {
        // O(3) irreps (p, l): the inversion acts by (-1)^p; Y_J has parity J mod 2, so p_in + J + p_out must be even
        Group o3 = Groups.o3(4);
        for (int degree = 0; degree <= 3; degree++) {
            for (int l = 0; l <= 2; l++) {
                for (int j = 0; j <= 2; j++) {
                    for (int pi = 0; pi <= 1; pi++) {
                        for (int po = 0; po <= 1; po++) {
                            boolean triangle = Math.abs(l - j) <= degree && degree <= l + j;
                            int expected = triangle && (pi + degree + po) % 2 == 0 ? 1 : 0;
                            assertEquals(expected, groupSolve(o3, degree, Representations.irrep(o3, pi, l),
                                    Representations.irrep(o3, po, j)).size(), "O(3): J=" + degree + ", (" + pi + ","
                                    + l + ") -> (" + po + "," + j + ")");
                        }
                    }
                }
            }
        }
    }

    /** The solver on a spatial group's generators, D_J read off the spherical harmonics. */
    private static List<double[]> groupSolve(Group group, int degree, Representation in, Representation out) {
        List<double[][]> actions = new ArrayList<>();
        List<double[][]> inInverses = new ArrayList<>();
        List<double[][]> outs = new ArrayList<>();
        for (GroupElement g : group.generators()) {
            actions.add(SphericalHarmonicTable.action(degree, matrix(g)));
            inInverses.add(in.matrix(group.inverse(g)));
            outs.add(out.matrix(g));
        }
        List<double[]> solutions = HarmonicIntertwiners.solve(2 * degree + 1, in.size(), out.size(), actions,
                inInverses, outs);
        assertOrthonormal(solutions);
        return solutions;
    }

    /** The O(3) matrix of a spatial element, column c the image of e_c. */
    private static double[][] matrix(GroupElement g) {
        double sign = g.flip() == 1 ? -1 : 1;
        double[][] m = new double[3][3];
        for (int c = 0; c < 3; c++) {
            double[] e = new double[3];
            e[c] = 1;
            Vector3D image = g.rotation().applyTo(new Vector3D(e));
            m[0][c] = sign * image.getX();
            m[1][c] = sign * image.getY();
            m[2][c] = sign * image.getZ();
        }
        return m;
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
