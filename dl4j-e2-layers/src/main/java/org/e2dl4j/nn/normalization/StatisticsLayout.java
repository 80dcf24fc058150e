package org.e2dl4j.nn.normalization;

import java.util.List;

import org.e2dl4j.math.repr.IrreducibleRepresentation;
import org.e2dl4j.math.repr.Representation;
import org.e2dl4j.nn.FieldType;

/**
 * Which channels of a field type share the statistics of a per-sample normalization, as fixed matrices on the
 * channels of one sample (C channels, G statistic groups, F fields, T trivial irreps):
 * <ul>
 *   <li>{@link #mean()} M (C x C): the mean removed is {@code M xbar}, an orthogonal projection onto invariant
 *       vectors ({@code xbar} the input averaged over the pooled positions), or null when no channel is centred;</li>
 *   <li>{@link #groupAverage()} S (G x C): {@code S[g][c] = 1 / |g|} for c in group g, so the variance of group g
 *       is {@code (S mean|z|^2)[g]};</li>
 *   <li>{@link #groupExpand()} E (C x G): {@code E[c][g] = 1} for c in g, each group's scale back on its channels;</li>
 *   <li>{@link #fieldExpand()} (C x F): {@code [c][f] = 1} for c in field f, the per-field weights on the channels;</li>
 *   <li>{@link #biasExpand()} B (C x T): column t is the trivial irrep t's basis vector (its column of the field's
 *       change of basis Q), so the bias vector b adds {@code B b} (e2cnn's bias on the trivial irreps).</li>
 * </ul>
 * The positions pooled are one pixel ({@link #perPixel()}, escnn's FieldNorm) or the whole feature map.
 * Immutable; built once per layer from its configuration.
 */
final class StatisticsLayout {

    private final boolean perPixel;
    private final double[][] mean;
    private final double[][] groupAverage;
    private final double[][] groupExpand;
    private final double[][] fieldExpand;
    private final double[][] biasExpand;

    private StatisticsLayout(boolean perPixel, double[][] mean, double[][] groupAverage, double[][] groupExpand,
                             double[][] fieldExpand, double[][] biasExpand) {
        this.perPixel = perPixel;
        this.mean = mean;
        this.groupAverage = groupAverage;
        this.groupExpand = groupExpand;
        this.fieldExpand = fieldExpand;
        this.biasExpand = biasExpand;
    }

    /**
     * One statistic group per field; each field's mean is its projection onto its trivial isotypic subspace,
     * {@code P_f = Q_f D_f Q_f^-1} with {@code D_f} the diagonal mask of its trivial irreps.
     *
     * @param perPixel whether each pixel has its own statistics (FieldNorm) or the whole map shares them
     */
    static StatisticsLayout perField(FieldType type, boolean perPixel) {
        double[][] projection = trivialProjection(type);
        return new StatisticsLayout(perPixel, anyNonZero(projection) ? projection : null, fieldAverage(type),
                fieldExpand(type), fieldExpand(type), biasExpand(type));
    }

    /**
     * One statistic group for the whole sample; the mean removed is the projection onto the single invariant
     * vector {@code u = P 1} ({@code P} the block-diagonal trivial projection, 1 the all-ones vector): for
     * permutation fields u = 1, the mean over all channels, as in torch's LayerNorm.
     */
    static StatisticsLayout wholeSample(FieldType type) {
        int c = type.size();
        double[][] p = trivialProjection(type);
        double[] u = new double[c];
        double norm2 = 0;
        for (int i = 0; i < c; i++) {
            for (int j = 0; j < c; j++) {
                u[i] += p[i][j];
            }
            norm2 += u[i] * u[i];
        }
        double[][] m = null;
        if (norm2 > 1e-12) {
            m = new double[c][c];
            for (int i = 0; i < c; i++) {
                for (int j = 0; j < c; j++) {
                    m[i][j] = u[i] * u[j] / norm2;
                }
            }
        }
        double[][] average = new double[1][c];
        double[][] expand = new double[c][1];
        for (int i = 0; i < c; i++) {
            average[0][i] = 1.0 / c;
            expand[i][0] = 1;
        }
        return new StatisticsLayout(false, m, average, expand, fieldExpand(type), biasExpand(type));
    }

