package org.e2dl4j.nn.conv;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.e2dl4j.nn.Export;
import org.e2dl4j.nn.FieldType;

/**
 * G-steerable convolution on the plane (e2cnn's {@code R2Conv}) as a DL4J layer: maps a feature map of
 * type {@code in} [N, in.size(), H, W] to one of type {@code out} [N, out.size(), H', W'] by
 * {@code y = x * K + b} with a filter {@code K = sum_w weight_w * basis_w} from the steerable kernel basis, so
 * that {@code f(g.x) = g.f(x)} for every element g of the G-space's group (exactly on grid-preserving ones).
 * H' = floor((H + 2p - d(k-1) - 1) / s) + 1 (Truncate), ceil(H / s) (Same). The padding is zeros or, as e2cnn's
 * {@code padding_mode}, reflected, replicated or circular ({@link PaddingMode}).
 *
 * <pre>
 *   new R2Conv.Builder(FieldType.trivial(gs, 3), FieldType.regular(gs, 8), 5).padding(2).build()
 * </pre>
 * The filter is expanded with ND4J matrix ops and run through libnd4j's {@code conv2d} directly (oneDNN on
 * CPU); in inference it is cached until the parameters change. {@link Export} turns it into a stock
 * {@code ConvolutionLayer}.
 */
public class R2Conv extends AbstractR2Conv {

    private static final long serialVersionUID = 1L;

    /** For Jackson. */
    public R2Conv() {
    }

    private R2Conv(Builder b) {
        super(b);
    }

    @Override
    public ConvolutionKind kind() {
        return ConvolutionKind.CONVOLUTION;
    }

    /** A stock {@code ConvolutionLayer} of the same geometry. */
    @Override
    protected ConvolutionLayer stockLayer(boolean hasBias) {
        return stockConvolution(this, hasBias);
    }

    /** The stock {@code ConvolutionLayer} of a convolution's channels and geometry. */
    static ConvolutionLayer stockConvolution(AbstractR2Conv conv, boolean hasBias) {
        int k = conv.getKernelSize();
        return new ConvolutionLayer.Builder(k, k).nIn(conv.getInType().size()).nOut(conv.getOutType().size())
                .stride(conv.getStride(), conv.getStride()).padding(conv.getPadding(), conv.getPadding())
                .dilation(conv.getDilation(), conv.getDilation()).convolutionMode(conv.getConvolutionMode())
                .dataFormat(CNN2DFormat.NCHW).hasBias(hasBias).build();
    }

    /** Builder: {@code new R2Conv.Builder(in, out, kernelSize)}; see {@link AbstractR2Conv.Builder} for the options. */
    @SuppressWarnings("unchecked")
    public static class Builder extends AbstractR2Conv.Builder<Builder> {

        /**
         * @param in         input field type
         * @param out        output field type, on the same G-space
         * @param kernelSize k of the k x k kernel
         */
        public Builder(FieldType in, FieldType out, int kernelSize) {
            super(in, out, kernelSize);
        }

        @Override
        public R2Conv build() {
            return checked(new R2Conv(this));
        }
    }
}
