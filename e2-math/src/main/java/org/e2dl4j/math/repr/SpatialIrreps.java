package org.e2dl4j.math.repr;

import static org.e2dl4j.math.repr.Nonlinearity.CONCATENATED;
import static org.e2dl4j.math.repr.Nonlinearity.GATE;
import static org.e2dl4j.math.repr.Nonlinearity.GATED;
import static org.e2dl4j.math.repr.Nonlinearity.NORM;
import static org.e2dl4j.math.repr.Nonlinearity.POINTWISE;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.e2dl4j.math.group.CylinderGroup;
import org.e2dl4j.math.group.Group;
import org.e2dl4j.math.group.GroupElement;
import org.e2dl4j.math.group.GroupKind;
import org.e2dl4j.math.group.PolyhedralGroup;

/**
 * The irreps of the 3D groups with escnn's names, ids, order and matrices.
 * <ul>
 *   <li>SO(3): {@code irrep_l} (id {l}), l = 0..L, the Wigner D matrices D_l ({@link WignerD});</li>
 *   <li>O(3): {@code irrep_j,l} (id {j, l}), j = 0, 1 (all l of j = 0 first), (inversion, R) -> (-1)^(j inversion)
 *       D_l(R);</li>
 *   <li>octahedral: {@code irrep_0}, {@code irrep_1} (D_1), {@code irrep_-1}, {@code irrep_2}, {@code irrep_3};
 *       icosahedral: {@code irrep_0}, {@code irrep_1} (D_1), {@code irrep_2} (D_2), {@code irrep_3}, {@code irrep_4}.
 *       The others are escnn's: fixed matrices on a few elements (escnn's, from arXiv:1110.6376 for the octahedral
 *       group), extended to the whole group by products;</li>
 *   <li>full versions P x C_2: escnn's direct-product irreps {@code irrep_[(j,),(l,)](0)} (id {j, l}),
 *       (-1)^(j inversion) psi_l(R), in escnn's order (all of j = 0 first);</li>
 *   <li>cylinder groups C_2 x P: {@code irrep_[(j,),(k,)](0)} (id {j, k}) or {@code irrep_[(j,),(f, k)](0)}
 *       (id {j, f, k}), (-1)^(j inversion) psi(h) for P's irrep psi.</li>
 * </ul>
 */
final class SpatialIrreps {

    private static final Set<Nonlinearity> TRIVIAL_FINITE = EnumSet.of(POINTWISE, NORM, GATED, GATE, CONCATENATED);
    private static final Set<Nonlinearity> TRIVIAL_CONTINUOUS = EnumSet.of(POINTWISE, NORM, GATED, GATE);
    private static final Set<Nonlinearity> SIGN_FINITE = EnumSet.of(NORM, GATED, CONCATENATED);
    private static final Set<Nonlinearity> ORTHOGONAL = EnumSet.of(NORM, GATED);

    private static final double SQRT3 = Math.sqrt(3);
    private static final double SQRT5 = Math.sqrt(5);

    private SpatialIrreps() {
    }

    static List<IrreducibleRepresentation> build(Group g) {
        List<IrreducibleRepresentation> list = new ArrayList<>();
        switch (g.kind()) {
            case SO3:
                for (int l = 0; l <= g.maximumFrequency(); l++) {
                    int degree = l;
                    list.add(irrep(g, "irrep_" + l, new int[] {l}, 2 * l + 1, l, 0,
                            e -> WignerD.matrix(degree, e.rotation())));
                }
                break;
            case O3:
                for (int j = 0; j < 2; j++) {
                    for (int l = 0; l <= g.maximumFrequency(); l++) {
                        int degree = l;
                        int parity = j;
                        list.add(irrep(g, "irrep_" + j + "," + l, new int[] {j, l}, 2 * l + 1, l, j,
                                e -> signed(WignerD.matrix(degree, e.rotation()), parity * e.flip())));
                    }
                }
                break;
            case OCTAHEDRAL:
            case FULL_OCTAHEDRAL:
            case ICOSAHEDRAL:
            case FULL_ICOSAHEDRAL:
                polyhedral((PolyhedralGroup) g, list);
                break;
            case CYLINDRICAL:
            case CYLINDRICAL_DISCRETE:
            case FULL_CYLINDRICAL:
            case FULL_CYLINDRICAL_DISCRETE:
                cylinder((CylinderGroup) g, list);
                break;
            default:
                throw new IllegalStateException("not a 3D group: " + g);
        }
        return Collections.unmodifiableList(list);
    }

