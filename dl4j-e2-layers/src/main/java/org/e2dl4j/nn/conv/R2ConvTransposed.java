package org.e2dl4j.nn.conv;

import java.util.List;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.layers.Deconvolution2D;
import org.e2dl4j.nn.ExportedLayer;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.StockExport;

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

    /** Builder: {@code new R2ConvTransposed.Builder(in, out, kernelSize)}; options as {@link AbstractR2Conv.Builder}. */
    @SuppressWarnings("unchecked")

    /**
     * Exports an {@link R2ConvTransposed} as a stock {@code Deconvolution2D} holding its expanded filter
     * ([inC, outC, k, k], DL4J's deconvolution layout) and bias.
     */
    @Override
    public StockExport toStock(org.deeplearning4j.nn.api.Layer layer) {
        return StockExport.replacedBy(stockLayers(layer));
    }

    private List<ExportedLayer> stockLayers(org.deeplearning4j.nn.api.Layer layer) {
        R2ConvLayer conv = (R2ConvLayer) layer;
        AbstractR2Conv c = (AbstractR2Conv) layer.conf().getLayer();
        int k = c.getKernelSize();
        Deconvolution2D stock = new Deconvolution2D.Builder(k, k).nIn(c.getInType().size())
                .nOut(c.getOutType().size()).stride(c.getStride(), c.getStride())
                .padding(c.getPadding(), c.getPadding()).dilation(c.getDilation(), c.getDilation())
                .convolutionMode(c.getPaddingMode()).dataFormat(CNN2DFormat.NCHW).hasBias(conv.hasBias()).build();
        return List.of(ExportedLayer.replacing(c, stock, R2Conv.stockParams(conv)));
    }

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
