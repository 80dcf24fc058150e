package org.e2dl4j.nn.conv;

import java.util.ArrayList;
import java.util.List;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Expands the weights of a steerable layer into its dense filter, and dL/dfilter back into dL/dweights,
 * with ND4J matrix ops over the shared per-pair bases. The kernel has K = k^d points (k x k on the plane, k x k x k
 * in space), in the row-major order of the filter's spatial axes. For a pair with nOut x nIn occurrences of an
 * (o x i) block and a basis B [dim, o*i*K]:
 * <pre>
 *   forward:  P = W_pair [nOut*nIn, dim] x B,  filter[out channels, in channels] &lt;- P as [nOut, o, nIn, i, K]
 *   backward: dW_pair = G [nOut*nIn, o*i*K] x B^T, with G the same blocks read from dL/dfilter
 * </pre>
 * The blocks are placed with strided views: one assignment per run of evenly spaced occurrences (all of a
 * pair's fields, when they are contiguous or regularly interleaved). With {@code groups > 1} the weights
 * describe e2cnn's grouped filter (each output group sees its own input group) and are placed on the
 * block diagonal of a dense [outC, inC] filter, whose other entries stay zero.
 *
 * <p>Every array (bases, products, the filter and its gradient buffer) is allocated once, outside any
 * workspace, in the layer's data type; expanding and back-propagating allocate nothing.
 */
final class FilterExpansion {

    private final List<PairExpansion> pairs = new ArrayList<>();
    private final INDArray filter;
    private final INDArray gradFilter;

    /**
     * @param blocks      the pairs of the layer's basis (input starts relative to one group)
     * @param inChannels  input channels (all groups)
     * @param outChannels output channels (all groups)
     * @param kernelSize  k
     * @param dimensions  d, the spatial dimensions of the filter (2 or 3)
     * @param groups      number of groups dividing both channel counts
     * @param kind        decides the filter layout ([outC, inC, k^d] or [inC, outC, k^d])
     * @param dataType    the layer's data type
     */
    @SuppressWarnings("try")
    FilterExpansion(List<ExpansionBlock> blocks, int inChannels, int outChannels, int kernelSize, int dimensions,
                    int groups, ConvolutionKind kind, DataType dataType) {
        int kk = 1;
        for (int axis = 0; axis < dimensions; axis++) {
            kk *= kernelSize;
        }
        int inPerGroup = inChannels / groups;
        int outPerGroup = outChannels / groups;
        long outStride = kind.outChannelStride(inChannels, outChannels, kk);
        long inStride = kind.inChannelStride(inChannels, outChannels, kk);
        try (MemoryWorkspace ignored = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
            long[] shape = kind.filterShape(inChannels, outChannels, kernelSize, dimensions);
            this.filter = Nd4j.zeros(dataType, shape);
            this.gradFilter = Nd4j.zeros(dataType, shape);
            for (ExpansionBlock b : blocks) {
                int[] outGroup = new int[b.outStarts().length];
                for (int a = 0; a < outGroup.length; a++) {
                    checkBlock(b.outStarts()[a], b.outSize(), outChannels, "output");
                    outGroup[a] = b.outStarts()[a] / outPerGroup;
                    if ((b.outStarts()[a] + b.outSize() - 1) / outPerGroup != outGroup[a]) {
                        throw new IllegalArgumentException("output field at channel " + b.outStarts()[a]
                                + " crosses a group boundary (" + outPerGroup + " channels per group)");
                    }
                }
                for (int in : b.inStarts()) {
                    checkBlock(in, b.inSize(), inPerGroup, "input (per group)");
                }
                pairs.add(new PairExpansion(b, outGroup, inPerGroup, kk, outStride, inStride, dataType));
            }
        }
    }

    private static void checkBlock(int start, int size, int channels, String side) {
        if (start < 0 || start + size > channels) {
            throw new IllegalArgumentException(side + " field at channel " + start + " of size " + size
                    + " lies outside the " + channels + " channels");
        }
    }

    /** The dense filter the last {@link #expand} wrote (owned by this object, overwritten by the next call). */
    INDArray filter() {
        return filter;
    }

    /** The buffer the convolution's backward op writes dL/dfilter into, read by {@link #backprop}. */
    INDArray gradientBuffer() {
        return gradFilter;
    }

    /** Writes the filter for the given weights (a contiguous vector in the basis' layout). */
    void expand(INDArray weights) {
        for (PairExpansion p : pairs) {
            Nd4j.gemm(p.weightMatrix(weights), p.basis, p.product, false, false, 1.0, 0.0);
            for (Placement pl : p.placements) {
                pl.filterBlock.assign(pl.productBlock);
            }
        }
    }

    /** Writes dL/dweights (a contiguous vector, every entry overwritten) from the gradient buffer. */
    void backprop(INDArray gradWeights) {
        for (PairExpansion p : pairs) {
            for (Placement pl : p.placements) {
                pl.gradProductBlock.assign(pl.gradFilterBlock);
            }
            Nd4j.gemm(p.gradProduct, p.basis, p.weightMatrix(gradWeights), false, true, 1.0, 0.0);
        }
    }

    /** One pair: its basis matrix, product buffers and the strided views that place them. */
    private final class PairExpansion {
        private final INDArray basis;
        private final INDArray product;
        private final INDArray gradProduct;
        private final int weightOffset;
        private final int rows;
        private final int dimension;
        private final List<Placement> placements = new ArrayList<>();

        PairExpansion(ExpansionBlock b, int[] outGroup, int inPerGroup, int kk, long outStride, long inStride,
                      DataType dataType) {
            int nOut = b.outStarts().length;
            int nIn = b.inStarts().length;
            int o = b.outSize();
            int i = b.inSize();
            long cols = (long) o * i * kk;
            if (b.basis().length != b.dimension() * cols) {
                throw new IllegalArgumentException("basis of a " + o + " x " + i + " block has " + b.basis().length
                        + " values, expected " + b.dimension() + " x " + cols);
            }
            this.weightOffset = b.weightOffset();
            this.rows = nOut * nIn;
            this.dimension = b.dimension();
            this.basis = Nd4j.createFromArray(b.basis()).castTo(dataType).reshape('c', b.dimension(), cols);
            this.product = Nd4j.zeros(dataType, rows, cols);
            this.gradProduct = Nd4j.zeros(dataType, rows, cols);
            for (int[] outRun : runs(b.outStarts(), outGroup)) {
                for (int[] inRun : runs(b.inStarts(), new int[nIn])) {
                    int a0 = outRun[0];
                    int b0 = inRun[0];
                    long[] shape = {outRun[1] - a0, inRun[1] - b0, o, i, kk};
                    long[] filterStrides = {outRun[2] * outStride, inRun[2] * inStride, outStride, inStride, 1};
                    long filterOffset = b.outStarts()[a0] * outStride
                            + ((long) outGroup[a0] * inPerGroup + b.inStarts()[b0]) * inStride;
                    long[] productStrides = {nIn * cols, cols, (long) i * kk, kk, 1};
                    long productOffset = ((long) a0 * nIn + b0) * cols;
                    placements.add(new Placement(
                            view(product, productOffset, shape, productStrides),
                            view(filter, filterOffset, shape, filterStrides),
                            view(gradProduct, productOffset, shape, productStrides),
                            view(gradFilter, filterOffset, shape, filterStrides)));
                }
            }
        }

        /** The pair's slice of a weight (or weight-gradient) vector as a [nOut*nIn, dim] matrix view. */
        INDArray weightMatrix(INDArray vector) {
            return vector.get(NDArrayIndex.interval(weightOffset, weightOffset + (long) rows * dimension))
                    .reshape('c', rows, dimension);
        }
    }

    /** A block of a product buffer and where it sits in the filter, for values and for gradients. */
    private record Placement(INDArray productBlock, INDArray filterBlock, INDArray gradProductBlock,
                             INDArray gradFilterBlock) {
    }

    private static INDArray view(INDArray base, long offset, long[] shape, long[] strides) {
        return Nd4j.create(base.data(), shape, strides, base.offset() + offset, 'c', base.dataType());
    }

    /**
     * Splits occurrence indices into maximal runs of evenly spaced channel starts within one group: each
     * run is {from, to (exclusive), channel step}.
     */
    static List<int[]> runs(int[] starts, int[] group) {
        List<int[]> runs = new ArrayList<>();
        int from = 0;
        while (from < starts.length) {
            int to = from + 1;
            int step = 0;
            if (to < starts.length && group[to] == group[from]) {
                step = starts[to] - starts[from];
                while (to < starts.length && group[to] == group[from] && starts[to] - starts[to - 1] == step) {
                    to++;
                }
            }
            runs.add(new int[] {from, to, step});
            from = to;
        }
        return runs;
    }
}