    private static void polyhedral(PolyhedralGroup g, List<IrreducibleRepresentation> list) {
        boolean octa = g.kind() == GroupKind.OCTAHEDRAL || g.kind() == GroupKind.FULL_OCTAHEDRAL;
        int[] ids = octa ? new int[] {0, 1, -1, 2, 3} : new int[] {0, 1, 2, 3, 4};
        List<double[][][]> tables = new ArrayList<>();
        for (int l : ids) {
            tables.add(octa ? octahedral(g, l) : icosahedral(g, l));
        }
        for (int j = 0; j < (g.isFull() ? 2 : 1); j++) {
            for (int i = 0; i < ids.length; i++) {
                int l = ids[i];
                double[][][] table = tables.get(i);
                int parity = j;
                String name = g.isFull() ? "irrep_[(" + j + ",),(" + l + ",)](0)" : "irrep_" + l;
                int[] id = g.isFull() ? new int[] {j, l} : new int[] {l};
                list.add(irrep(g, name, id, table[0].length, l, j,
                        e -> signed(table[e.spatialIndex()], parity * e.flip())));
            }
        }
    }

    /** escnn's direct-product irreps of C_2 x P: (-1)^(j inversion) psi(h), j-major, P's irreps in P's order. */
    private static void cylinder(CylinderGroup g, List<IrreducibleRepresentation> list) {
        for (int j = 0; j < 2; j++) {
            for (IrreducibleRepresentation psi : Representations.irreps(g.planar())) {
                int[] planarId = psi.id();
                int[] id = new int[planarId.length + 1];
                id[0] = j;
                System.arraycopy(planarId, 0, id, 1, planarId.length);
                String text = planarId.length == 1 ? planarId[0] + "," : planarId[0] + ", " + planarId[1];
                int parity = j;
                list.add(irrep(g, "irrep_[(" + j + ",),(" + text + ")](0)", id, psi.size(), psi.frequency(), j,
                        psi.sumOfSquaresConstituents(),
                        e -> signed(psi.matrix(g.planarPart(e)), parity * e.flip())));
            }
        }
    }

    /** The matrices of irrep l of the octahedral rotations, by rotation index. */
    private static double[][][] octahedral(PolyhedralGroup g, int l) {
        if (l == 0 || l == 1) {
            return restricted(g, l);
        }
        // escnn's generators of the presentation of arXiv:1110.6376: t = s^-1 k s r, k, s, with r the cube of r3
        List<GroupElement> gens = rotationGenerators(g);
        GroupElement r3 = gens.get(0);
        GroupElement r = g.combine(r3, g.combine(r3, r3));
        GroupElement k = g.element(0);
        GroupElement s = gens.get(1);
        GroupElement t = g.combine(g.inverse(s), g.combine(k, g.combine(s, r)));
        double[][] rt;
        double[][] rk;
        double[][] rs;
        if (l == -1) {
            double[][] cob = {{0, 0, 1}, {1, 0, 0}, {0, 1, 0}};
            rt = conjugate(cob, new double[][] {{1, 0, 0}, {0, 0, 1}, {0, 1, 0}});
            rk = conjugate(cob, new double[][] {{1, 0, 0}, {0, -1, 0}, {0, 0, -1}});
            rs = conjugate(cob, new double[][] {{0, 1, 0}, {0, 0, 1}, {1, 0, 0}});
        } else if (l == 2) {
            rt = new double[][] {{0, 1}, {1, 0}};
            rk = new double[][] {{1, 0}, {0, 1}};
            rs = new double[][] {{-0.5, -SQRT3 / 2}, {SQRT3 / 2, -0.5}};
        } else {
            rt = new double[][] {{-1}};
            rk = new double[][] {{1}};
            rs = new double[][] {{1}};
        }
        return fromGenerators(g, List.of(t, k, s), List.of(rt, rk, rs));
    }