    /** The number of trivial irreps of a field type, the length of the bias vector. */
    static int trivialCount(FieldType type) {
        int t = 0;
        for (Representation r : type.representations()) {
            t += r.trivialCount();
        }
        return t;
    }

    private static double[][] trivialProjection(FieldType type) {
        int c = type.size();
        double[][] p = new double[c][c];
        for (int f = 0; f < type.fieldCount(); f++) {
            Representation r = type.representations().get(f);
            double[][] q = r.changeOfBasis();
            double[][] qInv = r.changeOfBasisInv();
            int start = type.fieldStart(f);
            int k = 0;
            for (IrreducibleRepresentation irrep : r.irreps()) {
                if (irrep.isTrivial()) {
                    for (int i = 0; i < r.size(); i++) {
                        for (int j = 0; j < r.size(); j++) {
                            p[start + i][start + j] += q[i][k] * qInv[k][j];
                        }
                    }
                }
                k += irrep.size();
            }
        }
        return p;
    }

    private static boolean anyNonZero(double[][] m) {
        for (double[] row : m) {
            for (double v : row) {
                if (v != 0) {
                    return true;
                }
            }
        }
        return false;
    }

    private static double[][] fieldAverage(FieldType type) {
        double[][] s = new double[type.fieldCount()][type.size()];
        for (int f = 0; f < type.fieldCount(); f++) {
            int start = type.fieldStart(f);
            int end = type.fieldEnd(f);
            for (int c = start; c < end; c++) {
                s[f][c] = 1.0 / (end - start);
            }
        }
        return s;
    }

    private static double[][] fieldExpand(FieldType type) {
        double[][] e = new double[type.size()][type.fieldCount()];
        int[] field = fieldOfChannel(type);
        for (int c = 0; c < field.length; c++) {
            e[c][field[c]] = 1;
        }
        return e;
    }

    private static int[] fieldOfChannel(FieldType type) {
        int[] field = new int[type.size()];
        for (int f = 0; f < type.fieldCount(); f++) {
            for (int c = type.fieldStart(f); c < type.fieldEnd(f); c++) {
                field[c] = f;
            }
        }
        return field;
    }

    private static double[][] biasExpand(FieldType type) {
        double[][] b = new double[type.size()][trivialCount(type)];
        int t = 0;
        for (int f = 0; f < type.fieldCount(); f++) {
            Representation r = type.representations().get(f);
            double[][] q = r.changeOfBasis();
            int start = type.fieldStart(f);
            int k = 0;
            List<IrreducibleRepresentation> irreps = r.irreps();
            for (IrreducibleRepresentation irrep : irreps) {
                if (irrep.isTrivial()) {
                    for (int i = 0; i < r.size(); i++) {
                        b[start + i][t] = q[i][k];
                    }
                    t++;
                }
                k += irrep.size();
            }
        }
        return b;
    }

    /** Whether each pixel has its own statistics. */
    boolean perPixel() {
        return perPixel;
    }

    /** M (C x C), or null when nothing is centred; a copy. */
    double[][] mean() {
        return copy(mean);
    }

    /** S (G x C), a copy. */
    double[][] groupAverage() {
        return copy(groupAverage);
    }

    /** E (C x G), a copy. */
    double[][] groupExpand() {
        return copy(groupExpand);
    }

    /** The C x F map of the per-field weights onto the channels, a copy. */
    double[][] fieldExpand() {
        return copy(fieldExpand);
    }

    /** B (C x T), a copy. */
    double[][] biasExpand() {
        return copy(biasExpand);
    }

    private static double[][] copy(double[][] m) {
        if (m == null) {
            return null;
        }
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }
}
