package org.e2dl4j.math.repr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.e2dl4j.math.group.Group;
import org.e2dl4j.math.group.SubgroupId;

/**
 * How a representation was built: the factory of {@link Representations} and its arguments, with the recipes
 * of the representations it was built from. Every representation carries its recipe ({@link
 * Representation#recipe()}), and {@link #build(Group)} rebuilds an equal representation of the group, so a
 * recipe is a description of a representation that needs no display name. Immutable values.
 */
public sealed interface RepresentationRecipe {

    /**
     * Builds the representation of {@code group} this recipe describes.
     *
     * @throws IllegalArgumentException if the recipe describes no representation of that group (an irrep id or
     *                                  subgroup it lacks, a restriction landing in another group, ...)
     */
    Representation build(Group group);

    /** The irrep psi with e2cnn's id ({@code {k}} for C_N / SO(2), {@code {j, k}} for D_N / O(2)); trivial for id 0. */
    record Irrep(int[] id) implements RepresentationRecipe {

        public Irrep {
            id = id.clone();
        }

        /** A fresh copy of the id. */
        @Override
        public int[] id() {
            return id.clone();
        }

        /** Whether this is the trivial irrep (every id entry 0: rotation and flip frequency 0). */
        public boolean isTrivial() {
            return Arrays.stream(id).allMatch(i -> i == 0);
        }

        @Override
        public Representation build(Group group) {
            return Representations.irrep(group, id);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Irrep other && Arrays.equals(id, other.id);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(id);
        }

        @Override
        public String toString() {
            return "Irrep" + Arrays.toString(id);
        }
    }

    /** The regular representation rho(g) e_h = e_(gh) of a finite group. */
    record Regular() implements RepresentationRecipe {

        @Override
        public Representation build(Group group) {
            return Representations.regular(group);
        }
    }

    /** The quotient representation rho(g) e_(xH) = e_(gxH) on the cosets of the subgroup H with this id. */
    record Quotient(SubgroupId subgroup) implements RepresentationRecipe {

        public Quotient {
            Objects.requireNonNull(subgroup, "subgroup");
        }

        @Override
        public Representation build(Group group) {
            return Representations.quotient(group, subgroup);
        }
    }

    /** Ind_H^G psi for the subgroup H with this id and the irrep psi of H with e2cnn's id {@code irrepId}. */
    record Induced(SubgroupId subgroup, int[] irrepId) implements RepresentationRecipe {

        public Induced {
            Objects.requireNonNull(subgroup, "subgroup");
            irrepId = irrepId.clone();
        }

        /** A fresh copy of the id of psi. */
        @Override
        public int[] irrepId() {
            return irrepId.clone();
        }

        @Override
        public Representation build(Group group) {
            Group sub = group.subgroup(subgroup).group();
            return Representations.induced(group, subgroup, Representations.irrep(sub, irrepId));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Induced other && subgroup.equals(other.subgroup)
                    && Arrays.equals(irrepId, other.irrepId);
        }

        @Override
        public int hashCode() {
            return 31 * subgroup.hashCode() + Arrays.hashCode(irrepId);
        }

        @Override
        public String toString() {
            return "Induced[subgroup=" + subgroup + ", irrepId=" + Arrays.toString(irrepId) + "]";
        }
    }

