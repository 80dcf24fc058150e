package org.e2dl4j.math.repr;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;

import org.e2dl4j.math.group.Group;
import org.e2dl4j.math.group.GroupElement;

/**
 * A real representation rho: G -> GL(R^n) of a group, stored as its decomposition into irreps:
 * rho(g) = Q (psi_1(g) (+) ... (+) psi_m(g)) Q^-1, with Q orthogonal for every representation the
 * library builds. It is the "type" of one feature field. Immutable.
 *
 * <p>Build instances with {@link Representations}; names follow e2cnn ({@code irrep_1}, {@code regular},
 * {@code quotient[2]}, ...) and are for display: how a representation was built is its {@link #recipe()}.
 */
public class Representation {

    private final Group group;
    private final String name;
    private final List<IrreducibleRepresentation> irreps;
    private final double[][] changeOfBasis;
    private final double[][] changeOfBasisInv;
    private final boolean identityBasis;
    private final Set<Nonlinearity> supported;
    private final int inducedSubfieldSize;
    private final int size;
    private final RepresentationRecipe recipe;

    /**
     * @param group                    the represented group
     * @param name                     e2cnn-style name
     * @param irreps                   decomposition, in order (null only for irreps themselves)
     * @param changeOfBasis            Q (n x n)
     * @param changeOfBasisInv         Q^-1, or null to compute it
     * @param supportedNonlinearities  nonlinearity families this representation accepts
     * @param recipe                   how it was built
     */
    Representation(Group group, String name, List<IrreducibleRepresentation> irreps, double[][] changeOfBasis,
                   double[][] changeOfBasisInv, Set<Nonlinearity> supportedNonlinearities,
                   RepresentationRecipe recipe) {
        this(group, name, irreps, changeOfBasis, changeOfBasisInv, supportedNonlinearities, 0, recipe);
    }

    /**
     * As the other constructor, for a representation supporting the induced nonlinearities.
     *
     * @param inducedSubfieldSize size of the sub-fields the induced norm / gated nonlinearities act on (the
     *                            size of the subgroup representation it was induced from); 0 for none
     * @param recipe              how it was built
     */
    Representation(Group group, String name, List<IrreducibleRepresentation> irreps, double[][] changeOfBasis,
                   double[][] changeOfBasisInv, Set<Nonlinearity> supportedNonlinearities, int inducedSubfieldSize,
                   RepresentationRecipe recipe) {
        this.group = Objects.requireNonNull(group, "group");
        this.name = Objects.requireNonNull(name, "name");
        this.recipe = Objects.requireNonNull(recipe, "recipe");
        this.irreps = irreps == null ? null : Collections.unmodifiableList(new ArrayList<>(irreps));
        this.size = changeOfBasis.length;
        Matrices.checkSquare(changeOfBasis, size, "change of basis of " + name);
        if (irreps != null) {
            int total = irreps.stream().mapToInt(Representation::size).sum();
            if (total != size) {
                throw new IllegalArgumentException("the irreps of " + name + " have total size " + total
                        + " but the change of basis is " + size + " x " + size);
            }
            for (IrreducibleRepresentation irr : irreps) {
                if (!irr.group().equals(group)) {
                    throw new IllegalArgumentException("irrep " + irr.name() + " of " + irr.group()
                            + " cannot be part of a representation of " + group);
                }
            }
        }
        this.changeOfBasis = Matrices.copy(changeOfBasis);
        this.changeOfBasisInv = changeOfBasisInv == null
                ? Matrices.inverse(changeOfBasis) : Matrices.copy(changeOfBasisInv);
        this.identityBasis = Matrices.isIdentity(changeOfBasis, 0.0);
        this.supported = supportedNonlinearities.isEmpty()
                ? Collections.unmodifiableSet(EnumSet.noneOf(Nonlinearity.class))
                : Collections.unmodifiableSet(EnumSet.copyOf(supportedNonlinearities));
        boolean induced = supported.contains(Nonlinearity.INDUCED_NORM) || supported.contains(Nonlinearity.INDUCED_GATED);
        if (induced != (inducedSubfieldSize > 0) || (induced && size % inducedSubfieldSize != 0)) {
            throw new IllegalArgumentException(name + ": the induced nonlinearities need a sub-field size dividing "
                    + size + " (and a size needs them); got " + inducedSubfieldSize + " with " + supported);
        }
        this.inducedSubfieldSize = inducedSubfieldSize;
    }

    /** The represented group. */
    public Group group() {
        return group;
    }

