package org.e2dl4j.math.repr;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.e2dl4j.math.group.Group;
import org.e2dl4j.math.group.GroupElement;

/**
 * Builds the representation of the output of a concatenated nonlinearity (e2cnn's
 * {@code ConcatenatedNonLinearity._transform_representation}): for a representation rho of a finite group whose
 * matrices are signed permutations, the representation on R^(2n) with channels (f(x_i), f(-x_i)) interleaved,
 * whose matrices replace each entry 1 of rho(g) by the 2x2 identity and each -1 by the 2x2 swap. Named
 * {@code concatenated_<rho>}, with the recipe {@link RepresentationRecipe.Concatenated} of rho's.
 *
 * <p>With u_i = (a_i + b_i) / sqrt 2 and v_i = (a_i - b_i) / sqrt 2 on each pair, u transforms by |rho| (the
 * permutation of the absolute values) and v by rho, so the result is B (|rho| (+) rho) B^T with that orthogonal
 * B: its irreps are those of |rho| then those of rho. |rho| is rho itself for permutation representations and
 * the trivial irrep for one-dimensional (sign) ones; other signed-permutation representations are refused. The
 * matrices of the result are checked against the definition on every group element. It supports pointwise and
 * concatenated nonlinearities (it is a permutation representation) and the norm and gated ones rho supports.
 */
final class Concatenation {

    private static final double TOLERANCE = 1e-9;

    private Concatenation() {
    }

    /**
     * The concatenated representation of rho.
     *
     * @throws IllegalArgumentException if rho's group is continuous, rho(g) is not a signed permutation for some g,
     *                                  or rho is neither a permutation representation nor one-dimensional
     */
    static Representation of(Representation rho) {
        Group group = rho.group();
        if (!group.isFinite()) {
            throw new IllegalArgumentException("the concatenated representation needs a finite group; " + rho.name()
                    + " is a representation of " + group.name());
        }
        Representations.checkDenseSize(2L * rho.size(), "the concatenated representation of " + rho.name());
        List<GroupElement> elements = group.elements();
        for (GroupElement g : elements) {
            requireSignedPermutation(rho, g);
        }
        Representation abs = absoluteValue(rho);
        for (GroupElement g : elements) {
            double[][] r = rho.matrix(g);
            double[][] a = abs.matrix(g);
            for (int i = 0; i < r.length; i++) {
                for (int j = 0; j < r.length; j++) {
                    if (Math.abs(Math.abs(r[i][j]) - a[i][j]) > TOLERANCE) {
                        throw new IllegalStateException("|" + rho.name() + "| differs from " + abs.name() + " at "
                                + g + ", entry (" + i + ", " + j + ")");
                    }
                }
            }
        }
        int n = rho.size();
        double[][] b = new double[2 * n][2 * n];
        double h = Math.sqrt(0.5);
        for (int i = 0; i < n; i++) {
            b[2 * i][i] = h;
            b[2 * i][n + i] = h;
            b[2 * i + 1][i] = h;
            b[2 * i + 1][n + i] = -h;
        }
        Set<Nonlinearity> supported = EnumSet.of(Nonlinearity.POINTWISE, Nonlinearity.CONCATENATED);
        for (Nonlinearity keep : List.of(Nonlinearity.NORM, Nonlinearity.GATED)) {
            if (rho.supports(keep)) {
                supported.add(keep);
            }
        }
        Representation result = Representations.changeBasis(Representations.directSum(List.of(abs, rho), null), b,
                "concatenated_" + rho.name(), supported, new RepresentationRecipe.Concatenated(rho.recipe()));
        for (GroupElement g : elements) {
            double[][] expected = definition(rho.matrix(g));
            double[][] got = result.matrix(g);
            for (int i = 0; i < expected.length; i++) {
                for (int j = 0; j < expected.length; j++) {
                    if (Math.abs(expected[i][j] - got[i][j]) > TOLERANCE) {
                        throw new IllegalStateException("concatenated_" + rho.name() + " differs from its definition at "
                                + g + ", entry (" + i + ", " + j + "): expected " + expected[i][j] + ", got " + got[i][j]);
                    }
                }
            }
        }
        return result;
    }

    /** |rho|: rho for a permutation representation, the trivial irrep for a one-dimensional one. */
    private static Representation absoluteValue(Representation rho) {
        if (rho.isPermutation()) {
            return rho;
        }
        if (rho.size() == 1) {
            return Representations.trivial(rho.group());
        }
        throw new IllegalArgumentException("the concatenated representation of " + rho.name() + " of "
                + rho.group().name() + " is built only for permutation representations and one-dimensional ones;"
                + " " + rho.name() + " is neither");
    }

    private static void requireSignedPermutation(Representation rho, GroupElement g) {
        double[][] m = rho.matrix(g);
        int n = m.length;
        int[] perColumn = new int[n];
        for (int i = 0; i < n; i++) {
            int nonzero = 0;
            for (int j = 0; j < n; j++) {
                double v = Math.abs(m[i][j]);
                if (Math.abs(v - 1) <= TOLERANCE) {
                    nonzero++;
                    perColumn[j]++;
                } else if (v > TOLERANCE) {
                    nonzero = -1;
                    break;
                }
            }
            if (nonzero != 1) {
                throw new IllegalArgumentException("the concatenated nonlinearity needs signed permutation matrices, but "
                        + rho.name() + "(" + g + ") of " + rho.group().name() + " is not one (row " + i + ")");
            }
        }
        for (int j = 0; j < n; j++) {
            if (perColumn[j] != 1) {
                throw new IllegalArgumentException("the concatenated nonlinearity needs signed permutation matrices, but "
                        + rho.name() + "(" + g + ") of " + rho.group().name() + " is not one (column " + j + ")");
            }
        }
    }

    /** e2cnn's definition: each entry 1 of rho(g) becomes the 2x2 identity, each -1 the 2x2 swap. */
    private static double[][] definition(double[][] rho) {
        int n = rho.length;
        double[][] m = new double[2 * n][2 * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double v = rho[i][j];
                if (Math.abs(v - 1) <= TOLERANCE) {
                    m[2 * i][2 * j] = 1;
                    m[2 * i + 1][2 * j + 1] = 1;
                } else if (Math.abs(v + 1) <= TOLERANCE) {
                    m[2 * i][2 * j + 1] = 1;
                    m[2 * i + 1][2 * j] = 1;
                } else if (Math.abs(v) > TOLERANCE) {
                    throw new IllegalArgumentException("not a signed permutation matrix: entry (" + i + ", " + j
                            + ") is " + v);
                }
            }
        }
        return m;
    }
}
