package org.e2dl4j.math.repr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.e2dl4j.math.SizeLimits;
import org.e2dl4j.math.group.Group;
import org.e2dl4j.math.group.GroupElement;
import org.e2dl4j.math.group.GroupKind;
import org.e2dl4j.math.group.Subgroup;
import org.e2dl4j.math.group.SubgroupId;

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
        checkDenseSize(group.order(), "the regular representation of " + group.name());
        return cached(group, "regular", () -> buildRegular(group));
    }

    /**
     * Refuses a representation of {@code size} channels whose dense change of basis (size x size, held with its
     * inverse) exceeds {@link SizeLimits#DENSE_MATRIX_ENTRIES}, before anything of it is built.
     *
     * @param what the representation, e.g. "the regular representation of C100000"
     */
    static void checkDenseSize(long size, String what) {
        SizeLimits.checkDoubles(SizeLimits.product(size, size), SizeLimits.DENSE_MATRIX_ENTRIES,
                what + " has " + size + " channels: its " + size + " x " + size + " change of basis");
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
        return new Representation(group, "regular", irreps, q, Matrices.transpose(q), supported,
                new RepresentationRecipe.Regular());
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
        long channels = 0;
        for (Representation r : reprs) {
            channels += r.size();
        }
        checkDenseSize(channels, "the direct sum of " + reprs.size() + " representations");
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
        int subfield = commonSubfieldSize(reprs, supported);
        String sumName = name == null ? defaultName.toString() : name;
        List<RepresentationRecipe> recipes = new ArrayList<>(reprs.size());
        for (Representation r : reprs) {
            recipes.add(r.recipe());
        }
        return new Representation(group, sumName, irreps, q, qi, supported, subfield,
                new RepresentationRecipe.DirectSum(recipes, sumName));
    }

    /**
     * The sub-field size shared by all parts of a direct sum; where the parts disagree, the induced norm and
     * gated nonlinearities are dropped from {@code supported} (as e2cnn's {@code induced_norm_d} strings of
     * different d do not intersect).
     */
    private static int commonSubfieldSize(List<? extends Representation> reprs, Set<Nonlinearity> supported) {
        if (!supported.contains(Nonlinearity.INDUCED_NORM) && !supported.contains(Nonlinearity.INDUCED_GATED)) {
            return 0;
        }
        int size = reprs.get(0).inducedSubfieldSize().orElse(0);
        for (Representation r : reprs) {
            if (r.inducedSubfieldSize().orElse(0) != size) {
                supported.remove(Nonlinearity.INDUCED_NORM);
                supported.remove(Nonlinearity.INDUCED_GATED);
                return 0;
            }
        }
        return size;
    }

    /**
     * The representation B rho(g) B^-1 for an invertible B (e2cnn's {@code change_basis}); its change of
     * basis is B Q.
     *
     * @param supported the nonlinearities the new representation supports (none by default in e2cnn); the
     *                  induced ones only if {@code repr} supports them (its sub-field size is kept)
     */
    public static Representation changeBasis(Representation repr, double[][] basis, String name,
                                             Set<Nonlinearity> supported) {
        Matrices.checkSquare(basis, repr.size(), "change of basis for " + repr.name());
        return changeBasis(repr, basis, name, supported,
                new RepresentationRecipe.ChangeOfBasis(repr.recipe(), basis, name, supported));
    }

    /** {@link #changeBasis(Representation, double[][], String, Set)} for a representation built as {@code recipe}. */
    static Representation changeBasis(Representation repr, double[][] basis, String name,
                                      Set<Nonlinearity> supported, RepresentationRecipe recipe) {
        boolean induced = supported.contains(Nonlinearity.INDUCED_NORM) || supported.contains(Nonlinearity.INDUCED_GATED);
        if (induced && repr.inducedSubfieldSize().isEmpty()) {
            throw new IllegalArgumentException("the induced norm / gated nonlinearities need a representation with "
                    + "sub-fields (an induced one); " + repr.name() + " of " + repr.group().name() + " has none");
        }
        double[][] q = Matrices.multiply(basis, repr.changeOfBasis());
        double[][] qi = Matrices.multiply(repr.changeOfBasisInv(), Matrices.inverse(basis));
        return new Representation(repr.group(), name, repr.irreps(), q, qi,
                supported.isEmpty() ? EnumSet.noneOf(Nonlinearity.class) : EnumSet.copyOf(supported),
                induced ? repr.inducedSubfieldSize().getAsInt() : 0, recipe);
    }

    /**
     * The quotient representation of a finite group G by the subgroup H with the given id (e2cnn's
     * {@code quotient_representation}): G permutes the |G| / |H| cosets gH, rho(g') e_(gH) = e_(g'gH). It is
     * the representation induced from H's trivial irrep, named {@code quotient[<id>]} ({@code quotient[2]},
     * {@code quotient[(None, 4)]}, {@code quotient[(0, 1)]}), with e2cnn's change of basis and nonlinearities.
     * Of the continuous groups, only O(2) by SO(2) ({@code quotient[(None, -1)]}: rotations act as the identity,
     * reflections swap the two cosets) has one.
     *
     * @throws IllegalArgumentException if G is continuous (other than O(2) by SO(2)) or the id names no subgroup of G
     */
    public static Representation quotient(Group group, SubgroupId id) {
        return cached(group, "quotient[" + id + "]", () -> {
            Subgroup sub = group.subgroup(id);
            IrreducibleRepresentation trivial = trivial(sub.group());
            return Induction.build(sub, trivial, "quotient[" + id + "]", inducedNonlinearities(trivial),
                    trivial.size(), new RepresentationRecipe.Quotient(id));
        });
    }

    /**
     * The representation of a finite group G induced from the irrep {@code psi} of its subgroup H (e2cnn's
     * {@code induced_representation}), of size |G| / |H| * size(psi), named {@code induced[<id>][<psi>]}. On each
     * of its |G| / |H| blocks (one per coset gH) G acts through psi. O(2) induced from SO(2), id (None, -1), is
     * the one continuous case (two blocks; e2cnn's {@code O2._induced_from_irrep}).
     *
     * @throws IllegalArgumentException if G is continuous (other than O(2) from SO(2)), the id names no subgroup of G, or psi is not an
     *                                  irrep of that subgroup
     */
    public static Representation induced(Group group, SubgroupId id, IrreducibleRepresentation psi) {
        String name = "induced[" + id + "][" + psi.name() + "]";
        return cached(group, name, () -> Induction.build(group.subgroup(id), psi, name,
                inducedNonlinearities(psi), psi.size(), new RepresentationRecipe.Induced(id, psi.id())));
    }

    /**
     * The nonlinearities an induced representation supports (e2cnn's {@code _induced_nonlinearities}): pointwise
     * and concatenated if psi supports them; gated and norm together with their per-sub-field induced
     * variants; the induced gate if psi is a gate.
     */
    private static Set<Nonlinearity> inducedNonlinearities(Representation psi) {
        Set<Nonlinearity> from = psi.supportedNonlinearities();
        Set<Nonlinearity> out = EnumSet.noneOf(Nonlinearity.class);
        if (from.contains(Nonlinearity.POINTWISE)) {
            out.add(Nonlinearity.POINTWISE);
        }
        if (from.contains(Nonlinearity.CONCATENATED)) {
            out.add(Nonlinearity.CONCATENATED);
        }
        if (from.contains(Nonlinearity.GATED)) {
            out.add(Nonlinearity.GATED);
            out.add(Nonlinearity.INDUCED_GATED);
        }
        if (from.contains(Nonlinearity.NORM)) {
            out.add(Nonlinearity.NORM);
            out.add(Nonlinearity.INDUCED_NORM);
        }
        if (from.contains(Nonlinearity.GATE) || from.contains(Nonlinearity.INDUCED_GATE)) {
            out.add(Nonlinearity.INDUCED_GATE);
        }
        return out;
    }

    /**
     * The restriction of rho to the subgroup H with the given id (e2cnn's {@code restrict_representation}):
     * h -> rho(h) for h in H. Each irrep of rho is decomposed into irreps of H, so the change of basis is rho's
     * times the irreps' restriction bases. Named {@code <G>:<rho>} as in e2cnn (e.g. {@code D4:regular}); keeps
     * rho's nonlinearities, plus pointwise if the result is trivial.
     *
     * @throws IllegalArgumentException if the id names no subgroup of rho's group
     */
    public static Representation restrict(Representation rho, SubgroupId id) {
        Group group = rho.group();
        Subgroup sub = group.subgroup(id);
        int n = rho.size();
        double[][] blocks = new double[n][n];
        double[][] blocksT = new double[n][n];
        List<IrreducibleRepresentation> irreps = new ArrayList<>();
        int p = 0;
        for (IrreducibleRepresentation irr : rho.irreps()) {
            IrrepRestriction r = IrrepRestriction.of(irr, sub);
            double[][] q = r.changeOfBasis();
            for (int i = 0; i < q.length; i++) {
                for (int j = 0; j < q.length; j++) {
                    blocks[p + i][p + j] = q[i][j];
                    blocksT[p + j][p + i] = q[i][j];
                }
            }
            irreps.addAll(r.irreps());
            p += q.length;
        }
        double[][] q = Matrices.multiply(rho.changeOfBasis(), blocks);
        double[][] qi = Matrices.multiply(blocksT, rho.changeOfBasisInv());
        Set<Nonlinearity> supported = EnumSet.noneOf(Nonlinearity.class);
        supported.addAll(rho.supportedNonlinearities());
        if (n == 1 && irreps.get(0).isTrivial() && Matrices.isIdentity(q, 1e-8)) {
            supported.add(Nonlinearity.POINTWISE);
        }
        return new Representation(sub.group(), group.name() + ":" + rho.name(), irreps, q, qi, supported,
                rho.inducedSubfieldSize().orElse(0), new RepresentationRecipe.Restricted(group, id, rho.recipe()));
    }

    /**
     * A representation given by its decomposition, as e2cnn's {@code Representation(group, name, irreps,
     * change_of_basis, supported_nonlinearities)}: rho(g) = Q (psi_1(g) (+) ... (+) psi_m(g)) Q^-1. Its recipe
     * ({@link RepresentationRecipe.UserDefined}) stores these data, so field types of it are written to JSON. Not
     * cached: each call builds a new, equal representation (e2cnn refuses a second one of the same name instead).
     *
     * @param irreps        the irreps psi_i of {@code group}, in order
     * @param changeOfBasis Q, invertible, of the irreps' total size
     * @param supported     the nonlinearities claimed; each is checked on the matrices rho(g) (pointwise: permutation
     *                      matrices, concatenated: signed permutations, norm and gated: orthogonal, gate: identity);
     *                      the vectorfield and induced ones are refused (they need the regular / induced layouts)
     * @throws IllegalArgumentException naming the representation and what was expected, for a blank name, no or
     *                                  foreign irreps, a Q of the wrong size, not finite or singular, or a claim
     *                                  rho(g) does not allow
     */
    public static Representation fromIrreps(Group group, String name, List<IrreducibleRepresentation> irreps,
                                            double[][] changeOfBasis, Set<Nonlinearity> supported) {
        return UserRepresentation.build(group, name, irreps, changeOfBasis, supported);
    }

    /**
     * The representation g -> {@code matrices.get(g)} of a finite group, decomposed numerically into irreps
     * (e2cnn's {@code build_from_discrete_group_representation}): irreps ordered by name as in e2cnn, each with
     * its multiplicity from the characters, and an orthogonal change of basis Q with rho(g) = Q (+)psi_i(g) Q^T
     * (see {@link DiscreteDecomposition}). The result is a {@link #fromIrreps} representation.
     *
     * @param matrices  one orthogonal n x n matrix per element of the group
     * @param supported the nonlinearities claimed, checked as in {@link #fromIrreps}
     * @throws IllegalArgumentException if the group is continuous, an element is missing or is not one of the
     *                                  group's, the matrices are not all n x n and finite, not orthogonal or not a
     *                                  homomorphism (tolerance {@value DiscreteDecomposition#TOLERANCE} per entry)
     */
    public static Representation fromDiscreteGroup(Group group, String name, Map<GroupElement, double[][]> matrices,
                                                   Set<Nonlinearity> supported) {
        String who = UserRepresentation.who(group, name);
        DiscreteDecomposition d = DiscreteDecomposition.of(group, matrices, who);
        Representation rho = fromIrreps(group, name, d.irreps(), d.changeOfBasis(), supported);
        for (GroupElement g : group.elements()) {
            double[][] rebuilt = rho.matrix(g);
            double[][] given = matrices.get(g);
            for (int i = 0; i < rebuilt.length; i++) {
                for (int j = 0; j < rebuilt.length; j++) {
                    if (Math.abs(rebuilt[i][j] - given[i][j]) > 10 * DiscreteDecomposition.TOLERANCE) {
                        throw new IllegalStateException(who + ": the decomposition does not rebuild rho(" + g + ")");
                    }
                }
            }
        }
        return rho;
    }

    /**
     * Splits rho by a permutation of its axes into the finest direct sum of independent parts (e2cnn's
     * {@code disentangle}); see {@link Disentanglement}.
     */
    public static Disentanglement disentangle(Representation rho) {
        return Disentanglement.of(rho);
    }

    /**
     * The output representation of e2cnn's {@code ConcatenatedNonLinearity} on fields of rho: for a finite group
     * and signed-permutation matrices rho(g), each entry 1 of rho(g) becomes the 2x2 identity and each -1 the 2x2
     * swap, which is B (|rho| (+) rho) B^T with B orthogonal (|rho| is rho for a permutation representation, the
     * trivial irrep for a one-dimensional one); named {@code concatenated_<rho>}, with the recipe
     * {@link RepresentationRecipe.Concatenated} of rho's.
     *
     * @throws IllegalArgumentException if rho's group is continuous, rho(g) is not a signed permutation for some g,
     *                                  or rho is neither a permutation representation nor one-dimensional
     */
    public static Representation concatenated(Representation rho) {
        return Concatenation.of(rho);
    }

    /**
     * The tensor product rho1 (x) rho2 (escnn's {@code rho1.tensor(rho2)}): g -> kron(rho1(g), rho2(g)), decomposed
     * into irreps with an orthogonal change of basis ({@link TensorProduct}), named {@code <rho1> X <rho2>}, with the
     * recipe {@link RepresentationRecipe.Tensor}; it supports the norm and gated nonlinearities, and the pointwise and
     * gate ones when both factors do (escnn's rule).
     *
     * @throws IllegalArgumentException if the two are of different groups, the product passes the dense size limit,
     *                                  or (SO(2), O(2)) it contains a frequency above the group's maximum frequency
     */
    public static Representation tensor(Representation rho1, Representation rho2) {
        return TensorProduct.of(rho1, rho2);
    }

    /**
     * escnn's {@code spectral_regular_representation(*irreps)}: the subspace of the regular representation of G
     * (finite or not) spanned by the given irreps, in the spectral basis: each irrep psi appears d / s times (d its
     * size, s its {@link IrreducibleRepresentation#sumOfSquaresConstituents()}), with the identity change of basis.
     * Its vectors are the Fourier coefficients of functions on G ({@link FourierTransform}). Named as escnn names it,
     * e.g. {@code regular_[(0,)|(1,)|(2,)]}; supports the norm and gated nonlinearities.
     *
     * @param irreps escnn's irrep ids, each once, in the order of the decomposition (see {@link #bandLimitedIrreps})
     * @throws IllegalArgumentException if the list is empty, repeats an id or names an irrep the group lacks
     */
    public static Representation spectralRegular(Group group, List<int[]> irreps) {
        RepresentationRecipe recipe = RepresentationRecipe.SpectralRegular.of(irreps);
        return cached(group, SpectralBasis.name(null, irreps),
                () -> SpectralBasis.build(group, null, irreps, recipe));
    }

    /**
     * escnn's {@code spectral_quotient_representation(subgroup_id, *irreps)}: the band-limited functions on G / H
     * for the subgroup H with the given id, in the spectral basis: each irrep psi appears once per H-invariant
     * vector escnn picks in it (the trivial irreps of psi restricted to H; one of each pair for a complex psi), so an
     * irrep without one drops out, e.g. O(2) / SO(2) keeps only irrep_0,0 and irrep_1,0. Named as escnn names it,
     * e.g. {@code quotient[(None, -1)]_[(0, 0)|(1, 0)|(1, 1)]} (every given id, also those that dropped out).
     *
     * @throws IllegalArgumentException as {@link #spectralRegular}, if the id names no subgroup of G, or if no
     *                                  irrep is left (escnn's empty space)
     */
    public static Representation spectralQuotient(Group group, SubgroupId id, List<int[]> irreps) {
        RepresentationRecipe recipe = RepresentationRecipe.SpectralQuotient.of(id, irreps);
        return cached(group, SpectralBasis.name(id, irreps), () -> SpectralBasis.build(group, id, irreps, recipe));
    }

    /**
     * escnn's {@code bl_irreps(L)}: the ids of the irreps of rotation frequency at most L, in the group's order.
     * C_N: (0) .. (L); SO(2): (0) .. (L); D_N: (0,0), (1,0) .. (1,L), and (0,N/2) when L = N/2 for even N;
     * O(2): (0,0), (1,0) .. (1,L); SO(3) and the icosahedral group: (0) .. (L); O(3): (0,0), (1,0), (0,1), (1,1) ..
     * (0,L), (1,L).
     *
     * @throws IllegalArgumentException if L is negative, above N/2 for C_N / D_N, above the maximum frequency of
     *                                  SO(2) / O(2) / SO(3) / O(3) or 4 for the icosahedral group, or the group is
     *                                  the octahedral group or a full version (escnn has no band limit for them)
     */
    public static List<int[]> bandLimitedIrreps(Group group, int maximumFrequency) {
        if (SpatialRestriction.isSpatial(group)) {
            return spatialBandLimitedIrreps(group, maximumFrequency);
        }
        if (maximumFrequency < 0 || maximumFrequency > group.maximumFrequency()) {
            throw new IllegalArgumentException("the band limit of " + group.name() + " must be between 0 and "
                    + group.maximumFrequency() + (group.isFinite() ? "" : " (the group's maximum frequency)")
                    + ", got " + maximumFrequency);
        }
        List<int[]> ids = new ArrayList<>();
        if (!group.hasReflections()) {
            for (int k = 0; k <= maximumFrequency; k++) {
                ids.add(new int[] {k});
            }
            return ids;
        }
        ids.add(new int[] {0, 0});
        for (int k = 0; k <= maximumFrequency; k++) {
            ids.add(new int[] {1, k});
        }
        if (group.isFinite() && group.rotationOrder() % 2 == 0 && maximumFrequency == group.rotationOrder() / 2) {
            ids.add(new int[] {0, maximumFrequency});
        }
        return ids;
    }

    private static List<int[]> spatialBandLimitedIrreps(Group group, int maximumFrequency) {
        GroupKind kind = group.kind();
        if (kind != GroupKind.SO3 && kind != GroupKind.O3 && kind != GroupKind.ICOSAHEDRAL) {
            throw new IllegalArgumentException(group.name() + " has no band-limited irreps (escnn's bl_irreps exists for"
                    + " SO(3), O(3) and the icosahedral group only)");
        }
        if (maximumFrequency < 0 || maximumFrequency > group.maximumFrequency()) {
            throw new IllegalArgumentException("the band limit of " + group.name() + " must be between 0 and "
                    + group.maximumFrequency() + ", got " + maximumFrequency);
        }
        List<int[]> ids = new ArrayList<>();
        for (int l = 0; l <= maximumFrequency; l++) {
            if (kind == GroupKind.O3) {
                ids.add(new int[] {0, l});
                ids.add(new int[] {1, l});
            } else {
                ids.add(new int[] {l});
            }
        }
        return ids;
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
