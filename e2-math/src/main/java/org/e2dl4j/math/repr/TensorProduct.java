package org.e2dl4j.math.repr;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.e2dl4j.math.group.Group;
import org.e2dl4j.math.group.GroupElement;

/**
 * The tensor product of two representations (escnn's {@code Representation.tensor}):
 * {@code (rho1 (x) rho2)(g) = kron(rho1(g), rho2(g))}, decomposed into irreps with an orthogonal change of basis.
 * With {@code rho_i = Q_i D_i Q_i^T}, {@code kron(rho1, rho2) = (Q1 (x) Q2) kron(D1, D2) (Q1 (x) Q2)^T}, and
 * {@code kron(D1, D2)} holds one block {@code psi (x) phi} per pair of irreps, which splits into irreps:
 * <ul>
 *   <li>finite groups: numerically, from the characters ({@link DiscreteDecomposition});</li>
 *   <li>SO(2): {@code psi_j (x) psi_k = psi_{|j-k|} (+) psi_{j+k}} for j, k &gt; 0 (two trivial irreps when j = k),
 *       in the coordinates of z1 conj(z2) and z1 z2 (z = x + iy);</li>
 *   <li>O(2): the same for {@code psi_{1,j} (x) psi_{1,k}}, the flip acting as diag(1, -1) on each pair (j = k gives
 *       psi_{0,0} (+) psi_{1,0}); {@code psi_{1,0} (x) psi_{1,k} = psi_{1,k}} after a quarter turn of the plane.</li>
 * </ul>
 * A continuous group must carry the frequency j + k: a product beyond its maximum frequency is refused.
 */
final class TensorProduct {

    private static final double R = Math.sqrt(0.5);

    private TensorProduct() {
    }

    /** One irrep of a pair's block with its orthonormal columns in the block's coordinates {@code s * e + t}. */
    private record Part(IrreducibleRepresentation irrep, double[][] columns) {
    }

    /**
     * {@code rho1 (x) rho2}, named {@code <rho1> X <rho2>} (escnn's name), with recipe {@link
     * RepresentationRecipe.Tensor}; as escnn, it supports the norm and gated nonlinearities (it is orthogonal), and
     * the pointwise (a Kronecker product of permutations is one) and gate nonlinearities when both factors do.
     */
    static Representation of(Representation rho1, Representation rho2) {
        Group group = rho1.group();
        if (!rho2.group().equals(group)) {
            throw new IllegalArgumentException("the tensor product of " + rho1.name() + " of " + group.name() + " and "
                    + rho2.name() + " of " + rho2.group().name() + " needs representations of one group");
        }
        long n = (long) rho1.size() * rho2.size();
        Representations.checkDenseSize(n, "the tensor product of " + rho1.name() + " and " + rho2.name());
        int n2 = rho2.size();
        List<IrreducibleRepresentation> irreps = new ArrayList<>();
        List<double[]> columns = new ArrayList<>();
        int a = 0;
        for (IrreducibleRepresentation psi : rho1.irreps()) {
            int b = 0;
            for (IrreducibleRepresentation phi : rho2.irreps()) {
                for (Part part : split(psi, phi)) {
                    irreps.add(part.irrep());
                    for (double[] v : part.columns()) {
                        double[] global = new double[(int) n];
                        for (int s = 0; s < psi.size(); s++) {
                            for (int t = 0; t < phi.size(); t++) {
                                global[(a + s) * n2 + b + t] = v[s * phi.size() + t];
                            }
                        }
                        columns.add(global);
                    }
                }
                b += phi.size();
            }
            a += psi.size();
        }
        double[][] blocks = new double[(int) n][(int) n];
        for (int c = 0; c < columns.size(); c++) {
            for (int r = 0; r < n; r++) {
                blocks[r][c] = columns.get(c)[r];
            }
        }
        double[][] q = Matrices.multiply(kron(rho1.changeOfBasis(), rho2.changeOfBasis()), blocks);
        Set<Nonlinearity> supported = EnumSet.of(Nonlinearity.NORM, Nonlinearity.GATED);
        for (Nonlinearity claim : EnumSet.of(Nonlinearity.POINTWISE, Nonlinearity.GATE)) {
            if (rho1.supports(claim) && rho2.supports(claim)) {
                supported.add(claim);
            }
        }
        return new Representation(group, rho1.name() + " X " + rho2.name(), irreps, q, Matrices.transpose(q),
                supported, new RepresentationRecipe.Tensor(rho1.recipe(), rho2.recipe()));
    }

