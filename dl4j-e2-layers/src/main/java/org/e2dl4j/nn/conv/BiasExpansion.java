package org.e2dl4j.nn.conv;

import java.util.ArrayList;
import java.util.List;

import org.e2dl4j.math.kernel.BiasBlock;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The bias of a steerable layer: one parameter per trivial irrep of the output type, expanded to a bias per
 * output channel field by field (e2cnn's {@code bias_expansion}, kept compact as {@link BiasBlock}s: no
 * channels x parameters matrix). For the fields of one representation with trivial columns T [size, t]:
 * <pre>
 *   forward:  b_channels[field j] = T b[field j]      as  Y [n, size] = P [n, t] x T^T
 *   backward: dL/db[field j] = T^T dL/db_channels[field j]   as  G_P [n, t] = G_Y [n, size] x T
 * </pre>
 * one matrix product per run of fields whose channel and parameter starts are evenly spaced (all of a
 * representation's fields, when they are contiguous or regularly interleaved), read and written through
 * strided views. Channels of fields without trivial irreps keep a zero bias. Every array is allocated once,
 * outside workspaces; expanding and back-propagating allocate nothing.
 */
final class BiasExpansion {

    private final INDArray expanded;
    private final INDArray gradExpanded;
    private final List<Run> runs = new ArrayList<>();

    /**
     * @param blocks      the compact bias expansion of the output type
     * @param outChannels the output channels
     * @param dataType    the layer's data type
     */
    @SuppressWarnings("try")
    BiasExpansion(List<BiasBlock> blocks, int outChannels, DataType dataType) {
        try (MemoryWorkspace ignored = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
            this.expanded = Nd4j.zeros(dataType, outChannels);
            this.gradExpanded = Nd4j.zeros(dataType, outChannels);
            for (BiasBlock block : blocks) {
                INDArray columns = Nd4j.createFromArray(block.trivialColumns()).castTo(dataType);
                int[] channelStarts = block.channelStarts();
                int[] biasStarts = block.biasStarts();
                int from = 0;
                while (from < channelStarts.length) {
                    int to = runEnd(channelStarts, biasStarts, from);
                    runs.add(new Run(columns, channelStarts, biasStarts, from, to, dataType));
                    from = to;
                }
            }
        }
    }

    /** The end (exclusive) of the longest run from {@code from} with constant channel and parameter steps. */
    private static int runEnd(int[] channelStarts, int[] biasStarts, int from) {
        int to = from + 1;
        if (to == channelStarts.length) {
            return to;
        }
        int channelStep = channelStarts[to] - channelStarts[from];
        int biasStep = biasStarts[to] - biasStarts[from];
        while (to < channelStarts.length && channelStarts[to] - channelStarts[to - 1] == channelStep
                && biasStarts[to] - biasStarts[to - 1] == biasStep) {
            to++;
        }
        return to;
    }

    /** The per-channel bias the last {@link #expand} wrote. */
    INDArray expanded() {
        return expanded;
    }

    /** The buffer the convolution's backward op writes dL/db_channels into. */
    INDArray gradientBuffer() {
        return gradExpanded;
    }

    /** Writes the per-channel bias of the given parameters (a vector in field order). */
    void expand(INDArray bias) {
        for (Run r : runs) {
            r.params.assign(r.parameterView(bias));
            Nd4j.gemm(r.params, r.columns, r.product, false, true, 1.0, 0.0);
            r.channels.assign(r.product);
        }
    }

    /** Writes dL/db (every entry overwritten) from the gradient buffer. */
    void backprop(INDArray gradBias) {
        for (Run r : runs) {
            r.gradProduct.assign(r.gradChannels);
            Nd4j.gemm(r.gradProduct, r.columns, r.gradParams, false, false, 1.0, 0.0);
            r.parameterView(gradBias).assign(r.gradParams);
        }
    }

    /** n fields of one representation at evenly spaced channel and parameter starts, with their buffers. */
    private final class Run {
        private final INDArray columns;
        private final INDArray params;
        private final INDArray product;
        private final INDArray gradParams;
        private final INDArray gradProduct;
        private final INDArray channels;
        private final INDArray gradChannels;
        private final long[] parameterShape;
        private final long parameterStart;
        private final long parameterStep;

        Run(INDArray columns, int[] channelStarts, int[] biasStarts, int from, int to, DataType dataType) {
            int n = to - from;
            long size = columns.size(0);
            long t = columns.size(1);
            long channelStep = n == 1 ? 0 : channelStarts[from + 1] - channelStarts[from];
            this.columns = columns;
            this.parameterShape = new long[] {n, t};
            this.parameterStart = biasStarts[from];
            this.parameterStep = n == 1 ? 0 : biasStarts[from + 1] - biasStarts[from];
            this.params = Nd4j.zeros(dataType, n, t);
            this.gradParams = Nd4j.zeros(dataType, n, t);
            this.product = Nd4j.zeros(dataType, n, size);
            this.gradProduct = Nd4j.zeros(dataType, n, size);
            long[] shape = {n, size};
            long[] strides = {channelStep, 1};
            this.channels = Nd4j.create(expanded.data(), shape, strides, expanded.offset() + channelStarts[from], 'c',
                    dataType);
            this.gradChannels = Nd4j.create(gradExpanded.data(), shape, strides,
                    gradExpanded.offset() + channelStarts[from], 'c', dataType);
        }

        /** The run's parameters in a vector of all bias parameters (or their gradients), as an [n, t] view. */
        INDArray parameterView(INDArray vector) {
            long s = elementStride(vector);
            return Nd4j.create(vector.data(), parameterShape, new long[] {parameterStep * s, s},
                    vector.offset() + parameterStart * s, 'c', vector.dataType());
        }
    }

    private static long elementStride(INDArray vector) {
        for (int d = 0; d < vector.rank(); d++) {
            if (vector.size(d) > 1) {
                return vector.stride(d);
            }
        }
        return 1;
    }
}
