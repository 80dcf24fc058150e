package org.e2dl4j.nn.pooling;

import java.util.List;
import java.util.Map;

import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.e2dl4j.nn.ExportedLayer;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.StockExport;

/**
 * Channel-wise average pooling of NCDHW volumes (escnn's {@code PointwiseAvgPool3D}, PyTorch's {@code avg_pool3d}):
 * {@code y_c(o) = (sum over the 3D window W(o) of x_c(q)) / |W(o)|}, the zero padding counted in |W(o)|, the
 * ceil-mode overhang not; {@link PointwiseAvgPool} with a window of depth, height and width, on a field type of a 3D
 * G-space. Linear and the same on every channel, so every field type is accepted (as escnn); no dilation.
 *
 * <pre>
 *   new PointwiseAvgPool3D.Builder(type, 2).build()
 * </pre>
 * Exports to a stock {@code Subsampling3DLayer} (AVG) without padding and ceil mode; with them it is refused (the
 * stock layer's divisor leaves the padding out).
 */
public class PointwiseAvgPool3D extends PointwiseAvgPool {

    private static final long serialVersionUID = 1L;

    /** For Jackson. */
    protected PointwiseAvgPool3D() {
    }

    protected PointwiseAvgPool3D(Builder b) {
        super(b);
    }

    @Override
    protected int baseSpaceDimensionality() {
        return 3;
    }

    /** Exports a {@link PointwiseAvgPool3D} as a stock {@code Subsampling3DLayer} (AVG) with the same window. */
    @Override
    public StockExport toStock(org.deeplearning4j.nn.api.Layer layer) {
        return StockExport.replacedBy(stockLayers());
    }

    private List<ExportedLayer> stockLayers() {
        return List.of(new ExportedLayer(StockPooling.subsampling3D(this, PoolingType.AVG, geometry()), Map.of()));
    }

    /** Builds a {@link PointwiseAvgPool3D}: {@code new Builder(type, kernelSize)} then stride, padding, ceil mode. */
    public static class Builder extends AbstractWindowPool.Builder<Builder> {

        /** A cubic kernel. */
        public Builder(FieldType inType, int kernelSize) {
            super(inType, new int[] {kernelSize, kernelSize, kernelSize});
        }

        /** A kernel of the given depth, height and width. */
        public Builder(FieldType inType, int kernelDepth, int kernelHeight, int kernelWidth) {
            super(inType, new int[] {kernelDepth, kernelHeight, kernelWidth});
        }

        @Override
        @SuppressWarnings("unchecked")
        public PointwiseAvgPool3D build() {
            return checked(new PointwiseAvgPool3D(this));
        }
    }
}