    /** The Kronecker product of two matrices, entry (i p + k, j q + l) = a[i][j] b[k][l]. */
    static double[][] kron(double[][] x, double[][] y) {
        int p = y.length;
        int q = y[0].length;
        double[][] k = new double[x.length * p][x[0].length * q];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x[0].length; j++) {
                for (int r = 0; r < p; r++) {
                    for (int c = 0; c < q; c++) {
                        k[i * p + r][j * q + c] = x[i][j] * y[r][c];
                    }
                }
            }
        }
        return k;
    }

    /** The irreps of {@code psi (x) phi} with their columns. */
    private static List<Part> split(IrreducibleRepresentation psi, IrreducibleRepresentation phi) {
        Group group = psi.group();
        if (group.isFinite()) {
            Map<GroupElement, double[][]> matrices = new LinkedHashMap<>();
            for (GroupElement g : group.elements()) {
                matrices.put(g, kron(psi.matrix(g), phi.matrix(g)));
            }
            DiscreteDecomposition d = DiscreteDecomposition.of(group, matrices,
                    "the tensor product of " + psi.name() + " and " + phi.name());
            List<Part> parts = new ArrayList<>();
            int column = 0;
            for (IrreducibleRepresentation irrep : d.irreps()) {
                double[][] cols = new double[irrep.size()][];
                for (int c = 0; c < irrep.size(); c++) {
                    cols[c] = column(d.changeOfBasis(), column + c);
                }
                parts.add(new Part(irrep, cols));
                column += irrep.size();
            }
            return parts;
        }
        int j = psi.frequency();
        int k = phi.frequency();
        if (j + k > group.maximumFrequency()) {
            throw new IllegalArgumentException("the tensor product of " + psi.name() + " and " + phi.name() + " of "
                    + group.name() + " contains the frequency " + (j + k) + ", above the group's maximum frequency "
                    + group.maximumFrequency() + " (build the G-space with a maximum frequency of at least " + (j + k)
                    + ")");
        }
        if (psi.size() == 1 || phi.size() == 1) {
            return List.of(oneDimensionalFactor(psi, phi));
        }
        boolean flips = group.hasReflections();
        List<Part> parts = new ArrayList<>();
        if (j == k) {
            parts.add(new Part(irrep(group, flips, 0, 0), new double[][] {{R, 0, 0, R}}));
            parts.add(new Part(irrep(group, flips, 1, 0), new double[][] {{0, -R, R, 0}}));
        } else {
            double sign = j > k ? 1 : -1;
            parts.add(new Part(irrep(group, flips, 1, Math.abs(j - k)),
                    new double[][] {{R, 0, 0, R}, {0, -sign * R, sign * R, 0}}));
        }
        parts.add(new Part(irrep(group, flips, 1, j + k), new double[][] {{R, 0, 0, -R}, {0, R, R, 0}}));
        return parts;
    }

    /**
     * A product with a one-dimensional factor: the other irrep itself, except the sign irrep psi_{1,0} of O(2)
     * times a 2-dimensional psi_{1,k}, which is psi_{1,k} in the basis turned by a quarter turn.
     */
    private static Part oneDimensionalFactor(IrreducibleRepresentation psi, IrreducibleRepresentation phi) {
        Group group = psi.group();
        boolean flips = group.hasReflections();
        if (psi.size() == 1 && phi.size() == 1) {
            int flip = (psi.flipFrequency() + phi.flipFrequency()) % 2;
            return new Part(irrep(group, flips, flip, 0), new double[][] {{1}});
        }
        IrreducibleRepresentation two = psi.size() == 2 ? psi : phi;
        IrreducibleRepresentation one = psi.size() == 2 ? phi : psi;
        if (one.isTrivial()) {
            return new Part(two, new double[][] {{1, 0}, {0, 1}});
        }
        return new Part(two, new double[][] {{0, 1}, {-1, 0}});
    }

    /** The irrep psi_k of SO(2), or psi_{j,k} of O(2). */
    private static IrreducibleRepresentation irrep(Group group, boolean flips, int j, int k) {
        if (!flips) {
            return Representations.irrep(group, k);
        }
        return Representations.irrep(group, j, k);
    }

    private static double[] column(double[][] m, int c) {
        double[] v = new double[m.length];
        for (int r = 0; r < m.length; r++) {
            v[r] = m[r][c];
        }
        return v;
    }
}
