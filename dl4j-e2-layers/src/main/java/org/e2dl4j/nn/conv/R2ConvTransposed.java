package org.e2dl4j.nn.conv;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.layers.Deconvolution2D;
import org.e2dl4j.nn.FieldType;

/**
 * Transposed G-steerable convolution (e2cnn's {@code R2ConvTransposed}) as a DL4J layer: the adjoint of a
 * convolution whose filter is a steerable kernel from {@code in} to {@code out}, upsampling
 * [N, in.size(), H, W] to [N, out.size(), H', W'] with H' = s(H-1) + d(k-1) + 1 - 2p (Truncate) or H s (Same).
 * Equivariant like {@link R2Conv}, since reversing a steerable kernel (K(-p)) keeps it steerable. It runs
 * libnd4j's {@code deconv2d} directly and exports to a stock {@code Deconvolution2D}.
 */
public class R2ConvTransposed extends AbstractR2Conv {

    private static final long serialVersionUID = 1L;

    /** For Jackson. */
    public R2ConvTransposed() {
    }

    private R2ConvTransposed(Builder b) {
        super(b);
    }

    @Override
    public ConvolutionKind kind() {
        return ConvolutionKind.TRANSPOSED;
    }

    /** A stock {@code Deconvolution2D} (filter [inC, outC, k, k], DL4J's deconvolution layout) of the same geometry. */
    @Override
    protected Deconvolution2D stockLayer(boolean hasBias) {
        int k = getKernelSize();
        return new Deconvolution2D.Builder(k, k).nIn(getInType().size()).nOut(getOutType().size())
                .stride(getStride(), getStride()).padding(getPadding(), getPadding())
                .dilation(getDilation(), getDilation()).convolutionMode(getPaddingMode()).dataFormat(CNN2DFormat.NCHW)
                .hasBias(hasBias).build();
    }

    /** Builder: {@code new R2ConvTransposed.Builder(in, out, kernelSize)}; options as {@link AbstractR2Conv.Builder}. */
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
        public R2ConvTransposed build() {
            return checked(new R2ConvTransposed(this));
        }
    }
}
