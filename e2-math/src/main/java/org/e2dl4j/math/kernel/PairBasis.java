package org.e2dl4j.math.kernel;

import org.e2dl4j.math.repr.Representation;

/**
 * One unique (input representation, output representation) pair of a layer and where its weights and channels
 * live. Its weights form the contiguous range {@code [weightOffset, weightOffset + weightCount)}, laid out
 * {@code [output occurrence][input occurrence][basis element]} (e2cnn's layout); the filter block between the
 * output field starting at channel {@code outFieldStarts[a]} and the input field starting at
 * {@code inFieldStarts[b]} is {@code sum_e w[a][b][e] basis.element(e)}. Immutable.
 */
public final class PairBasis {

    private final Representation inRepr;
    private final Representation outRepr;
    private final int[] inFieldPositions;
    private final int[] outFieldPositions;
    private final int[] inFieldStarts;
    private final int[] outFieldStarts;
    private final int weightOffset;
    private final SampledBasis basis;

    PairBasis(Representation inRepr, Representation outRepr, int[] inFieldPositions, int[] outFieldPositions,
              int[] inFieldStarts, int[] outFieldStarts, int weightOffset, SampledBasis basis) {
        this.inRepr = inRepr;
        this.outRepr = outRepr;
        this.inFieldPositions = inFieldPositions.clone();
        this.outFieldPositions = outFieldPositions.clone();
        this.inFieldStarts = inFieldStarts.clone();
        this.outFieldStarts = outFieldStarts.clone();
        this.weightOffset = weightOffset;
        this.basis = basis;
    }

    public Representation inRepr() {
        return inRepr;
    }

    public Representation outRepr() {
        return outRepr;
    }

    /** Indices, in the input field list, of the fields of type {@link #inRepr()} (a copy). */
    public int[] inFieldPositions() {
        return inFieldPositions.clone();
    }

    /** Indices, in the output field list, of the fields of type {@link #outRepr()} (a copy). */
    public int[] outFieldPositions() {
        return outFieldPositions.clone();
    }

    /** First input channel of each occurrence of {@link #inRepr()}, in field order (a copy). */
    public int[] inFieldStarts() {
        return inFieldStarts.clone();
    }

    /** First output channel of each occurrence of {@link #outRepr()}, in field order (a copy). */
    public int[] outFieldStarts() {
        return outFieldStarts.clone();
    }

    /** Number of input fields of this type. */
    public int inCount() {
        return inFieldStarts.length;
    }

    /** Number of output fields of this type. */
    public int outCount() {
        return outFieldStarts.length;
    }

    /** Index of this pair's first weight in the layer's weight vector. */
    public int weightOffset() {
        return weightOffset;
    }

    /** {@code outCount * inCount * basis.dimension()}. */
    public int weightCount() {
        return outFieldStarts.length * inFieldStarts.length * basis.dimension();
    }

    /** The sampled basis shared by every occurrence of this pair. */
    public SampledBasis basis() {
        return basis;
    }

    @Override
    public String toString() {
        return "(" + inRepr.name() + " x" + inCount() + ", " + outRepr.name() + " x" + outCount() + "): "
                + basis.dimension() + " elements, weights [" + weightOffset + ", " + (weightOffset + weightCount())
                + ")";
    }
}
