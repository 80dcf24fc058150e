package org.e2dl4j.nn.structure;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.layers.Convolution3D;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.e2dl4j.nn.ExportedLayer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;

/**
 * A fixed permutation of the channels of NCHW feature maps, {@code y[:, c] = x[:, source[c]]}: what
 * {@link org.e2dl4j.nn.structure.ReshuffleModule} and {@link org.e2dl4j.nn.structure.DisentangleModule} compute. Forward and
 * backward are one gather along the channel axis each (the backward pass gathers with the inverse
 * permutation); the export is a 1 x 1 convolution whose filter is the permutation matrix. Immutable; the
 * index arrays live outside workspaces.
 */
final class ChannelPermutation {

    private final int[] source;
    private final INDArray sourceIndices;
    private final INDArray inverseIndices;

    /**
     * @param source for each output channel, the input channel it copies
     * @throws IllegalArgumentException if {@code source} is not a permutation of 0..n-1
     */
    ChannelPermutation(int[] source) {
        this.source = source.clone();
        int[] inverse = new int[source.length];
        Arrays.fill(inverse, -1);
        for (int c = 0; c < source.length; c++) {
            int s = source[c];
            if (s < 0 || s >= source.length || inverse[s] >= 0) {
                throw new IllegalArgumentException("not a permutation of the channels 0.." + (source.length - 1) + ": "
                        + Arrays.toString(source));
            }
            inverse[s] = c;
        }
        try (MemoryWorkspace ignored = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
            this.sourceIndices = Nd4j.createFromArray(source);
            this.inverseIndices = Nd4j.createFromArray(inverse);
        }
    }

    /** Whether every channel stays in place. */
    boolean isIdentity() {
        for (int c = 0; c < source.length; c++) {
            if (source[c] != c) {
                return false;
            }
        }
        return true;
    }

    /** {@code y[:, c] = x[:, source[c]]} in the ACTIVATIONS workspace. */
    INDArray forward(INDArray x, LayerWorkspaceMgr workspaceMgr) {
        return gather(x, sourceIndices, workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, x.dataType(),
                x.shape(), 'c'));
    }

    /** dL/dx from dL/dy, {@code dx[:, source[c]] = dy[:, c]}, in the ACTIVATION_GRAD workspace. */
    INDArray backward(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        return gather(epsilon, inverseIndices, workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD,
                epsilon.dataType(), epsilon.shape(), 'c'));
    }

    private static INDArray gather(INDArray x, INDArray indices, INDArray out) {
        Nd4j.exec(DynamicCustomOp.builder("gather").addInputs(x, indices).addOutputs(out)
                .addIntegerArguments(1).build());
        return out;
    }

    /**
     * The stock layers computing this permutation: none for the identity, else a bias-free 1 x 1
     * {@code ConvolutionLayer} ({@code Convolution3D} 1 x 1 x 1 on volumes) with filter {@code W[o][i] = 1 if
     * i == source[o]}, frozen (wrapped in a
     * {@code FrozenLayerWithBackprop}, so that training the exported network passes gradients through it but
     * keeps the permutation).
     */
    List<ExportedLayer> export(String layerName, boolean volumes) {
        if (isIdentity()) {
            return List.of();
        }
        int n = source.length;
        double[] w = new double[n * n];
        for (int o = 0; o < n; o++) {
            w[o * n + source[o]] = 1;
        }
        INDArray filter;
        try (MemoryWorkspace ignored = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
            filter = volumes ? Nd4j.createFromArray(w).reshape('c', n, n, 1, 1, 1)
                    : Nd4j.createFromArray(w).reshape('c', n, n, 1, 1);
        }
        if (volumes) {
            Convolution3D conv = new Convolution3D.Builder(1, 1, 1).nIn(n).nOut(n).hasBias(false)
                    .activation(Activation.IDENTITY).convolutionMode(ConvolutionMode.Truncate)
                    .dataFormat(Convolution3D.DataFormat.NCDHW).weightInit(WeightInit.ZERO).updater(new NoOp())
                    .name(layerName).build();
            return List.of(ExportedLayer.fixed(conv, Map.of("W", filter)));
        }
        ConvolutionLayer conv = new ConvolutionLayer.Builder(1, 1).nIn(n).nOut(n).hasBias(false)
                .activation(Activation.IDENTITY).convolutionMode(ConvolutionMode.Truncate)
                .dataFormat(CNN2DFormat.NCHW).weightInit(WeightInit.ZERO).updater(new NoOp()).name(layerName).build();
        return List.of(ExportedLayer.fixed(conv, Map.of("W", filter)));
    }
}
