package org.e2dl4j.math.kernel;

import org.e2dl4j.math.repr.IrreducibleRepresentation;
import org.e2dl4j.math.repr.Representation;

/**
 * The bias of the output fields that share one representation rho, in compact form (e2cnn's bias expansion
 * without its dense channels x parameters matrix): rho has t trivial irreps, and the columns of its change of
 * basis Q that belong to them form the {@code size x t} matrix {@code T}. The field starting at channel
 * {@code channelStarts[j]} gets the per-channel bias {@code T b[biasStarts[j] .. biasStarts[j] + t)}, and no
 * other field's parameters. Immutable: the arrays are copied in and out.
 */
public final class BiasBlock {

    private final Representation representation;
    private final double[][] trivialColumns;
    private final int[] channelStarts;
    private final int[] biasStarts;

    /**
     * @param representation the fields' representation, with at least one trivial irrep
     * @param channelStarts  the first channel of each field of that representation, increasing
     * @param biasStarts     the index of each field's first bias parameter, increasing
     */
    BiasBlock(Representation representation, int[] channelStarts, int[] biasStarts) {
        if (representation.trivialCount() == 0 || channelStarts.length != biasStarts.length
                || channelStarts.length == 0) {
            throw new IllegalArgumentException("a bias block needs a representation with trivial irreps and one bias"
                    + " start per field, got " + representation.name() + " with " + channelStarts.length
                    + " channel starts and " + biasStarts.length + " bias starts");
        }
        this.representation = representation;
        this.trivialColumns = trivialColumns(representation);
        this.channelStarts = channelStarts.clone();
        this.biasStarts = biasStarts.clone();
    }

    private static double[][] trivialColumns(Representation r) {
        double[][] q = r.changeOfBasis();
        double[][] columns = new double[r.size()][r.trivialCount()];
        int irrepStart = 0;
        int t = 0;
        for (IrreducibleRepresentation irr : r.irreps()) {
            if (irr.isTrivial()) {
                for (int row = 0; row < r.size(); row++) {
                    columns[row][t] = q[row][irrepStart];
                }
                t++;
            }
            irrepStart += irr.size();
        }
        return columns;
    }

    /** The representation of the block's fields. */
    public Representation representation() {
        return representation;
    }

    /** The number of bias parameters of one field: the trivial irreps of the representation. */
    public int trivialCount() {
        return trivialColumns[0].length;
    }

    /** The {@code size x trivialCount} columns of the change of basis that belong to trivial irreps (a copy). */
    public double[][] trivialColumns() {
        double[][] copy = new double[trivialColumns.length][];
        for (int row = 0; row < copy.length; row++) {
            copy[row] = trivialColumns[row].clone();
        }
        return copy;
    }

    /** The first channel of each field (a copy). */
    public int[] channelStarts() {
        return channelStarts.clone();
    }

    /** The index of each field's first bias parameter (a copy). */
    public int[] biasStarts() {
        return biasStarts.clone();
    }

    @Override
    public String toString() {
        return "BiasBlock[" + representation.name() + ", " + channelStarts.length + " fields x " + trivialCount()
                + " trivial irreps]";
    }
}
