package org.e2dl4j.math.repr;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.e2dl4j.math.group.Group;
import org.e2dl4j.math.group.GroupElement;

/**
 * The decomposition of an orthogonal representation of a finite group, given as one matrix per element, into
 * irreps (e2cnn's {@code build_from_discrete_group_representation}): rho(g) = Q (psi_1(g) (+) ... (+) psi_m(g)) Q^T
 * with Q orthogonal.
 *
 * <p>The multiplicity of psi is &lt;chi_rho, chi_psi&gt; / c_psi (c_psi: {@link
 * IrreducibleRepresentation#sumOfSquaresConstituents()}); the irreps are ordered by name, as e2cnn orders them.
 * The copies of psi (size d) are intertwiners X (n x d, X^T X = 1, rho(g) X = X psi(g)), found in the image of
 * the orthogonal projection T(Y) = mean over g of rho(g) Y psi(g)^T applied to the unit matrices: the copy taken
 * next is the image (with the copies found before projected out) of largest norm, divided by that norm.
 */
final class DiscreteDecomposition {

    /** Largest entry error accepted in rho(e) = 1, rho(g) rho(g)^T = 1 and rho(g) rho(h) = rho(gh). */
    static final double TOLERANCE = 1e-7;

    private final List<IrreducibleRepresentation> irreps = new ArrayList<>();
    private final double[][] changeOfBasis;

    private DiscreteDecomposition(List<IrreducibleRepresentation> irreps, double[][] changeOfBasis) {
        this.irreps.addAll(irreps);
        this.changeOfBasis = changeOfBasis;
    }

    /** The irreps in decomposition order. */
    List<IrreducibleRepresentation> irreps() {
        return irreps;
    }

    /** The orthogonal Q. */
    double[][] changeOfBasis() {
        return changeOfBasis;
    }

