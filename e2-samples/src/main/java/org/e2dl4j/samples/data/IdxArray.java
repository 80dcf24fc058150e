package org.e2dl4j.samples.data;

import java.util.Arrays;

/**
 * An immutable array of unsigned bytes in the IDX format of MNIST (LeCun et al.): a shape
 * {@code d_0 x ... x d_{k-1}} and the values in row-major order, each in [0, 255].
 */
public final class IdxArray {

    private final int[] shape;
    private final byte[] values;

    /**
     * @param shape  the dimensions, each positive
     * @param values the row-major values (copied); their count must be the product of {@code shape}
     */
    public IdxArray(int[] shape, byte[] values) {
        if (shape.length == 0) {
            throw new IllegalArgumentException("IDX array: expected at least one dimension, got none");
        }
        long count = 1;
        for (int d : shape) {
            if (d <= 0) {
                throw new IllegalArgumentException("IDX array: expected positive dimensions, got " + Arrays.toString(shape));
            }
            count *= d;
        }
        if (count != values.length) {
            throw new IllegalArgumentException("IDX array: shape " + Arrays.toString(shape) + " needs " + count
                    + " values, got " + values.length);
        }
        this.shape = shape.clone();
        this.values = values.clone();
    }

    /** The dimensions (a copy). */
    public int[] shape() {
        return shape.clone();
    }

    /** The number of dimensions. */
    public int rank() {
        return shape.length;
    }

    /** The size of dimension {@code axis}. */
    public int dimension(int axis) {
        return shape[axis];
    }

    /** The number of values, the product of the dimensions. */
    public int size() {
        return values.length;
    }

    /** The value at row-major position {@code index}, in [0, 255]. */
    public int unsignedAt(int index) {
        return values[index] & 0xFF;
    }
}