    /** The e2cnn-style name. */
    public String name() {
        return name;
    }

    /**
     * How this representation was built; {@code recipe().build(group())} gives an equal representation. Not
     * part of {@link #equals}: equal representations built in different ways stay equal.
     */
    public RepresentationRecipe recipe() {
        return recipe;
    }

    /** The dimension n of the representation space. */
    public int size() {
        return size;
    }

    /** The irreps psi_i of the decomposition, in order. */
    public List<IrreducibleRepresentation> irreps() {
        return irreps;
    }

    /** The change of basis Q with rho(g) = Q (direct sum of irreps(g)) Q^-1. A fresh copy. */
    public double[][] changeOfBasis() {
        return Matrices.copy(changeOfBasis);
    }

    /** Q^-1 (equal to Q^T for orthogonal Q). A fresh copy. */
    public double[][] changeOfBasisInv() {
        return Matrices.copy(changeOfBasisInv);
    }

    /** The matrix rho(g), a fresh array. */
    public double[][] matrix(GroupElement g) {
        group.checkElement(g);
        double[][] d = new double[size][size];
        int p = 0;
        for (IrreducibleRepresentation irr : irreps()) {
            double[][] m = irr.matrix(g);
            for (int i = 0; i < m.length; i++) {
                System.arraycopy(m[i], 0, d[p + i], p, m.length);
            }
            p += m.length;
        }
        if (identityBasis) {
            return d;
        }
        return Matrices.multiply(Matrices.multiply(changeOfBasis, d), changeOfBasisInv);
    }

    /** The character chi(g) = tr rho(g), computed as the sum of the irreps' characters. */
    public double character(GroupElement g) {
        double c = 0;
        for (IrreducibleRepresentation irr : irreps()) {
            c += irr.character(g);
        }
        return c;
    }

    /** The nonlinearity families this representation supports (e2cnn's {@code supported_nonlinearities}). */
    public Set<Nonlinearity> supportedNonlinearities() {
        return supported;
    }

    /** Whether {@code n} is among {@link #supportedNonlinearities()}. */
    public boolean supports(Nonlinearity n) {
        return supported.contains(n);
    }

    /**
     * The size of the sub-fields on which the induced norm and gated nonlinearities act (e2cnn's suffix
     * {@code d} in {@code induced_norm_d}); empty unless {@link Nonlinearity#INDUCED_NORM} or
     * {@link Nonlinearity#INDUCED_GATED} is supported.
     */
    public OptionalInt inducedSubfieldSize() {
        return inducedSubfieldSize > 0 ? OptionalInt.of(inducedSubfieldSize) : OptionalInt.empty();
    }

    /** Whether the decomposition contains the trivial irrep. */
    public boolean containsTrivial() {
        return irreps().stream().anyMatch(IrreducibleRepresentation::isTrivial);
    }

    /** Number of trivial irreps in the decomposition (e.g. the bias parameters a field gets). */
    public int trivialCount() {
        return (int) irreps().stream().filter(IrreducibleRepresentation::isTrivial).count();
    }

    /** Whether rho(g) = 1 for every g. */
    public boolean isTrivial() {
        return size == 1 && irreps().get(0).isTrivial();
    }

    /**
     * Whether every rho(g) is a permutation matrix (trivial, regular and quotient representations),
     * which is what makes a pointwise nonlinearity equivariant.
     */
    public boolean isPermutation() {
        return supported.contains(Nonlinearity.POINTWISE);
    }

    /** Whether Q is the identity (rho is a plain direct sum of irreps). */
    public boolean hasIdentityChangeOfBasis() {
        return identityBasis;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Representation)) {
            return false;
        }
        Representation r = (Representation) o;
        if (!group.equals(r.group) || !name.equals(r.name) || size != r.size || !supported.equals(r.supported)
                || inducedSubfieldSize != r.inducedSubfieldSize) {
            return false;
        }
        if (!irrepNames().equals(r.irrepNames())) {
            return false;
        }
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < size; j++) {
                if (Math.abs(changeOfBasis[i][j] - r.changeOfBasis[i][j]) > 1e-9) {
                    return false;
                }
            }
        }
        return true;
    }

    private List<String> irrepNames() {
        List<String> names = new ArrayList<>();
        for (IrreducibleRepresentation irr : irreps()) {
            names.add(irr.name());
        }
        return names;
    }

    @Override
    public int hashCode() {
        return Objects.hash(group, name, size);
    }

    @Override
    public String toString() {
        return group.name() + "|" + name + ":" + size;
    }
}
