package org.e2dl4j.math.repr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.e2dl4j.math.group.Group;
import org.e2dl4j.math.group.GroupElement;
import org.e2dl4j.math.group.GroupKind;

/**
 * Builds the representations of a group (e2cnn's {@code Group.irrep}, {@code regular_representation},
 * {@code directsum}, {@code change_basis}, ...). Results are cached per group and name, so asking twice
 * gives the same instance; safe to call from several threads.
 */
public final class Representations {

    private static final Map<Group, List<IrreducibleRepresentation>> IRREPS = new ConcurrentHashMap<>();
    private static final Map<Group, Map<String, Representation>> BUILT = new ConcurrentHashMap<>();

    private Representations() {
    }

    /** All irreps of the group, in e2cnn's order (for SO(2) / O(2): up to the group's maximum frequency). */
    public static List<IrreducibleRepresentation> irreps(Group group) {
        return IRREPS.computeIfAbsent(group, IrrepCatalog::build);
    }

    /**
     * The irrep with e2cnn's id: {@code irrep(C8, 1)}, {@code irrep(D4, 1, 2)}.
     *
     * @throws IllegalArgumentException if the group has no irrep with that id; the message lists the valid ids
     */
    public static IrreducibleRepresentation irrep(Group group, int... id) {
        List<IrreducibleRepresentation> all = irreps(group);
        for (IrreducibleRepresentation irr : all) {
            if (Arrays.equals(irr.id(), id)) {
                return irr;
            }
        }
        List<String> valid = new ArrayList<>();
        for (IrreducibleRepresentation irr : all) {
            valid.add(Arrays.toString(irr.id()));
        }
        throw new IllegalArgumentException(group.name() + " has no irrep with id " + Arrays.toString(id)
                + "; valid ids: " + String.join(" ", valid)
                + (group.isFinite() ? "" : " (raise the group's maximum frequency for more)"));
    }

    /** The irrep with the given e2cnn name, e.g. {@code irrep_1} or {@code irrep_1,2}. */
    public static IrreducibleRepresentation irrepByName(Group group, String name) {
        for (IrreducibleRepresentation irr : irreps(group)) {
            if (irr.name().equals(name)) {
                return irr;
            }
        }
        throw new IllegalArgumentException(group.name() + " has no irrep named '" + name + "'");
    }

    /** The trivial representation rho(g) = 1 (the irrep irrep_0 or irrep_0,0). */
    public static IrreducibleRepresentation trivial(Group group) {
        return irreps(group).get(0);
    }

    /**
     * The regular representation of a finite group: rho(g) e_h = e_(gh) on R^|G|. Its decomposition
     * contains each irrep psi with multiplicity size(psi) / sumOfSquaresConstituents(psi), and its change of
     * basis is e2cnn's: row h holds sqrt(d / |G|) times column c of psi(h) for copy c of psi.
     */
    public static Representation regular(Group group) {
        if (!group.isFinite()) {
            throw new IllegalArgumentException("The regular representation exists only for finite groups; "
                    + group.name() + " is continuous (use irreps or a finite subgroup)");
        }
        return cached(group, "regular", () -> buildRegular(group));
    }

    private static Representation buildRegular(Group group) {
        List<GroupElement> elements = group.elements();
        int size = elements.size();
        List<IrreducibleRepresentation> irreps = new ArrayList<>();
        double[][] q = new double[size][size];
        int p = 0;
        for (IrreducibleRepresentation irr : irreps(group)) {
            int s = irr.size();
            int multiplicity = s / irr.sumOfSquaresConstituents();
            for (int c = 0; c < multiplicity; c++) {
                irreps.add(irr);
                double scale = Math.sqrt((double) s / size);
                for (int e = 0; e < size; e++) {
                    double[][] m = irr.matrix(elements.get(e));
                    for (int i = 0; i < s; i++) {
                        q[e][p + i] = scale * m[i][c];
                    }
                }
                p += s;
            }
        }
        Set<Nonlinearity> supported = EnumSet.of(Nonlinearity.POINTWISE, Nonlinearity.NORM,
                Nonlinearity.GATED, Nonlinearity.CONCATENATED);
        if (group.kind() == GroupKind.CYCLIC) {
            supported.add(Nonlinearity.VECTORFIELD);
        }
        return new Representation(group, "regular", irreps, q, Matrices.transpose(q), supported);
    }

    /**
     * The direct sum rho_1 (+) ... (+) rho_m: block-diagonal, its decomposition the concatenation of the
     * parts', its change of basis block-diagonal; it supports the nonlinearities all parts support.
     *
     * @param name the name of the sum, or null for e2cnn's default {@code [a]_[b]_...}
     */
    public static Representation directSum(List<? extends Representation> reprs, String name) {
        if (reprs.isEmpty()) {
            throw new IllegalArgumentException("the direct sum needs at least one representation");
        }
        Group group = reprs.get(0).group();
        int size = 0;
        List<IrreducibleRepresentation> irreps = new ArrayList<>();
        Set<Nonlinearity> supported = EnumSet.allOf(Nonlinearity.class);
        StringBuilder defaultName = new StringBuilder();
        for (Representation r : reprs) {
            if (!r.group().equals(group)) {
                throw new IllegalArgumentException("direct sum of representations of different groups: "
                        + group.name() + " and " + r.group().name() + " (" + r.name() + ")");
            }
            size += r.size();
            irreps.addAll(r.irreps());
            supported.retainAll(r.supportedNonlinearities());
            defaultName.append(defaultName.length() == 0 ? "" : "_").append('[').append(r.name()).append(']');
        }
        double[][] q = new double[size][size];
        double[][] qi = new double[size][size];
        int p = 0;
        for (Representation r : reprs) {
            double[][] a = r.changeOfBasis();
            double[][] b = r.changeOfBasisInv();
            for (int i = 0; i < r.size(); i++) {
                System.arraycopy(a[i], 0, q[p + i], p, r.size());
                System.arraycopy(b[i], 0, qi[p + i], p, r.size());
            }
            p += r.size();
        }
        return new Representation(group, name == null ? defaultName.toString() : name, irreps, q, qi, supported);
    }

    /**
     * The representation B rho(g) B^-1 for an invertible B (e2cnn's {@code change_basis}); its change of
     * basis is B Q.
     *
     * @param supported the nonlinearities the new representation supports (none by default in e2cnn)
     */
    public static Representation changeBasis(Representation repr, double[][] basis, String name,
                                             Set<Nonlinearity> supported) {
        Matrices.checkSquare(basis, repr.size(), "change of basis for " + repr.name());
        double[][] q = Matrices.multiply(basis, repr.changeOfBasis());
        double[][] qi = Matrices.multiply(repr.changeOfBasisInv(), Matrices.inverse(basis));
        return new Representation(repr.group(), name, repr.irreps(), q, qi,
                supported.isEmpty() ? EnumSet.noneOf(Nonlinearity.class) : EnumSet.copyOf(supported));
    }

    /**
     * Returns the representation named {@code name} of the group from the cache, building it on first use.
     * For use by the builders of composite representations in this package.
     */
    static Representation cached(Group group, String name, Supplier<Representation> builder) {
        Map<String, Representation> byName = BUILT.computeIfAbsent(group, g -> new ConcurrentHashMap<>());
        Representation r = byName.get(name);
        if (r == null) {
            r = builder.get();
            Representation prev = byName.putIfAbsent(name, r);
            if (prev != null) {
                r = prev;
            }
        }
        return r;
    }
}