    /**
     * Decomposes the representation g -> {@code matrices.get(g)} of {@code group}.
     *
     * @param who the representation, for messages (e.g. "user representation 'square' of D4")
     * @throws IllegalArgumentException if the group is continuous, an element is missing or foreign, the matrices
     *                                  are not all n x n and finite, or rho is not an orthogonal homomorphism
     */
    static DiscreteDecomposition of(Group group, Map<GroupElement, double[][]> matrices, String who) {
        if (!group.isFinite()) {
            throw new IllegalArgumentException(who + ": only a finite group can be given by its matrices; "
                    + group.name() + " is continuous (give its irreps and change of basis: Representations.fromIrreps)");
        }
        if (matrices == null) {
            throw new IllegalArgumentException(who + " needs one matrix per element of " + group.name() + ", got null");
        }
        List<GroupElement> elements = group.elements();
        for (GroupElement g : matrices.keySet()) {
            if (g == null || !group.isElement(g)) {
                throw new IllegalArgumentException(who + ": " + g + " is not an element of " + group.name());
            }
        }
        List<GroupElement> missing = new ArrayList<>();
        for (GroupElement g : elements) {
            if (matrices.get(g) == null) {
                missing.add(g);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(who + " needs a matrix for every one of the " + elements.size()
                    + " elements of " + group.name() + "; missing: " + missing);
        }
        double[][] first = matrices.get(group.identity());
        int n = first.length;
        if (n == 0) {
            throw new IllegalArgumentException(who + ": the matrices must be n x n with n >= 1, got 0 rows at "
                    + group.identity());
        }
        Representations.checkDenseSize(n, "the " + who);
        List<double[][]> rho = new ArrayList<>(elements.size());
        for (GroupElement g : elements) {
            double[][] m = matrices.get(g);
            Matrices.checkSquare(m, n, who + ": the matrix of " + g);
            for (double[] row : m) {
                for (double x : row) {
                    if (!Double.isFinite(x)) {
                        throw new IllegalArgumentException(who + ": the matrix of " + g + " must be finite, got " + x);
                    }
                }
            }
            rho.add(Matrices.copy(m));
        }
        check(group, rho, who);
        return decompose(group, rho, who);
    }

    private static void check(Group group, List<double[][]> rho, String who) {
        List<GroupElement> elements = group.elements();
        double identity = Matrices.distanceToIdentity(rho.get(elements.indexOf(group.identity())));
        if (identity > TOLERANCE) {
            throw new IllegalArgumentException(who + ": the matrix of the identity must be 1, it is " + identity
                    + " away (tolerance " + TOLERANCE + ")");
        }
        for (int a = 0; a < elements.size(); a++) {
            double[][] ra = rho.get(a);
            double orth = Matrices.distanceToIdentity(Matrices.multiply(ra, Matrices.transpose(ra)));
            if (orth > TOLERANCE) {
                throw new IllegalArgumentException(who + ": the matrices must be orthogonal, rho(" + elements.get(a)
                        + ") rho(" + elements.get(a) + ")^T is " + orth + " away from 1 (tolerance " + TOLERANCE + ")");
            }
            for (int b = 0; b < elements.size(); b++) {
                GroupElement ab = group.combine(elements.get(a), elements.get(b));
                double err = distance(Matrices.multiply(ra, rho.get(b)), rho.get(elements.indexOf(ab)));
                if (err > TOLERANCE) {
                    throw new IllegalArgumentException(who + " is not a homomorphism: rho(" + elements.get(a)
                            + ") rho(" + elements.get(b) + ") differs from rho(" + ab + ") by " + err
                            + " (tolerance " + TOLERANCE + ")");
                }
            }
        }
    }

    private static DiscreteDecomposition decompose(Group group, List<double[][]> rho, String who) {
        List<GroupElement> elements = group.elements();
        int n = rho.get(0).length;
        List<IrreducibleRepresentation> sorted = new ArrayList<>(Representations.irreps(group));
        sorted.sort(Comparator.comparing(IrreducibleRepresentation::name));
        List<IrreducibleRepresentation> irreps = new ArrayList<>();
        double[][] q = new double[n][n];
        int column = 0;
        for (IrreducibleRepresentation psi : sorted) {
            double dot = 0;
            for (int e = 0; e < elements.size(); e++) {
                dot += trace(rho.get(e)) * psi.character(group.inverse(elements.get(e)));
            }
            double m = dot / (elements.size() * psi.sumOfSquaresConstituents());
            long copies = Math.round(m);
            if (Math.abs(m - copies) > 1e-6) {
                throw new IllegalArgumentException(who + ": the multiplicity of " + psi.name() + " is " + m
                        + ", not an integer");
            }
            List<double[][]> found = copies(elements, rho, psi, (int) copies, who);
            for (double[][] x : found) {
                for (int r = 0; r < n; r++) {
                    System.arraycopy(x[r], 0, q[r], column, psi.size());
                }
                column += psi.size();
                irreps.add(psi);
            }
        }
        if (column != n) {
            throw new IllegalStateException(who + ": the irreps found span " + column + " of " + n + " dimensions");
        }
        return new DiscreteDecomposition(irreps, q);
    }

    /** {@code count} orthonormal copies X of psi in rho, as n x d matrices. */
    private static List<double[][]> copies(List<GroupElement> elements, List<double[][]> rho,
                                           IrreducibleRepresentation psi, int count, String who) {
        List<double[][]> found = new ArrayList<>(count);
        if (count == 0) {
            return found;
        }
        int n = rho.get(0).length;
        int d = psi.size();
        List<double[][]> psis = new ArrayList<>(elements.size());
        for (GroupElement g : elements) {
            psis.add(psi.matrix(g));
        }
        // T(E_pc)[r][s] = mean over g of rho(g)[r][p] psi(g)[s][c]
        double[][][] images = new double[n * d][][];
        for (int p = 0; p < n; p++) {
            for (int c = 0; c < d; c++) {
                double[][] y = new double[n][d];
                for (int e = 0; e < elements.size(); e++) {
                    double[][] r = rho.get(e);
                    double[][] s = psis.get(e);
                    for (int i = 0; i < n; i++) {
                        double a = r[i][p];
                        if (a != 0) {
                            for (int j = 0; j < d; j++) {
                                y[i][j] += a * s[j][c];
                            }
                        }
                    }
                }
                for (double[] row : y) {
                    for (int j = 0; j < d; j++) {
                        row[j] /= elements.size();
                    }
                }
                images[p * d + c] = y;
            }
        }
        while (found.size() < count) {
            double[][] best = null;
            double bestNorm = 0;
            for (double[][] y : images) {
                double[][] rest = withoutCopies(y, found);
                double norm = frobeniusSquared(rest) / d;
                if (norm > bestNorm * (1 + 1e-12)) {
                    bestNorm = norm;
                    best = rest;
                }
            }
            if (best == null || bestNorm < 1e-12) {
                throw new IllegalStateException(who + ": found " + found.size() + " of " + count + " copies of "
                        + psi.name());
            }
            double scale = 1 / Math.sqrt(bestNorm);
            for (double[] row : best) {
                for (int j = 0; j < d; j++) {
                    row[j] *= scale;
                }
            }
            found.add(best);
        }
        return found;
    }

    /** y - sum over the copies X of X (X^T y). */
    private static double[][] withoutCopies(double[][] y, List<double[][]> copies) {
        double[][] rest = Matrices.copy(y);
        for (double[][] x : copies) {
            double[][] overlap = Matrices.multiply(Matrices.transpose(x), rest);
            double[][] along = Matrices.multiply(x, overlap);
            for (int i = 0; i < rest.length; i++) {
                for (int j = 0; j < rest[i].length; j++) {
                    rest[i][j] -= along[i][j];
                }
            }
        }
        return rest;
    }

    private static double frobeniusSquared(double[][] a) {
        double s = 0;
        for (double[] row : a) {
            for (double x : row) {
                s += x * x;
            }
        }
        return s;
    }

    private static double trace(double[][] a) {
        double t = 0;
        for (int i = 0; i < a.length; i++) {
            t += a[i][i];
        }
        return t;
    }

    private static double distance(double[][] a, double[][] b) {
        double d = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a.length; j++) {
                d = Math.max(d, Math.abs(a[i][j] - b[i][j]));
            }
        }
        return d;
    }
}
