package org.e2dl4j.nn.conv;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The bias of a steerable layer: one parameter per trivial irrep of the output type, expanded to a bias
 * per output channel by {@code b_channels = E b} with E [outC, nb] the change-of-basis columns of those
 * trivial irreps (e2cnn's {@code bias_expansion}); backward {@code dL/db = E^T dL/db_channels}. Arrays are
 * allocated once, outside workspaces.
 */
final class BiasExpansion {

    private final INDArray expansion;
    private final INDArray expanded;
    private final INDArray gradExpanded;

    /** @param expansion E as [outC][nb] */
    @SuppressWarnings("try")
    BiasExpansion(double[][] expansion, DataType dataType) {
        try (MemoryWorkspace ignored = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
            this.expansion = Nd4j.createFromArray(expansion).castTo(dataType);
            this.expanded = Nd4j.zeros(dataType, expansion.length);
            this.gradExpanded = Nd4j.zeros(dataType, expansion.length);
        }
    }

    /** The per-channel bias the last {@link #expand} wrote. */
    INDArray expanded() {
        return expanded;
    }

    /** The buffer the convolution's backward op writes dL/db_channels into. */
    INDArray gradientBuffer() {
        return gradExpanded;
    }

    /** Writes {@code E b}. */
    void expand(INDArray bias) {
        Nd4j.gemm(expansion, column(bias), column(expanded), false, false, 1.0, 0.0);
    }

    /** Writes {@code E^T dL/db_channels} into {@code gradBias}. */
    void backprop(INDArray gradBias) {
        Nd4j.gemm(expansion, column(gradExpanded), column(gradBias), true, false, 1.0, 0.0);
    }

    private static INDArray column(INDArray vector) {
        return vector.reshape('c', vector.length(), 1);
    }
}
