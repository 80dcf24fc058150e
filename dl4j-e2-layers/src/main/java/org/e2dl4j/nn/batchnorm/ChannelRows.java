package org.e2dl4j.nn.batchnorm;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.reduce3.Dot;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarAdd;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarMultiplication;
import org.nd4j.linalg.factory.Nd4j;

/**
 * An NCHW feature map seen as N*C contiguous rows of length H*W, one per (sample, channel), and the whole-tensor
 * operations a per-channel normalization needs on it, each one pass over memory:
 * <ul>
 *   <li>per-row sums, as the matrix-vector product with a column of ones (BLAS: 3-4x faster than libnd4j's sum
 *       along the rows at 64 x 96 x 25 x 25), and per-row dot products (a reduction along the contiguous axis);</li>
 *   <li>per-row scaling and shifting by N*C scalars (libnd4j's scalar-along-dimension kernels: each row is
 *       one contiguous run with its own scalar, unlike a broadcast along axis 1 of the 4-d array, which
 *       walks the channel axis with stride H*W).</li>
 * </ul>
 */
final class ChannelRows {

    private ChannelRows() {
    }

    /** The [N*C, H*W] rows of an NCHW array: a view when it is c-contiguous, else a copy. */
    static INDArray of(INDArray x) {
        return x.reshape('c', x.size(0) * x.size(1), x.size(2) * x.size(3));
    }

    /** {@code out[r] = sum_p rows[r, p]}, with {@code ones} a [P, 1] column of ones of the rows' data type. */
    static void sums(INDArray rows, INDArray ones, INDArray out) {
        Nd4j.gemm(rows, ones, out.reshape('c', rows.size(0), 1), false, false, 1.0, 0.0);
    }

    /** {@code out[r] = sum_p a[r, p] b[r, p]}. */
    static void dots(INDArray a, INDArray b, INDArray out) {
        Nd4j.getExecutioner().exec(new Dot(a, b, out, 1));
    }

    /** {@code out[r, p] = rows[r, p] * scale[r]}; {@code out} may be {@code rows}. */
    static void scale(INDArray rows, INDArray scale, INDArray out) {
        ScalarMultiplication op = new ScalarMultiplication(rows, scale, out, 0);
        op.setDimension(1);
        Nd4j.getExecutioner().exec(op);
    }

    /** {@code out[r, p] = rows[r, p] + shift[r]}; {@code out} may be {@code rows}. */
    static void shift(INDArray rows, INDArray shift, INDArray out) {
        ScalarAdd op = new ScalarAdd(rows, shift, out, 0);
        op.setDimension(1);
        Nd4j.getExecutioner().exec(op);
    }
}
