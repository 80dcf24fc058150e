package org.e2dl4j.math.repr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.e2dl4j.math.group.Group;
import org.e2dl4j.math.group.GroupElement;
import org.e2dl4j.math.group.Subgroup;
import org.e2dl4j.math.group.SubgroupId;

/**
 * The sampled Fourier transform between a band-limited representation and a grid on the group, as escnn's
 * {@code FourierPointwise} and {@code QuotientFourierPointwise} build it: the inverse transform A (one row per grid
 * point g, {@code A[g] = (rho(g) v)^T} for the concatenated Fourier basis vector v of {@link SpectralBasis},
 * divided by |v| when normalized) takes coefficients to samples {@code f(g)}, and the transform
 * {@code A+ = (A'^T A' + 1e-8 I)^-1 A'^T} (the regularized least-squares pseudo-inverse of the output's A') takes
 * samples back to coefficients. When the output is band-limited to other irreps, A' is built on the output's irreps
 * followed by the input's missing ones and A+ keeps the output's rows, as escnn does.
 *
 * <p>On a grid invariant under an element g (C_N / D_N / SO(2) / O(2) regular grids and the rotations by multiples
 * of 2 pi / N; SO(3)'s cube / ico grids and the cube's / icosahedron's rotations, with the inversion on O(3); the
 * sphere grids and the rotations permuting their points), rho(g) permutes A's rows, so {@code A+ s(A x)} commutes with g for any pointwise s; elsewhere it
 * does only approximately. Instances are immutable and cached: {@link #of} returns the same instance for the same
 * arguments.
 */
public final class FourierTransform {

    private static final double REGULARIZATION = 1e-8;

    private static final Map<Key, FourierTransform> CACHE = new ConcurrentHashMap<>();

    private record Key(Group group, RepresentationRecipe in, RepresentationRecipe out, List<GroupElement> grid,
                       boolean normalize) {
    }

    private final Representation in;
    private final Representation out;
    private final List<GroupElement> grid;
    private final double[][] sampling;
    private final double[][] projection;

    private FourierTransform(Representation in, Representation out, List<GroupElement> grid, double[][] sampling,
                             double[][] projection) {
        this.in = in;
        this.out = out;
        this.grid = grid;
        this.sampling = sampling;
        this.projection = projection;
    }

