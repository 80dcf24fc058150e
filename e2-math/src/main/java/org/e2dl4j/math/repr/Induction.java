package org.e2dl4j.math.repr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.e2dl4j.math.group.Group;
import org.e2dl4j.math.group.GroupElement;
import org.e2dl4j.math.group.GroupKind;
import org.e2dl4j.math.group.Subgroup;
import org.e2dl4j.math.group.SubgroupId;

/**
 * The representation Ind_H^G psi of a finite group G induced from an irrep psi (size d) of a subgroup H,
 * built as e2cnn builds it, so that the change of basis is e2cnn's; O(2) induced from SO(2) is {@link O2Induction}'s.
 *
 * <p>The space is R^(d |G/H|): one d-block per left coset rH, the representatives r taken as the first
 * element of each coset in the order of {@link Group#elements()}. Then Ind(g) maps block rH to block
 * r'H (with g r = r' h) by psi(h). Its irreps come from Frobenius reciprocity: psi_i appears
 * &lt;chi_Ind, chi_i&gt; / c_i times (c_i: {@link IrreducibleRepresentation#sumOfSquaresConstituents()}). The
 * change of basis Q is orthogonal, with columns of Q^T for coset r equal to P(r) v, where P is the direct
 * sum of the irreps and the |G/H| d x d block v places, in each copy of psi_i, the copies of psi found in
 * the restriction of psi_i to H (e2cnn's construction).
 */
final class Induction {

    private final Group group;
    private final Subgroup sub;
    private final IrreducibleRepresentation psi;
    private final List<GroupElement> representatives = new ArrayList<>();
    private final Map<GroupElement, GroupElement> cosetOf = new HashMap<>();

    private Induction(Group group, Subgroup sub, IrreducibleRepresentation psi) {
        this.group = group;
        this.sub = sub;
        this.psi = psi;
        for (GroupElement e : group.elements()) {
            if (!cosetOf.containsKey(e)) {
                representatives.add(e);
                for (GroupElement h : sub.group().elements()) {
                    cosetOf.put(group.combine(e, sub.toParent(h)), e);
                }
            }
        }
    }

    /**
     * Ind_H^G psi with the given name, nonlinearities and recipe.
     *
     * @throws IllegalArgumentException if G is not finite (unless G is O(2) and H its SO(2)) or psi is not a
     *                                  representation of H
     */
    static Representation build(Subgroup sub, IrreducibleRepresentation psi, String name,
                                Set<Nonlinearity> supported, int inducedSubfieldSize,
                                RepresentationRecipe recipe) {
        Group group = sub.parent();
        if (group.kind() == GroupKind.O2 && !sub.id().equals(SubgroupId.orthogonal(null, -1))) {
            throw new IllegalArgumentException("O(2) can only be induced from its subgroup SO(2), id "
                    + SubgroupId.orthogonal(null, -1) + "; from the subgroup " + sub.id() + " (" + sub.group().name()
                    + ") " + (sub.group().isFinite() ? "the induced representation is infinite-dimensional"
                    : "e2cnn does not induce either"));
        }
        if (group.kind() == GroupKind.SO2) {
            throw new IllegalArgumentException("Induction needs a finite group (or O(2) from SO(2)); SO(2) induced from "
                    + sub.id() + " (" + sub.group().name() + ") is infinite-dimensional (induce to C_N or D_N instead)");
        }
        if (!psi.group().equals(sub.group())) {
            throw new IllegalArgumentException("Cannot induce " + psi.name() + " of " + psi.group().name()
                    + " from the subgroup " + sub.id() + " of " + group.name() + ": it needs an irrep of "
                    + sub.group().name());
        }
        if (!group.isFinite()) {
            return O2Induction.build(sub, psi, name, supported, inducedSubfieldSize, recipe);
        }
        Representations.checkDenseSize((long) group.order() / sub.group().order() * psi.size(),
                "the representation " + name + " of " + group.name() + " induced from " + psi.name() + " of "
                        + sub.group().name());
        Induction ind = new Induction(group, sub, psi);
        Map<IrreducibleRepresentation, Integer> multiplicities = ind.multiplicities();
        List<IrreducibleRepresentation> irreps = new ArrayList<>();
        multiplicities.forEach((irr, m) -> {
            for (int i = 0; i < m; i++) {
                irreps.add(irr);
            }
        });
        double[][] v = ind.cosetBlock(multiplicities);
        int d = psi.size();
        int size = d * ind.representatives.size();
        double[][] qInv = new double[size][size];
        for (int c = 0; c < ind.representatives.size(); c++) {
            double[][] pv = directSumTimes(irreps, ind.representatives.get(c), v);
            for (int row = 0; row < size; row++) {
                System.arraycopy(pv[row], 0, qInv[row], c * d, d);
            }
        }
        return new Representation(group, name, irreps, Matrices.transpose(qInv), qInv, supported,
                inducedSubfieldSize, recipe);
    }

