package org.e2dl4j.nn.conv;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Which libnd4j operation a steerable layer runs, called directly (channels-first data NCHW / NCDHW,
 * channels-first weights) so that CPU builds reach oneDNN where libnd4j has it: a convolution ({@code conv2d} on
 * the plane, {@code conv3dnew} in space; filter [outC, inC, k, k(, k)]) or a transposed convolution
 * ({@code deconv2d}, {@code deconv3d}; filter [inC, outC, k, k(, k)]). Both take an optional bias [outC]. The
 * number of spatial dimensions d (2 or 3) is the data's rank minus 2.
 */
public enum ConvolutionKind {

    /** {@code y = x * K + b} (cross-correlation), filter [outC, inC, k...]. */
    CONVOLUTION("conv2d", "conv2d_bp", "conv3dnew", "conv3dnew_bp") {
        @Override
        public long outputSize(ConvGeometry g, long n) {
            return g.outputSize(n);
        }
    },

    /** The adjoint of a convolution with a filter [inC, outC, k...], upsampling by the stride. */
    TRANSPOSED("deconv2d", "deconv2d_bp", "deconv3d", "deconv3d_bp") {
        @Override
        public long outputSize(ConvGeometry g, long n) {
            return g.transposedOutputSize(n);
        }
    };

    private final String[] forwardOps;
    private final String[] backwardOps;

    ConvolutionKind(String forward2d, String backward2d, String forward3d, String backward3d) {
        this.forwardOps = new String[] {forward2d, forward3d};
        this.backwardOps = new String[] {backward2d, backward3d};
    }

    /** Spatial output size for input size n (IllegalArgumentException if the output would be empty). */
    public abstract long outputSize(ConvGeometry g, long n);

    /** Shape of the filter the op takes for d spatial dimensions: [outC, inC, k^d] or [inC, outC, k^d]. */
    long[] filterShape(int inChannels, int outChannels, int k, int dimensions) {
        long[] shape = new long[2 + dimensions];
        shape[0] = this == CONVOLUTION ? outChannels : inChannels;
        shape[1] = this == CONVOLUTION ? inChannels : outChannels;
        Arrays.fill(shape, 2, shape.length, k);
        return shape;
    }

    /** Element stride between consecutive output channels in a filter of {@code kernelPoints} (k^d) taps. */
    long outChannelStride(int inChannels, int outChannels, long kernelPoints) {
        return this == CONVOLUTION ? inChannels * kernelPoints : kernelPoints;
    }

    /** Element stride between consecutive input channels in a filter of {@code kernelPoints} (k^d) taps. */
    long inChannelStride(int inChannels, int outChannels, long kernelPoints) {
        return this == CONVOLUTION ? kernelPoints : outChannels * kernelPoints;
    }

    /**
     * Runs the forward op into {@code out}; {@code bias} may be null. A dilated geometry runs as the undilated
     * convolution with the filter's taps spread d apart ({@link ConvGeometry#undilated}): oneDNN builds of libnd4j
     * M2.1 refuse dilated primitives in float ("could not create a descriptor for a dilated convolution", in 2D and
     * in 3D).
     *
     * <p>A planar float convolution writes into a channels-last (NHWC) buffer of {@code working} memory, seen as
     * NCHW through strides, and copies it into {@code out}: oneDNN's kernel computes in NHWC, and libnd4j, given a
     * c-ordered NCHW output, first reorders that output's uninitialized contents into NHWC and afterwards reorders
     * the result back, two passes slower than the one copy (64 x 48 -> 96, 25 x 25, k 5: 30.5 -> 25.4 ms; BENCHMARKS.md).
     */
    void forward(INDArray x, INDArray filter, INDArray bias, INDArray out, ConvGeometry g, LayerWorkspaceMgr ws,
                 ArrayType working) {
        int dimensions = spatialDimensions(x);
        INDArray runFilter = g.dilation() > 1 ? spread(filter, g.dilation()) : filter;
        ConvGeometry run = g.dilation() > 1 ? g.undilated() : g;
        boolean channelsLast = this == CONVOLUTION && dimensions == 2 && out.dataType() == DataType.FLOAT;
        INDArray target = channelsLast
                ? ws.createUninitialized(working, out.dataType(),
                        new long[] {out.size(0), out.size(2), out.size(3), out.size(1)}, 'c').permute(0, 3, 1, 2)
                : out;
        Nd4j.exec(DynamicCustomOp.builder(forwardOps[dimensions - 2]).addInputs(inputs(x, runFilter, bias, null))
                .addOutputs(target).addIntegerArguments(run.opArguments(dimensions)).build());
        if (channelsLast) {
            out.assign(target);
        }
    }

    /**
     * Runs the backward op: from dL/dy ({@code gradOut}) into dL/dx, dL/dfilter and (when {@code bias} is not
     * null) dL/dbias.
     */
    void backward(INDArray x, INDArray filter, INDArray bias, INDArray gradOut, INDArray gradX, INDArray gradFilter,
                  INDArray gradBias, ConvGeometry g) {
        int dimensions = spatialDimensions(x);
        int d = g.dilation();
        INDArray runFilter = d > 1 ? spread(filter, d) : filter;
        INDArray runGradFilter = d > 1 ? Nd4j.createUninitialized(runFilter.dataType(), runFilter.shape()) : gradFilter;
        INDArray[] outputs = bias == null
                ? new INDArray[] {gradX, runGradFilter}
                : new INDArray[] {gradX, runGradFilter, gradBias};
        Nd4j.exec(DynamicCustomOp.builder(backwardOps[dimensions - 2]).addInputs(inputs(x, runFilter, bias, gradOut))
                .addOutputs(outputs).addIntegerArguments((d > 1 ? g.undilated() : g).opArguments(dimensions)).build());
        if (d > 1) {
            gradFilter.assign(taps(runGradFilter, d));
        }
    }