    /**
     * The transform between {@code in} and {@code out} on the grid.
     *
     * @param in        a band-limited representation ({@link Representations#spectralRegular} or
     *                  {@link Representations#spectralQuotient})
     * @param out       the output's, of the same group and kind (the same subgroup for quotients); {@code in} for
     *                  escnn's default
     * @param grid      the sample points, elements of the group (e.g. {@code GroupGrid.elements(group)})
     * @param normalize escnn's {@code normalize}: divide the basis vector by its norm
     * @throws IllegalArgumentException if a representation is not band-limited, the two differ in group or kind, the
     *                                  grid is empty or holds an element of another group
     */
    public static FourierTransform of(Representation in, Representation out, List<GroupElement> grid,
                                      boolean normalize) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(out, "out");
        Group group = in.group();
        SubgroupId subgroup = subgroupOf(in);
        if (!out.group().equals(group) || !Objects.equals(subgroupOf(out), subgroup)) {
            throw new IllegalArgumentException("the Fourier transform needs input and output representations of the"
                    + " same kind: " + in.name() + " of " + group.name() + " and " + out.name() + " of "
                    + out.group().name());
        }
        if (grid.isEmpty()) {
            throw new IllegalArgumentException("the Fourier transform of " + in.name() + " needs a non-empty grid");
        }
        for (GroupElement g : grid) {
            group.checkElement(g);
        }
        List<GroupElement> points = List.copyOf(grid);
        return CACHE.computeIfAbsent(new Key(group, in.recipe(), out.recipe(), points, normalize),
                k -> build(in, out, points, subgroup, normalize));
    }

    /** The subgroup of a quotient, null for a regular one; refuses other representations. */
    private static SubgroupId subgroupOf(Representation rho) {
        if (rho.recipe() instanceof RepresentationRecipe.SpectralQuotient q) {
            return q.subgroup();
        }
        if (rho.recipe() instanceof RepresentationRecipe.SpectralRegular) {
            return null;
        }
        throw new IllegalArgumentException(rho.name() + " of " + rho.group().name() + " is not a band-limited"
                + " regular or quotient representation (Representations.spectralRegular / spectralQuotient), so it"
                + " has no Fourier transform");
    }

    private static List<int[]> ids(Representation rho) {
        return rho.recipe() instanceof RepresentationRecipe.SpectralQuotient q ? q.irrepIds()
                : ((RepresentationRecipe.SpectralRegular) rho.recipe()).irrepIds();
    }

    private static FourierTransform build(Representation in, Representation out, List<GroupElement> grid,
                                          SubgroupId subgroup, boolean normalize) {
        Group group = in.group();
        Subgroup sub = subgroup == null ? null : group.subgroup(subgroup);
        double[][] a = sampling(group, sub, ids(in), grid, normalize);
        double[][] aOut = a;
        if (!out.recipe().equals(in.recipe())) {
            List<int[]> extended = new ArrayList<>(ids(out));
            Set<List<Integer>> present = new HashSet<>();
            for (int[] id : extended) {
                present.add(Arrays.stream(id).boxed().toList());
            }
            for (int[] id : ids(in)) {
                if (!present.contains(Arrays.stream(id).boxed().toList())) {
                    extended.add(id);
                }
            }
            aOut = sampling(group, sub, extended, grid, normalize);
        }
        double[][] projection = pseudoInverse(aOut, out.size());
        return new FourierTransform(in, out, grid, a, projection);
    }

    /** A[g][:] = psi(g) v per copy of each irrep, divided by the norm of the whole v when normalized. */
    private static double[][] sampling(Group group, Subgroup sub, List<int[]> ids, List<GroupElement> grid,
                                       boolean normalize) {
        List<IrreducibleRepresentation> irreps = SpectralBasis.irreps(group, ids);
        List<List<double[]>> vectors = new ArrayList<>(irreps.size());
        int size = 0;
        double squaredNorm = 0;
        for (IrreducibleRepresentation irr : irreps) {
            List<double[]> v = SpectralBasis.vectors(irr, sub);
            vectors.add(v);
            for (double[] vj : v) {
                size += vj.length;
                for (double x : vj) {
                    squaredNorm += x * x;
                }
            }
        }
        double scale = normalize ? 1 / Math.sqrt(squaredNorm) : 1;
        double[][] a = new double[grid.size()][size];
        for (int row = 0; row < grid.size(); row++) {
            int p = 0;
            for (int i = 0; i < irreps.size(); i++) {
                double[][] m = irreps.get(i).matrix(grid.get(row));
                for (double[] v : vectors.get(i)) {
                    for (int r = 0; r < m.length; r++) {
                        double s = 0;
                        for (int c = 0; c < m.length; c++) {
                            s += m[r][c] * v[c];
                        }
                        a[row][p + r] = s * scale;
                    }
                    p += m.length;
                }
            }
        }
        return a;
    }

    /** The first {@code rows} rows of (A^T A + 1e-8 I)^-1 A^T. */
    private static double[][] pseudoInverse(double[][] a, int rows) {
        double[][] at = Matrices.transpose(a);
        double[][] gram = Matrices.multiply(at, a);
        for (int i = 0; i < gram.length; i++) {
            gram[i][i] += REGULARIZATION;
        }
        double[][] full = Matrices.multiply(Matrices.inverse(gram), at);
        double[][] out = new double[rows][];
        for (int i = 0; i < rows; i++) {
            out[i] = full[i].clone();
        }
        return out;
    }

    /** The input representation (of the coefficients A acts on). */
    public Representation in() {
        return in;
    }

    /** The output representation (of the coefficients A+ returns). */
    public Representation out() {
        return out;
    }

    /** The grid's points, in order (the rows of A). */
    public List<GroupElement> grid() {
        return grid;
    }

    /** A, the inverse transform: |grid| x in().size(), {@code f(g_i) = sum_j A[i][j] x_j}. A fresh copy. */
    public double[][] sampling() {
        return Matrices.copy(sampling);
    }

    /** A+, the transform: out().size() x |grid|, coefficients from samples. A fresh copy. */
    public double[][] projection() {
        return Matrices.copy(projection);
    }
}
