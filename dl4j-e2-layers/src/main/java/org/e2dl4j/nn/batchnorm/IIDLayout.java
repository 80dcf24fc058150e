package org.e2dl4j.nn.batchnorm;

import java.util.ArrayList;
import java.util.List;

import org.e2dl4j.math.repr.IrreducibleRepresentation;
import org.e2dl4j.math.repr.Representation;
import org.e2dl4j.nn.FieldType;

/**
 * The matrices of an {@link IIDBatchNorm} on a field type of C channels and F fields, T trivial irreps in all, M
 * channels in fields that contain a trivial irrep:
 * <ul>
 *   <li>{@code fieldOf} [C x F]: 1 where channel c belongs to field f;</li>
 *   <li>{@code fieldMean} [C x F]: {@code fieldOf / |f|}, averaging per-channel values over each field;</li>
 *   <li>{@code projection} [C x C]: block-diagonal {@code Q S Q^-1} per field, S the diagonal selecting the field's
 *       trivial irreps: the invariant part of a channel vector (0 on fields without trivial irrep);</li>
 *   <li>{@code trivialColumns} [C x T]: the columns of each field's change of basis Q at its trivial irreps, mapping
 *       the biases to the channels (escnn's {@code change_of_basis[:, trivials]});</li>
 *   <li>{@code centred} [M x C]: selects the channels of the fields with a trivial irrep, whose running mean is kept.</li>
 * </ul>
 * Immutable; arrays are copies.
 */
final class IIDLayout {

    private final int channels;
    private final int fields;
    private final int trivials;
    private final double[][] fieldOf;
    private final double[][] projection;
    private final double[][] trivialColumns;
    private final int[] centredChannels;

    IIDLayout(FieldType type) {
        this.channels = type.size();
        this.fields = type.fieldCount();
        this.fieldOf = new double[channels][fields];
        this.projection = new double[channels][channels];
        List<double[]> columns = new ArrayList<>();
        List<Integer> centred = new ArrayList<>();
        for (int f = 0; f < fields; f++) {
            Representation r = type.representations().get(f);
            int start = type.fieldStart(f);
            for (int c = start; c < type.fieldEnd(f); c++) {
                fieldOf[c][f] = 1;
            }
            double[][] q = r.changeOfBasis();
            double[][] qInv = r.changeOfBasisInv();
            int irrepStart = 0;
            for (IrreducibleRepresentation irr : r.irreps()) {
                if (irr.isTrivial()) {
                    double[] column = new double[channels];
                    for (int i = 0; i < r.size(); i++) {
                        column[start + i] = q[i][irrepStart];
                        for (int j = 0; j < r.size(); j++) {
                            projection[start + i][start + j] += q[i][irrepStart] * qInv[irrepStart][j];
                        }
                    }
                    columns.add(column);
                }
                irrepStart += irr.size();
            }
            if (r.trivialCount() > 0) {
                for (int c = start; c < type.fieldEnd(f); c++) {
                    centred.add(c);
                }
            }
        }
        this.trivials = columns.size();
        this.trivialColumns = new double[channels][trivials];
        for (int t = 0; t < trivials; t++) {
            for (int c = 0; c < channels; c++) {
                trivialColumns[c][t] = columns.get(t)[c];
            }
        }
        this.centredChannels = centred.stream().mapToInt(Integer::intValue).toArray();
    }

    int channels() {
        return channels;
    }

    int fields() {
        return fields;
    }

    /** T: the trivial irreps of all fields, one bias each. */
    int trivials() {
        return trivials;
    }

    /** M: the channels of the fields with a trivial irrep, one running mean each. */
    int centredChannelCount() {
        return centredChannels.length;
    }

    double[][] fieldOf() {
        return copy(fieldOf);
    }

    double[][] fieldMean() {
        double[][] m = copy(fieldOf);
        for (int f = 0; f < fields; f++) {
            double size = 0;
            for (double[] row : fieldOf) {
                size += row[f];
            }
            for (double[] row : m) {
                row[f] /= size;
            }
        }
        return m;
    }

    double[][] projection() {
        return copy(projection);
    }

    double[][] trivialColumns() {
        return copy(trivialColumns);
    }

    double[][] centred() {
        double[][] s = new double[centredChannels.length][channels];
        for (int k = 0; k < centredChannels.length; k++) {
            s[k][centredChannels[k]] = 1;
        }
        return s;
    }

    private static double[][] copy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }
}
