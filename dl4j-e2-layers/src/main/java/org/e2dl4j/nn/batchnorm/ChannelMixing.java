package org.e2dl4j.nn.batchnorm;

import java.util.EnumMap;
import java.util.Map;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A fixed linear map of the channels of every pixel, {@code y[n, :, p] = A x[n, :, p]} for a C x C matrix A (here
 * a block-diagonal change of basis), run as libnd4j's 1x1 {@code conv2d} on the whole NCHW map. The matrix is
 * converted once per data type and kept outside workspaces. Immutable apart from that cache.
 */
final class ChannelMixing {

    /** conv2d integer arguments: 1x1 kernel, stride 1, no padding, dilation 1, Truncate, NCHW, [out, in, kH, kW] weights. */
    private static final int[] ONE_BY_ONE = {1, 1, 1, 1, 0, 0, 1, 1, 0, 0, 1};

    private final double[][] matrix;
    private final Map<DataType, INDArray> weights = new EnumMap<>(DataType.class);

    /** The map x -> A x. */
    ChannelMixing(double[][] matrix) {
        this.matrix = matrix;
    }

    /** The map x -> A^T x, the adjoint: the backward pass of this map. */
    ChannelMixing transpose() {
        int n = matrix.length;
        double[][] t = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                t[j][i] = matrix[i][j];
            }
        }
        return new ChannelMixing(t);
    }

    /** Writes A x into {@code out} (same shape as x). */
    void apply(INDArray x, INDArray out) {
        Nd4j.exec(DynamicCustomOp.builder("conv2d").addInputs(x, weights(x.dataType())).addOutputs(out)
                .addIntegerArguments(ONE_BY_ONE).build());
    }

    private synchronized INDArray weights(DataType dataType) {
        return weights.computeIfAbsent(dataType, t -> {
            try (MemoryWorkspace ignored = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
                return Nd4j.createFromArray(matrix).castTo(t).reshape('c', matrix.length, matrix.length, 1, 1).dup('c');
            }
        });
    }
}
