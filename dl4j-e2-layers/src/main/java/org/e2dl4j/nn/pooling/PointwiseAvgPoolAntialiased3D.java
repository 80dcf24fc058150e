package org.e2dl4j.nn.pooling;

import java.util.List;

import org.e2dl4j.nn.EquivariantLayer;
import org.e2dl4j.nn.ExportedLayer;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.StockExport;

/**
 * Anti-aliased channel-wise average pooling of NCDHW volumes (escnn's {@code PointwiseAvgPoolAntialiased3D}): every
 * channel is convolved with the 3D Gaussian of standard deviation sigma (filter size 2 round(3 sigma) + 1 on every
 * axis) with zero padding p (default (size - 1) / 2) and stride s; output size {@code floor((n + 2p - size) / s) + 1}
 * per axis. The blur is linear and the same for every channel, so every field type is accepted (as escnn); its
 * filter is invariant under the 48 signed permutations of the axes, so the layer commutes with the cube's rotations
 * and inversion when the strided windows cover the input symmetrically.
 *
 * <pre>
 *   new PointwiseAvgPoolAntialiased3D.Builder(type, 0.6, 2).build()
 * </pre>
 * Exports to a frozen stock {@code Convolution3D} holding the filter on the diagonal of its weights.
 */
public class PointwiseAvgPoolAntialiased3D extends PointwiseAvgPoolAntialiased {

    private static final long serialVersionUID = 1L;

    /** For Jackson. */
    protected PointwiseAvgPoolAntialiased3D() {
    }

    protected PointwiseAvgPoolAntialiased3D(Builder b) {
        super(b, b.sigma, b.stride, b.padding);
    }

    @Override
    protected int baseSpaceDimensionality() {
        return 3;
    }

    /** Exports as a frozen stock {@code Convolution3D} blurring every channel with the fixed filter. */
    @Override
    public StockExport toStock(org.deeplearning4j.nn.api.Layer layer) {
        return StockExport.replacedBy(stockLayers());
    }

    private List<ExportedLayer> stockLayers() {
        return List.of(StockPooling.fixedVolumeBlur(getLayerName(), getInType().size(), blur().volumeFilter(),
                getStride(), getPadding()));
    }

    /** Builds a {@link PointwiseAvgPoolAntialiased3D}: {@code new Builder(type, sigma, stride)}, then padding. */
    public static class Builder extends EquivariantLayer.Builder<Builder> {
        private final double sigma;
        private final int[] stride;
        private int[] padding;

        /**
         * @param sigma  standard deviation of the Gaussian in voxels, positive
         * @param stride subsampling stride along every axis
         */
        public Builder(FieldType inType, double sigma, int stride) {
            this(inType, sigma, stride, stride, stride);
        }

        /** As the other constructor, with a stride per axis (depth, height, width). */
        public Builder(FieldType inType, double sigma, int strideDepth, int strideHeight, int strideWidth) {
            super(inType);
            this.sigma = sigma;
            this.stride = new int[] {strideDepth, strideHeight, strideWidth};
        }

        /** Zero padding on both sides of every axis; default (size - 1) / 2, which keeps the size at stride 1. */
        public Builder padding(int padding) {
            return padding(padding, padding, padding);
        }

        /** Zero padding on both sides along depth, height and width. */
        public Builder padding(int paddingDepth, int paddingHeight, int paddingWidth) {
            this.padding = new int[] {paddingDepth, paddingHeight, paddingWidth};
            return this;
        }

        @Override
        @SuppressWarnings("unchecked")
        public PointwiseAvgPoolAntialiased3D build() {
            return checked(new PointwiseAvgPoolAntialiased3D(this));
        }
    }
}