    /** chi_Ind(g) = sum over cosets rH fixed by g of tr psi(r^-1 g r). */
    private double character(GroupElement g) {
        double chi = 0;
        for (GroupElement r : representatives) {
            GroupElement gr = group.combine(g, r);
            if (cosetOf.get(gr).equals(r)) {
                GroupElement h = sub.fromParent(group.combine(group.inverse(r), gr)).orElseThrow();
                chi += psi.character(h);
            }
        }
        return chi;
    }

    /** The multiplicity of each irrep of G in the induced representation, in e2cnn's irrep order. */
    private Map<IrreducibleRepresentation, Integer> multiplicities() {
        List<GroupElement> elements = group.elements();
        double[] chi = new double[elements.size()];
        for (int e = 0; e < chi.length; e++) {
            chi[e] = character(elements.get(e));
        }
        Map<IrreducibleRepresentation, Integer> result = new LinkedHashMap<>();
        for (IrreducibleRepresentation irr : Representations.irreps(group)) {
            double dot = 0;
            for (int e = 0; e < chi.length; e++) {
                dot += chi[e] * irr.character(group.inverse(elements.get(e)));
            }
            double m = dot / (chi.length * irr.sumOfSquaresConstituents());
            long rounded = Math.round(m);
            if (Math.abs(m - rounded) > 1e-9) {
                throw new IllegalStateException("multiplicity of " + irr.name() + " in the representation of "
                        + group.name() + " induced from " + psi.name() + " is not an integer: " + m);
            }
            if (rounded > 0) {
                result.put(irr, (int) rounded);
            }
        }
        return result;
    }

    /**
     * The block v (size x d) of Q^T belonging to the coset of the identity: in the copies of each irrep
     * psi_i it holds the embedding of psi into the restriction of psi_i to H, scaled so that Q is orthogonal.
     */
    private double[][] cosetBlock(Map<IrreducibleRepresentation, Integer> multiplicities) {
        int d = psi.size();
        int size = d * representatives.size();
        double[][] v = new double[size][d];
        int p = 0;
        double normSquared = 0;
        for (Map.Entry<IrreducibleRepresentation, Integer> entry : multiplicities.entrySet()) {
            IrreducibleRepresentation irr = entry.getKey();
            int m = entry.getValue();
            int c = irr.sumOfSquaresConstituents();
            IrrepRestriction restricted = IrrepRestriction.of(irr, sub);
            List<Integer> offsets = new ArrayList<>();
            int x = 0;
            for (IrreducibleRepresentation phi : restricted.irreps()) {
                if (phi.name().equals(psi.name())) {
                    offsets.add(x);
                }
                x += phi.size();
            }
            int found = offsets.size();
            if (psi.sumOfSquaresConstituents() * found != m * c) {
                throw new IllegalStateException("Frobenius reciprocity fails for " + irr.name() + " of "
                        + group.name() + " induced from " + psi.name() + ": multiplicity " + m + ", " + found
                        + " copies in the restriction");
            }
            int vectors = m == found ? m : psi.sumOfSquaresConstituents() * found;
            int copiesPerShift = m == found ? 1 : c;
            for (int shift = 0; shift < m; shift++) {
                for (int i = 0; i < copiesPerShift; i++) {
                    int idx = shift * c + i;
                    double[][] e = commuting(idx / found);
                    int at = p + offsets.get(idx % found);
                    for (int r = 0; r < d; r++) {
                        System.arraycopy(e[r], 0, v[at + r], 0, d);
                    }
                }
                double[][] part = new double[irr.size()][];
                System.arraycopy(v, p, part, 0, irr.size());
                double[][] mixed = Matrices.multiply(restricted.changeOfBasis(), part);
                double scale = Math.sqrt((double) irr.size() / c);
                for (int r = 0; r < irr.size(); r++) {
                    for (int col = 0; col < d; col++) {
                        v[p + r][col] = mixed[r][col] * scale;
                    }
                }
                p += irr.size();
            }
            normSquared += vectors * (double) irr.size() / c;
        }
        double norm = Math.sqrt(normSquared);
        for (double[] row : v) {
            for (int col = 0; col < d; col++) {
                row[col] /= norm;
            }
        }
        return v;
    }

    /**
     * A matrix commuting with psi: the identity, or for a complex-type psi (2-dimensional irrep of a cyclic
     * group) the rotation by 90 degrees for odd {@code t}.
     */
    private double[][] commuting(int t) {
        if (psi.sumOfSquaresConstituents() == 1 || t % 2 == 0) {
            return Matrices.identity(psi.size());
        }
        return new double[][] {{0, -1}, {1, 0}};
    }

    /** (direct sum of irreps(g)) times v, block by block. */
    private static double[][] directSumTimes(List<IrreducibleRepresentation> irreps, GroupElement g, double[][] v) {
        double[][] out = new double[v.length][];
        int p = 0;
        for (IrreducibleRepresentation irr : irreps) {
            double[][] block = new double[irr.size()][];
            System.arraycopy(v, p, block, 0, irr.size());
            double[][] prod = Matrices.multiply(irr.matrix(g), block);
            System.arraycopy(prod, 0, out, p, irr.size());
            p += irr.size();
        }
        return out;
    }
}