    /**
     * A representation given by the user ({@link Representations#fromIrreps}, {@link Representations#fromDiscreteGroup}):
     * its name, the e2cnn ids of its irreps in order, its change of basis Q and its nonlinearities.
     */
    record UserDefined(String name, List<int[]> irrepIds, double[][] changeOfBasis, Set<Nonlinearity> supported)
            implements RepresentationRecipe {

        public UserDefined {
            Objects.requireNonNull(name, "name");
            List<int[]> ids = new ArrayList<>(irrepIds.size());
            for (int[] id : irrepIds) {
                ids.add(id.clone());
            }
            irrepIds = List.copyOf(ids);
            changeOfBasis = Matrices.copy(changeOfBasis);
            supported = Set.copyOf(supported);
        }

        /** Fresh copies of the irrep ids. */
        @Override
        public List<int[]> irrepIds() {
            List<int[]> ids = new ArrayList<>(irrepIds.size());
            for (int[] id : irrepIds) {
                ids.add(id.clone());
            }
            return ids;
        }

        /** A fresh copy of Q. */
        @Override
        public double[][] changeOfBasis() {
            return Matrices.copy(changeOfBasis);
        }

        @Override
        public Representation build(Group group) {
            List<IrreducibleRepresentation> irreps = new ArrayList<>(irrepIds.size());
            for (int[] id : irrepIds) {
                irreps.add(Representations.irrep(group, id));
            }
            return Representations.fromIrreps(group, name, irreps, changeOfBasis,
                    supported.isEmpty() ? EnumSet.noneOf(Nonlinearity.class) : EnumSet.copyOf(supported));
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof UserDefined other) || !name.equals(other.name) || !supported.equals(other.supported)
                    || irrepIds.size() != other.irrepIds.size() || !Arrays.deepEquals(changeOfBasis, other.changeOfBasis)) {
                return false;
            }
            for (int i = 0; i < irrepIds.size(); i++) {
                if (!Arrays.equals(irrepIds.get(i), other.irrepIds.get(i))) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public int hashCode() {
            int h = Objects.hash(name, supported, Arrays.deepHashCode(changeOfBasis));
            for (int[] id : irrepIds) {
                h = 31 * h + Arrays.hashCode(id);
            }
            return h;
        }

        @Override
        public String toString() {
            List<String> ids = new ArrayList<>(irrepIds.size());
            for (int[] id : irrepIds) {
                ids.add(Arrays.toString(id));
            }
            return "UserDefined[name=" + name + ", irrepIds=" + ids + ", changeOfBasis="
                    + Arrays.deepToString(changeOfBasis) + ", supported=" + supported + "]";
        }
    }

    /**
     * escnn's band-limited regular representation of G on the irreps with these ids ({@link
     * Representations#spectralRegular}); each id as a list ({@code [k]} or {@code [j, k]}).
     */
    record SpectralRegular(List<List<Integer>> irreps) implements RepresentationRecipe {

        public SpectralRegular {
            irreps = copyIds(irreps);
        }

        /** The recipe of {@code Representations.spectralRegular(group, ids)}. */
        static SpectralRegular of(List<int[]> ids) {
            return new SpectralRegular(asLists(ids));
        }

        /** The irrep ids as arrays (fresh copies). */
        public List<int[]> irrepIds() {
            return asArrays(irreps);
        }

        @Override
        public Representation build(Group group) {
            return Representations.spectralRegular(group, irrepIds());
        }
    }

    /**
     * escnn's band-limited quotient representation of G on G / H for the subgroup H with this id, on the irreps with
     * these ids ({@link Representations#spectralQuotient}).
     */
    record SpectralQuotient(SubgroupId subgroup, List<List<Integer>> irreps) implements RepresentationRecipe {

        public SpectralQuotient {
            Objects.requireNonNull(subgroup, "subgroup");
            irreps = copyIds(irreps);
        }

        /** The recipe of {@code Representations.spectralQuotient(group, id, ids)}. */
        static SpectralQuotient of(SubgroupId id, List<int[]> ids) {
            return new SpectralQuotient(id, asLists(ids));
        }

        /** The irrep ids as arrays (fresh copies). */
        public List<int[]> irrepIds() {
            return asArrays(irreps);
        }

        @Override
        public Representation build(Group group) {
            return Representations.spectralQuotient(group, subgroup, irrepIds());
        }
    }

    private static List<List<Integer>> copyIds(List<List<Integer>> ids) {
        List<List<Integer>> out = new ArrayList<>(ids.size());
        for (List<Integer> id : ids) {
            out.add(List.copyOf(id));
        }
        return List.copyOf(out);
    }

    private static List<List<Integer>> asLists(List<int[]> ids) {
        List<List<Integer>> out = new ArrayList<>(ids.size());
        for (int[] id : ids) {
            out.add(Arrays.stream(id).boxed().toList());
        }
        return out;
    }

    private static List<int[]> asArrays(List<List<Integer>> ids) {
        List<int[]> out = new ArrayList<>(ids.size());
        for (List<Integer> id : ids) {
            out.add(id.stream().mapToInt(Integer::intValue).toArray());
        }
        return out;
    }

    /**
     * Res_H^G rho: the representation {@code of} of the group {@code parent}, restricted to the subgroup H of
     * {@code parent} with the given id (h -> rho(h)).
     */
    record Restricted(Group parent, SubgroupId subgroup, RepresentationRecipe of) implements RepresentationRecipe {

