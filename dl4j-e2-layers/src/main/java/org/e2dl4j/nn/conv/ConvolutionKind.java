package org.e2dl4j.nn.conv;

import java.util.ArrayList;
import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Which libnd4j operation a steerable layer runs, called directly (NCHW data, channels-first weights) so
 * that CPU builds reach oneDNN: a convolution ({@code conv2d}, filter [outC, inC, k, k]) or a transposed
 * convolution ({@code deconv2d}, filter [inC, outC, k, k]). Both take an optional bias [outC].
 */
public enum ConvolutionKind {

    /** {@code y = x * K + b} (cross-correlation), filter [outC, inC, k, k]. */
    CONVOLUTION("conv2d", "conv2d_bp") {
        @Override
        public long outputSize(ConvGeometry g, long n) {
            return g.outputSize(n);
        }

        @Override
        long[] filterShape(int inChannels, int outChannels, int k) {
            return new long[] {outChannels, inChannels, k, k};
        }
    },

    /** The adjoint of a convolution with a filter [inC, outC, k, k], upsampling by the stride. */
    TRANSPOSED("deconv2d", "deconv2d_bp") {
        @Override
        public long outputSize(ConvGeometry g, long n) {
            return g.transposedOutputSize(n);
        }

        @Override
        long[] filterShape(int inChannels, int outChannels, int k) {
            return new long[] {inChannels, outChannels, k, k};
        }
    };

    private final String forwardOp;
    private final String backwardOp;

    ConvolutionKind(String forwardOp, String backwardOp) {
        this.forwardOp = forwardOp;
        this.backwardOp = backwardOp;
    }

    /** Spatial output size for input size n (IllegalArgumentException if the output would be empty). */
    public abstract long outputSize(ConvGeometry g, long n);

    /** Shape of the filter the op takes. */
    abstract long[] filterShape(int inChannels, int outChannels, int k);

    /** Element stride between consecutive output channels in the filter. */
    long outChannelStride(int inChannels, int outChannels, int k) {
        return this == CONVOLUTION ? (long) inChannels * k * k : (long) k * k;
    }

    /** Element stride between consecutive input channels in the filter. */
    long inChannelStride(int inChannels, int outChannels, int k) {
        return this == CONVOLUTION ? (long) k * k : (long) outChannels * k * k;
    }

    /**
     * Runs the forward op into {@code out}; {@code bias} may be null. A dilated geometry runs as the undilated
     * convolution with the filter's taps spread d apart ({@link ConvGeometry#undilated}): oneDNN builds of libnd4j
     * M2.1 refuse dilated primitives ("could not create a descriptor for a dilated convolution").
     */
    void forward(INDArray x, INDArray filter, INDArray bias, INDArray out, ConvGeometry g) {
        INDArray runFilter = g.dilation() > 1 ? spread(filter, g.dilation()) : filter;
        ConvGeometry run = g.dilation() > 1 ? g.undilated() : g;
        Nd4j.exec(DynamicCustomOp.builder(forwardOp).addInputs(inputs(x, runFilter, bias, null))
                .addOutputs(out).addIntegerArguments(run.opArguments()).build());
    }

    /**
     * Runs the backward op: from dL/dy ({@code gradOut}) into dL/dx, dL/dfilter and (when {@code bias} is not
     * null) dL/dbias.
     */
    void backward(INDArray x, INDArray filter, INDArray bias, INDArray gradOut, INDArray gradX, INDArray gradFilter,
                  INDArray gradBias, ConvGeometry g) {
        int d = g.dilation();
        INDArray runFilter = d > 1 ? spread(filter, d) : filter;
        INDArray runGradFilter = d > 1 ? Nd4j.createUninitialized(runFilter.dataType(), runFilter.shape()) : gradFilter;
        INDArray[] outputs = bias == null
                ? new INDArray[] {gradX, runGradFilter}
                : new INDArray[] {gradX, runGradFilter, gradBias};
        Nd4j.exec(DynamicCustomOp.builder(backwardOp).addInputs(inputs(x, runFilter, bias, gradOut))
                .addOutputs(outputs).addIntegerArguments((d > 1 ? g.undilated() : g).opArguments()).build());
        if (d > 1) {
            gradFilter.assign(taps(runGradFilter, d));
        }
    }

    /** The filter [a, b, k, k] with its taps d apart: [a, b, d(k-1)+1, d(k-1)+1], zero between the taps. */
    private static INDArray spread(INDArray filter, int d) {
        long k = filter.size(2);
        long span = d * (k - 1) + 1;
        INDArray spread = Nd4j.zeros(filter.dataType(), filter.size(0), filter.size(1), span, span);
        taps(spread, d).assign(filter);
        return spread;
    }

    /** The view of the taps d apart of a spread filter (the entries of the dilated kernel). */
    private static INDArray taps(INDArray spread, int d) {
        return spread.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(0, d, spread.size(2)),
                NDArrayIndex.interval(0, d, spread.size(3)));
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