    /**
     * dL/dfilter (and dL/dbias when {@code gradBias} is not null) alone, for a layer whose input needs no gradient. A
     * planar convolution at stride 1 without dilation, in explicit padding, runs as one forward {@code conv2d} with
     * the roles of batch and channels swapped, {@code dL/dK[o, i] = sum_n x[n, i] (*) dL/dy[n, o]} (a correlation of
     * the padded input with dL/dy, which is the output's k x k window): x as [inC, N, H, W], dL/dy as the [outC, N,
     * H', W'] filter, the result [inC, outC, k, k]; 3-5x faster than the backward op, which also computes dL/dx (first
     * layer of the C8 model, 64 x 1 x 29 x 29 to 48 channels, k = 7: 20 ms against 4-6 ms). Any other geometry runs
     * the backward op into a working dL/dx that is dropped.
     */
    void filterGradient(INDArray x, INDArray filter, INDArray bias, INDArray gradOut, INDArray gradFilter,
                        INDArray gradBias, ConvGeometry g, LayerWorkspaceMgr ws) {
        if (this != CONVOLUTION || x.rank() != 4 || g.stride() != 1 || g.dilation() != 1
                || g.mode() == ConvolutionMode.Same) {
            INDArray unusedGradX = ws.createUninitialized(ArrayType.BP_WORKING_MEM, x.dataType(), x.shape(), 'c');
            backward(x, filter, bias, gradOut, unusedGradX, gradFilter, gradBias, g);
            return;
        }
        INDArray channelsFirst = swapBatchAndChannels(x, ws);
        INDArray gradOutFirst = swapBatchAndChannels(gradOut, ws);
        long inC = x.size(1);
        long outC = gradOut.size(1);
        INDArray swapped = ws.createUninitialized(ArrayType.BP_WORKING_MEM, x.dataType(),
                new long[] {inC, outC, filter.size(2), filter.size(3)}, 'c');
        int p = g.padding();
        Nd4j.exec(DynamicCustomOp.builder(forwardOps[0]).addInputs(channelsFirst, gradOutFirst).addOutputs(swapped)
                .addIntegerArguments(Math.toIntExact(gradOut.size(2)), Math.toIntExact(gradOut.size(3)), 1, 1, p, p, 1, 1,
                        0, 0, 1).build());
        gradFilter.assign(swapped.permute(1, 0, 2, 3));
        if (gradBias != null) {
            gradOutFirst.reshape('c', outC, gradOutFirst.length() / outC).sum(gradBias.reshape(outC), 1);
        }
    }

    /** A [N, C, H, W] array as the c-ordered [C, N, H, W] (a copy in BP working memory, or a view when C is 1). */
    private static INDArray swapBatchAndChannels(INDArray a, LayerWorkspaceMgr ws) {
        if (a.size(1) == 1 && a.ordering() == 'c' && a.elementWiseStride() == 1) {
            return a.reshape('c', 1, a.size(0), a.size(2), a.size(3));
        }
        INDArray swapped = ws.createUninitialized(ArrayType.BP_WORKING_MEM, a.dataType(),
                new long[] {a.size(1), a.size(0), a.size(2), a.size(3)}, 'c');
        return swapped.assign(a.permute(1, 0, 2, 3));
    }

    /** d of NCHW (2) or NCDHW (3) data. */
    private static int spatialDimensions(INDArray x) {
        int dimensions = x.rank() - 2;
        if (dimensions != 2 && dimensions != 3) {
            throw new IllegalArgumentException("expected NCHW or NCDHW data (rank 4 or 5), got shape "
                    + Arrays.toString(x.shape()));
        }
        return dimensions;
    }

    /**
     * The filter [a, b, k...] with its taps d apart: [a, b, d(k-1)+1 ...], zero between the taps (a new array; for
     * d = 1 a copy).
     */
    static INDArray spread(INDArray filter, int d) {
        long[] shape = filter.shape().clone();
        for (int axis = 2; axis < shape.length; axis++) {
            shape[axis] = d * (shape[axis] - 1) + 1;
        }
        INDArray spread = Nd4j.zeros(filter.dataType(), shape);
        taps(spread, d).assign(filter);
        return spread;
    }

    /** The view of the taps d apart of a spread filter (the entries of the dilated kernel). */
    private static INDArray taps(INDArray spread, int d) {
        INDArrayIndex[] index = new INDArrayIndex[spread.rank()];
        index[0] = NDArrayIndex.all();
        index[1] = NDArrayIndex.all();
        for (int axis = 2; axis < index.length; axis++) {
            index[axis] = NDArrayIndex.interval(0, d, spread.size(axis));
        }
        return spread.get(index);
    }

    private static INDArray[] inputs(INDArray x, INDArray filter, INDArray bias, INDArray gradOut) {
        List<INDArray> in = new ArrayList<>(4);
        in.add(x);
        in.add(filter);
        if (bias != null) {
            in.add(bias);
        }
        if (gradOut != null) {
            in.add(gradOut);
        }
        return in.toArray(new INDArray[0]);
    }
}