        public Restricted {
            Objects.requireNonNull(parent, "parent");
            Objects.requireNonNull(subgroup, "subgroup");
            Objects.requireNonNull(of, "of");
        }

        /** @throws IllegalArgumentException if the subgroup of {@code parent} is not {@code group} */
        @Override
        public Representation build(Group group) {
            Representation r = Representations.restrict(of.build(parent), subgroup);
            if (!r.group().equals(group)) {
                throw new IllegalArgumentException("the restriction of " + r.name() + " to the subgroup " + subgroup
                        + " is a representation of " + r.group().name() + ", not of " + group.name());
            }
            return r;
        }
    }

    /** The tensor product {@code left (x) right}: g -> kron(left(g), right(g)) ({@link Representations#tensor}). */
    record Tensor(RepresentationRecipe left, RepresentationRecipe right) implements RepresentationRecipe {

        public Tensor {
            Objects.requireNonNull(left, "left factor");
            Objects.requireNonNull(right, "right factor");
        }

        @Override
        public Representation build(Group group) {
            return Representations.tensor(left.build(group), right.build(group));
        }
    }

    /** The direct sum rho_1 (+) ... (+) rho_m of the parts, named {@code name}. */
    record DirectSum(List<RepresentationRecipe> parts, String name) implements RepresentationRecipe {

        public DirectSum {
            parts = List.copyOf(parts);
            Objects.requireNonNull(name, "name");
        }

        @Override
        public Representation build(Group group) {
            List<Representation> built = new ArrayList<>(parts.size());
            for (RepresentationRecipe part : parts) {
                built.add(part.build(group));
            }
            return Representations.directSum(built, name);
        }
    }

    /**
     * B rho(g) B^-1 for the representation {@code of} and the invertible matrix B = {@code basis}, named
     * {@code name}, with the nonlinearities {@code supported}.
     */
    record ChangeOfBasis(RepresentationRecipe of, double[][] basis, String name, Set<Nonlinearity> supported)
            implements RepresentationRecipe {

        public ChangeOfBasis {
            Objects.requireNonNull(of, "of");
            basis = Matrices.copy(basis);
            Objects.requireNonNull(name, "name");
            supported = Set.copyOf(supported);
        }

        /** A fresh copy of B. */
        @Override
        public double[][] basis() {
            return Matrices.copy(basis);
        }

        @Override
        public Representation build(Group group) {
            return Representations.changeBasis(of.build(group), basis, name,
                    supported.isEmpty() ? EnumSet.noneOf(Nonlinearity.class) : EnumSet.copyOf(supported));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ChangeOfBasis other && of.equals(other.of) && Arrays.deepEquals(basis, other.basis)
                    && name.equals(other.name) && supported.equals(other.supported);
        }

        @Override
        public int hashCode() {
            return Objects.hash(of, Arrays.deepHashCode(basis), name, supported);
        }

        @Override
        public String toString() {
            return "ChangeOfBasis[of=" + of + ", basis=" + Arrays.deepToString(basis) + ", name=" + name
                    + ", supported=" + supported + "]";
        }
    }

    /** The {@code part}-th independent part rho_i of the disentangled representation {@code of} ({@link Disentanglement}). */
    record Disentangled(int part, RepresentationRecipe of) implements RepresentationRecipe {

        public Disentangled {
            if (part < 0) {
                throw new IllegalArgumentException("a disentangled part has an index >= 0, not " + part);
            }
            Objects.requireNonNull(of, "of");
        }

        /** @throws IllegalArgumentException if {@code of} has fewer parts */
        @Override
        public Representation build(Group group) {
            Representation rho = of.build(group);
            List<Representation> parts = Representations.disentangle(rho).parts();
            if (part >= parts.size()) {
                throw new IllegalArgumentException(rho.name() + " of " + group.name() + " disentangles into "
                        + parts.size() + " parts, so part " + part + " does not exist");
            }
            return parts.get(part);
        }
    }

    /**
     * The output representation B (|rho| (+) rho) B^T of a concatenated nonlinearity on fields of the
     * signed-permutation representation {@code of} ({@link Representations#concatenated}).
     */
    record Concatenated(RepresentationRecipe of) implements RepresentationRecipe {

        public Concatenated {
            Objects.requireNonNull(of, "of");
        }

        @Override
        public Representation build(Group group) {
            return Representations.concatenated(of.build(group));
        }
    }
}
