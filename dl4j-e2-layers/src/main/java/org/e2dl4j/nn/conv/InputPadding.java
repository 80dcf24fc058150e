package org.e2dl4j.nn.conv;

import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.interval;
import static org.nd4j.linalg.indexing.NDArrayIndex.point;

import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The explicit padding of a steerable convolution's input by a non-zero {@link PaddingMode}, and its adjoint.
 * Forward: the input is copied into the centre of a [N, C, H + 2p, W + 2p] array, then every border row (within
 * the centre columns) and every border column (over all rows) is copied from the row or column the mode names.
 * Backward: dL/dx is the centre of dL/d(padded) plus, for every border column and then every border row, its
 * gradient added onto the column or row it was copied from. Each step is one ND4J assignment or addition of a
 * row or column slice (4p per pass), never a loop over elements.
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

    /** x [N, C, H, W] padded on every side, in a new array of the given workspace type. */
    INDArray pad(INDArray x, ArrayType arrayType, LayerWorkspaceMgr workspaceMgr) {
        int p = padding;
        int h = (int) x.size(2);
        int w = (int) x.size(3);
        INDArray padded = workspaceMgr.createUninitialized(arrayType, x.dataType(),
                new long[] {x.size(0), x.size(1), h + 2L * p, w + 2L * p}, 'c');
        padded.get(all(), all(), interval(p, p + h), interval(p, p + w)).assign(x);
        for (int j : border(h)) {
            padded.get(all(), all(), point(j), interval(p, p + w))
                    .assign(x.get(all(), all(), point(mode.source(j, p, h)), all()));
        }
        for (int j : border(w)) {
            padded.get(all(), all(), all(), point(j)).assign(padded.get(all(), all(), all(), point(p + mode.source(j, p, w))));
        }
        return padded;
    }

    /**
     * dL/dx into {@code gradX} [N, C, H, W] from dL/d(padded) ({@code gradPadded}, which is modified: its centre
     * columns collect the border columns' gradients).
     */
    void backprop(INDArray gradPadded, INDArray gradX) {
        int p = padding;
        int h = (int) gradX.size(2);
        int w = (int) gradX.size(3);
        for (int j : border(w)) {
            gradPadded.get(all(), all(), all(), point(p + mode.source(j, p, w)))
                    .addi(gradPadded.get(all(), all(), all(), point(j)));
        }
        gradX.assign(gradPadded.get(all(), all(), interval(p, p + h), interval(p, p + w)));
        for (int j : border(h)) {
            gradX.get(all(), all(), point(mode.source(j, p, h)), all())
                    .addi(gradPadded.get(all(), all(), point(j), interval(p, p + w)));
        }
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
