package org.e2dl4j.math.repr;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.e2dl4j.math.group.Group;
import org.e2dl4j.math.group.Subgroup;
import org.e2dl4j.math.group.SubgroupId;

/**
 * The band-limited regular and quotient representations in the spectral basis (escnn's
 * {@code spectral_regular_representation} / {@code spectral_quotient_representation}) and the Fourier basis
 * vectors that make them spaces of functions on G (escnn's {@code _build_kernel}).
 *
 * <p>A function on G / H band-limited to the irreps psi_1, ..., psi_m is {@code f(g) = sum_i sum_j <psi_i(g) v_ij,
 * c_ij>}: for each irrep psi the vectors v_j are H-invariant ({@code psi(h) v = v}), one copy of psi per vector,
 * so rho = (+)_i psi_i^(number of v_ij), with the identity change of basis, and f(g) = (rho(g) v) . c for the
 * concatenated v. The vectors, as escnn chooses them:
 * <ul>
 *   <li>regular (H = {e}): sqrt(d) e_j for j &lt; d / s, d the irrep's size and s its sum of squares of
 *       constituents (2 for the complex 2-dimensional irreps of C_N and SO(2), so one copy of them);</li>
 *   <li>quotient: column p of the change of basis Q of psi restricted to H ({@link IrrepRestriction}) for every
 *       position p of a trivial irrep of H in the restriction, of which a complex irrep keeps the first of each
 *       pair (the two are tied by its endomorphisms).</li>
 * </ul>
 */
final class SpectralBasis {

    private SpectralBasis() {
    }

    /** The supported nonlinearities: these representations are orthogonal direct sums of irreps. */
    private static final Set<Nonlinearity> SUPPORTED = EnumSet.of(Nonlinearity.NORM, Nonlinearity.GATED);

    /**
     * The invariant vectors of one irrep, one per copy of it in the representation.
     *
     * @param sub the subgroup H, or null for the regular representation
     */
    static List<double[]> vectors(IrreducibleRepresentation psi, Subgroup sub) {
        int d = psi.size();
        List<double[]> out = new ArrayList<>();
        if (sub == null) {
            for (int j = 0; j < d / psi.sumOfSquaresConstituents(); j++) {
                double[] v = new double[d];
                v[j] = Math.sqrt(d);
                out.add(v);
            }
            return out;
        }
        IrrepRestriction r = IrrepRestriction.of(psi, sub);
        double[][] q = r.changeOfBasis();
        List<Integer> positions = new ArrayList<>();
        int p = 0;
        for (IrreducibleRepresentation phi : r.irreps()) {
            if (phi.isTrivial()) {
                positions.add(p);
            }
            p += phi.size();
        }
        int keep = positions.size() / psi.sumOfSquaresConstituents();
        for (int c = 0; c < keep; c++) {
            double[] v = new double[d];
            for (int i = 0; i < d; i++) {
                v[i] = q[i][positions.get(c)];
            }
            out.add(v);
        }
        return out;
    }

    /** The irreps of G with the given ids, refusing an empty list and repeated ids. */
    static List<IrreducibleRepresentation> irreps(Group group, List<int[]> ids) {
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("a band-limited representation of " + group.name()
                    + " needs at least one irrep id");
        }
        List<IrreducibleRepresentation> out = new ArrayList<>(ids.size());
        Set<IrreducibleRepresentation> seen = new HashSet<>();
        for (int[] id : ids) {
            IrreducibleRepresentation irr = Representations.irrep(group, id);
            if (!seen.add(irr)) {
                throw new IllegalArgumentException("the irrep " + escnnId(id) + " of " + group.name()
                        + " is given twice for a band-limited representation; each irrep appears once in "
                        + irrepList(ids));
            }
            out.add(irr);
        }
        return out;
    }

    /**
     * The representation: each irrep repeated once per invariant vector, named as escnn names it
     * ({@code regular_[(0,)|(1,)]}, {@code quotient[(None, -1)]_[(0, 0)|(1, 0)]}).
     *
     * @param id the subgroup H, or null for the regular representation
     * @throws IllegalArgumentException if no irrep has an H-invariant vector (escnn's empty space)
     */
    static Representation build(Group group, SubgroupId id, List<int[]> ids, RepresentationRecipe recipe) {
        Subgroup sub = id == null ? null : group.subgroup(id);
        List<IrreducibleRepresentation> decomposition = new ArrayList<>();
        long size = 0;
        for (IrreducibleRepresentation irr : irreps(group, ids)) {
            int copies = vectors(irr, sub).size();
            for (int c = 0; c < copies; c++) {
                decomposition.add(irr);
                size += irr.size();
            }
        }
        String name = name(id, ids);
        if (size == 0) {
            throw new IllegalArgumentException("the band-limited quotient representation " + name + " of "
                    + group.name() + " is empty: none of the irreps has a vector invariant under the subgroup " + id
                    + " (add irreps whose restriction to it contains the trivial one)");
        }
        Representations.checkDenseSize(size, "the band-limited representation " + name);
        double[][] identity = Matrices.identity((int) size);
        return new Representation(group, name, Collections.unmodifiableList(decomposition), identity, identity,
                SUPPORTED, recipe);
    }

    /** escnn's name of the representation: {@code regular_[<ids>]} or {@code quotient[<subgroup>]_[<ids>]}. */
    static String name(SubgroupId id, List<int[]> ids) {
        return (id == null ? "regular_" : "quotient[" + id + "]_") + irrepList(ids);
    }

    /** escnn's spelling of an irrep id, a Python tuple: {@code (1,)}, {@code (1, 2)}. */
    static String escnnId(int[] id) {
        if (id.length == 1) {
            return "(" + id[0] + ",)";
        }
        StringBuilder b = new StringBuilder("(");
        for (int i = 0; i < id.length; i++) {
            b.append(i == 0 ? "" : ", ").append(id[i]);
        }
        return b.append(')').toString();
    }

    private static String irrepList(List<int[]> ids) {
        List<String> names = new ArrayList<>(ids.size());
        for (int[] id : ids) {
            names.add(escnnId(id));
        }
        return "[" + String.join("|", names) + "]";
    }
}