    /** The matrices of irrep l of the icosahedral rotations, by rotation index. */
    private static double[][][] icosahedral(PolyhedralGroup g, int l) {
        if (l <= 2) {
            return restricted(g, l);
        }
        double[][] rp;
        double[][] rq;
        if (l == 3) {
            double c = Math.cos(Math.toRadians(144));
            double sn = Math.sin(Math.toRadians(144));
            rp = new double[][] {{c, -sn, 0}, {sn, c, 0}, {0, 0, 1}};
            rq = new double[][] {{1 / SQRT5, 0, -2 / SQRT5}, {0, -1, 0}, {-2 / SQRT5, 0, -1 / SQRT5}};
        } else {
            double c1 = Math.cos(Math.toRadians(72));
            double s1 = Math.sin(Math.toRadians(72));
            double c2 = Math.cos(Math.toRadians(144));
            double s2 = Math.sin(Math.toRadians(144));
            rp = new double[][] {{c1, -s1, 0, 0}, {s1, c1, 0, 0}, {0, 0, c2, -s2}, {0, 0, s2, c2}};
            rq = new double[][] {{0, 0, -1, 0}, {0, 2 / SQRT5, 0, 1 / SQRT5}, {-1, 0, 0, 0}, {0, 1 / SQRT5, 0, -2 / SQRT5}};
        }
        return fromGenerators(g, rotationGenerators(g), List.of(rp, rq));
    }

    /** The generators of the rotation group (a full group lists the inversion first). */
    private static List<GroupElement> rotationGenerators(PolyhedralGroup g) {
        List<GroupElement> gens = g.generators();
        return g.isFull() ? gens.subList(1, gens.size()) : gens;
    }

    /** D_l restricted to the rotations. */
    private static double[][][] restricted(PolyhedralGroup g, int l) {
        double[][][] table = new double[g.rotationCount()][][];
        for (int k = 0; k < table.length; k++) {
            table[k] = WignerD.matrix(l, g.element(k).rotation());
        }
        return table;
    }

    /** The homomorphism fixed by its values on generators of the rotations, by rotation index (breadth first). */
    private static double[][][] fromGenerators(PolyhedralGroup g, List<GroupElement> gens, List<double[][]> images) {
        double[][][] table = new double[g.rotationCount()][][];
        GroupElement e = g.identity();
        table[e.spatialIndex()] = Matrices.identity(images.get(0).length);
        ArrayDeque<GroupElement> todo = new ArrayDeque<>(List.of(e));
        while (!todo.isEmpty()) {
            GroupElement a = todo.poll();
            for (int i = 0; i < gens.size(); i++) {
                GroupElement b = g.combine(gens.get(i), a);
                if (table[b.spatialIndex()] == null) {
                    table[b.spatialIndex()] = Matrices.multiply(images.get(i), table[a.spatialIndex()]);
                    todo.add(b);
                }
            }
        }
        return table;
    }

    private static double[][] conjugate(double[][] cob, double[][] m) {
        return Matrices.multiply(Matrices.transpose(cob), Matrices.multiply(m, cob));
    }

    /** {@code (-1)^sign m}, a fresh array. */
    private static double[][] signed(double[][] m, int sign) {
        double[][] out = Matrices.copy(m);
        if (sign % 2 == 1) {
            for (double[] row : out) {
                for (int j = 0; j < row.length; j++) {
                    row[j] = -row[j];
                }
            }
        }
        return out;
    }

    private static IrreducibleRepresentation irrep(Group g, String name, int[] id, int size, int frequency,
                                                   int parity, Function<GroupElement, double[][]> matrices) {
        return irrep(g, name, id, size, frequency, parity, 1, matrices);
    }

    private static IrreducibleRepresentation irrep(Group g, String name, int[] id, int size, int frequency, int parity,
                                                   int sumOfSquares, Function<GroupElement, double[][]> matrices) {
        boolean trivial = Arrays.stream(id).allMatch(k -> k == 0);
        Set<Nonlinearity> supported = trivial ? (g.isFinite() ? TRIVIAL_FINITE : TRIVIAL_CONTINUOUS)
                : size == 1 && g.isFinite() ? SIGN_FINITE : ORTHOGONAL;
        return new IrreducibleRepresentation(g, name, id, size, frequency, parity, sumOfSquares, supported, matrices);
    }
}
