package org.e2dl4j.math.repr;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A representation split by a permutation of its axes into the finest direct sum of independent parts
 * (e2cnn's {@code disentangle}): P rho(g) P^T = rho_0(g) (+) rho_1(g) (+) ... for every g, where P is a
 * permutation matrix. Two axes (and two irreps of the decomposition) fall into the same part when they are
 * linked through a non-zero entry of rho's change of basis Q. Parts are named {@code <name>_<i>}, ordered by
 * their first irrep, and keep rho's nonlinearities. Immutable.
 */
public final class Disentanglement {

    /** Entries of Q at most this large in magnitude count as zero (numpy's isclose default). */
    private static final double ZERO = 1e-8;

    private final double[][] permutation;
    private final List<Representation> parts;

    private Disentanglement(double[][] permutation, List<Representation> parts) {
        this.permutation = permutation;
        this.parts = Collections.unmodifiableList(parts);
    }

    /** The permutation matrix P with P rho(g) P^T equal to the direct sum of {@link #parts()}. A fresh copy. */
    public double[][] changeOfBasis() {
        return Matrices.copy(permutation);
    }

    /** The independent parts, in order. */
    public List<Representation> parts() {
        return parts;
    }

    static Disentanglement of(Representation rho) {
        List<IrreducibleRepresentation> irreps = rho.irreps();
        double[][] q = rho.changeOfBasis();
        int n = rho.size();
        int count = irreps.size();
        int[] start = new int[count + 1];
        for (int i = 0; i < count; i++) {
            start[i + 1] = start[i] + irreps.get(i).size();
        }
        // bipartite graph: irrep i -- axis r when Q[r][c] != 0 for a column c of irrep i
        boolean[][] linked = new boolean[count][n];
        for (int i = 0; i < count; i++) {
            for (int r = 0; r < n; r++) {
                for (int c = start[i]; c < start[i + 1] && !linked[i][r]; c++) {
                    linked[i][r] = Math.abs(q[r][c]) > ZERO;
                }
            }
        }
        int[] irrepPart = new int[count];
        int[] axisPart = new int[n];
        Arrays.fill(irrepPart, -1);
        Arrays.fill(axisPart, -1);
        int partCount = 0;
        for (int seed = 0; seed < count; seed++) {
            if (irrepPart[seed] >= 0) {
                continue;
            }
            Deque<Integer> queue = new ArrayDeque<>();
            irrepPart[seed] = partCount;
            queue.add(seed);
            while (!queue.isEmpty()) {
                int i = queue.poll();
                for (int r = 0; r < n; r++) {
                    if (linked[i][r] && axisPart[r] < 0) {
                        axisPart[r] = partCount;
                        for (int other = 0; other < count; other++) {
                            if (linked[other][r] && irrepPart[other] < 0) {
                                irrepPart[other] = partCount;
                                queue.add(other);
                            }
                        }
                    }
                }
            }
            partCount++;
        }
        double[][] permutation = new double[n][n];
        List<Representation> parts = new ArrayList<>(partCount);
        int position = 0;
        for (int part = 0; part < partCount; part++) {
            List<IrreducibleRepresentation> partIrreps = new ArrayList<>();
            List<Integer> columns = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                if (irrepPart[i] == part) {
                    partIrreps.add(irreps.get(i));
                    for (int c = start[i]; c < start[i + 1]; c++) {
                        columns.add(c);
                    }
                }
            }
            List<Integer> rows = new ArrayList<>();
            for (int r = 0; r < n; r++) {
                if (axisPart[r] == part) {
                    rows.add(r);
                }
            }
            if (rows.size() != columns.size()) {
                throw new IllegalStateException("part " + part + " of " + rho.name() + " links " + rows.size()
                        + " axes to irreps of total size " + columns.size() + ": its change of basis is singular");
            }
            double[][] sub = new double[rows.size()][rows.size()];
            for (int a = 0; a < rows.size(); a++) {
                for (int b = 0; b < columns.size(); b++) {
                    sub[a][b] = q[rows.get(a)][columns.get(b)];
                }
                permutation[position + a][rows.get(a)] = 1;
            }
            position += rows.size();
            parts.add(part(rho, part, partIrreps, sub));
        }
        return new Disentanglement(permutation, parts);
    }

    /**
     * Part {@code index} with rho's nonlinearities; the induced ones only where the part still consists of
     * whole sub-fields.
     */
    private static Representation part(Representation rho, int index, List<IrreducibleRepresentation> irreps,
                                       double[][] q) {
        Set<Nonlinearity> supported = EnumSet.noneOf(Nonlinearity.class);
        supported.addAll(rho.supportedNonlinearities());
        int subfield = rho.inducedSubfieldSize().orElse(0);
        if (subfield > 0 && q.length % subfield != 0) {
            supported.remove(Nonlinearity.INDUCED_NORM);
            supported.remove(Nonlinearity.INDUCED_GATED);
            subfield = 0;
        }
        return new Representation(rho.group(), rho.name() + "_" + index, irreps, q, null, supported, subfield,
                new RepresentationRecipe.Disentangled(index, rho.recipe()));
    }
}
