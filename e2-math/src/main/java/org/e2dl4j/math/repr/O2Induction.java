package org.e2dl4j.math.repr;

import java.util.List;
import java.util.Set;

import org.e2dl4j.math.group.Group;
import org.e2dl4j.math.group.GroupElement;
import org.e2dl4j.math.group.Subgroup;

/**
 * The representation Ind_SO(2)^O(2) psi_k of O(2) induced from the irrep psi_k (size d) of its subgroup SO(2),
 * built as e2cnn builds it (SO(2) has index 2, so it is finite-dimensional even though O(2) is continuous).
 *
 * <p>The space is R^(2d): one d-block per coset, SO(2) and f SO(2) (f = r_0 f). Its irreps are irrep_0,0 (+)
 * irrep_1,0 for k = 0 and two copies of irrep_1,k for k &gt; 0 (Frobenius reciprocity). The change of basis Q is
 * orthogonal with the rows of the coset of r in {e, f} equal to v P(r), P the direct sum of the irreps and v the
 * d x 2d block holding, per copy, a matrix commuting with psi_k: (1) (+) (1) over sqrt 2 for k = 0, and
 * (I - J) / 2 and (I + J) / 2 for k &gt; 0, with J the rotation by 90 degrees.
 */
final class O2Induction {

    private O2Induction() {
    }

    /** Ind_SO(2)^O(2) psi with the given name, nonlinearities and recipe; {@code sub} is SO(2) in O(2). */
    static Representation build(Subgroup sub, IrreducibleRepresentation psi, String name,
                                Set<Nonlinearity> supported, int inducedSubfieldSize,
                                RepresentationRecipe recipe) {
        Group group = sub.parent();
        int k = psi.frequency();
        List<IrreducibleRepresentation> irreps = k == 0
                ? List.of(Representations.irrep(group, 0, 0), Representations.irrep(group, 1, 0))
                : List.of(Representations.irrep(group, 1, k), Representations.irrep(group, 1, k));
        double[][] v = k == 0
                ? new double[][] {{Math.sqrt(0.5), Math.sqrt(0.5)}}
                : new double[][] {{0.5, 0.5, 0.5, -0.5}, {-0.5, 0.5, 0.5, 0.5}};
        int d = psi.size();
        int size = 2 * d;
        double[][] q = new double[size][];
        List<GroupElement> representatives = List.of(group.identity(), GroupElement.continuous(1, 0));
        for (int c = 0; c < 2; c++) {
            double[][] block = Matrices.multiply(v, directSum(irreps, representatives.get(c), size));
            System.arraycopy(block, 0, q, c * d, d);
        }
        return new Representation(group, name, irreps, q, Matrices.transpose(q), supported, inducedSubfieldSize,
                recipe);
    }

    private static double[][] directSum(List<IrreducibleRepresentation> irreps, GroupElement g, int size) {
        double[][] p = new double[size][size];
        int at = 0;
        for (IrreducibleRepresentation irr : irreps) {
            double[][] m = irr.matrix(g);
            for (int i = 0; i < m.length; i++) {
                System.arraycopy(m[i], 0, p[at + i], at, m.length);
            }
            at += m.length;
        }
        return p;
    }
}
