package org.e2dl4j.nn.conv;

import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.interval;
import static org.nd4j.linalg.indexing.NDArrayIndex.point;

import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.INDArrayIndex;

/**
 * The explicit padding of a steerable convolution's input by a non-zero {@link PaddingMode}, and its adjoint, on
 * NCHW or NCDHW data. Forward: the input is copied into the centre of an array p larger on both sides of every
 * spatial axis, then the spatial axes are padded one after the other: every border slice of an axis (over the
 * whole extent of the axes already padded and the centre of the others) is copied from the slice the mode names.
 * Backward: the same steps in reverse order, each border slice's gradient added onto the slice it was copied
 * from, then dL/dx is the centre. Each step is one ND4J assignment or addition of a slice (2p per axis and pass),
 * never a loop over elements.
 */
final class InputPadding {

    private final PaddingMode mode;
    private final int padding;

    InputPadding(PaddingMode mode, int padding) {
        if (mode == PaddingMode.ZEROS) {
            throw new IllegalArgumentException("zero padding is done by the convolution itself");
        }
        this.mode = mode;
        this.padding = padding;
    }

    /** x [N, C, spatial...] padded on every side, in a new array of the given workspace type. */
    INDArray pad(INDArray x, ArrayType arrayType, LayerWorkspaceMgr workspaceMgr) {
        long[] shape = x.shape().clone();
        for (int axis = 2; axis < shape.length; axis++) {
            shape[axis] += 2L * padding;
        }
        INDArray padded = workspaceMgr.createUninitialized(arrayType, x.dataType(), shape, 'c');
        padded.get(centre(x)).assign(x);
        for (int axis = 2; axis < x.rank(); axis++) {
            int n = (int) x.size(axis);
            for (int j : border(n)) {
                padded.get(slice(x, axis, j)).assign(padded.get(slice(x, axis, padding + mode.source(j, padding, n))));
            }
        }
        return padded;
    }

    /**
     * dL/dx into {@code gradX} [N, C, spatial...] from dL/d(padded) ({@code gradPadded}, which is modified: its
     * inner slices collect the border slices' gradients).
     */
    void backprop(INDArray gradPadded, INDArray gradX) {
        for (int axis = gradX.rank() - 1; axis >= 2; axis--) {
            int n = (int) gradX.size(axis);
            for (int j : border(n)) {
                gradPadded.get(slice(gradX, axis, padding + mode.source(j, padding, n)))
                        .addi(gradPadded.get(slice(gradX, axis, j)));
            }
        }
        gradX.assign(gradPadded.get(centre(gradX)));
    }

    /**
     * The index, in the padded array of the unpadded {@code x}, of the slice at position j of spatial {@code axis}:
     * all of N and C, the whole extent of the spatial axes before it (already padded), the centre of those after it.
     */
    private INDArrayIndex[] slice(INDArray x, int axis, int j) {
        INDArrayIndex[] index = new INDArrayIndex[x.rank()];
        for (int a = 0; a < index.length; a++) {
            if (a < 2 || a < axis) {
                index[a] = all();
            } else if (a == axis) {
                index[a] = point(j);
            } else {
                index[a] = interval(padding, padding + x.size(a));
            }
        }
        return index;
    }

    /** The index of the unpadded {@code x} in its padded array: all of N and C, the centre of every spatial axis. */
    private INDArrayIndex[] centre(INDArray x) {
        INDArrayIndex[] index = new INDArrayIndex[x.rank()];
        for (int a = 0; a < index.length; a++) {
            index[a] = a < 2 ? all() : interval(padding, padding + x.size(a));
        }
        return index;
    }

    /** The padded positions outside the input along an axis of size n: 0 .. p-1 and n+p .. n+2p-1. */
    private int[] border(int n) {
        int[] positions = new int[2 * padding];
        for (int k = 0; k < padding; k++) {
            positions[k] = k;
            positions[padding + k] = n + padding + k;
        }
        return positions;
    }
}
