package org.e2dl4j.nn.pooling;

import java.util.List;
import java.util.Map;

import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.e2dl4j.nn.ExportedLayer;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.StockExport;

/**
 * Channel-wise max pooling of NCDHW volumes (escnn's {@code PointwiseMaxPool3D}, PyTorch's {@code max_pool3d}):
 * {@code y_c(o) = max over the 3D window W(o) of x_c(q)}, padding ignored; {@link PointwiseMaxPool} with a window of
 * depth, height and width, on a field type of a 3D G-space. Every field must support pointwise nonlinearities
 * (a permutation representation). Equivariant on the grid's rotations (and inversion) when the windows tile the
 * input symmetrically (a cubic window whose strides cover the input exactly).
 *
 * <pre>
 *   new PointwiseMaxPool3D.Builder(type, 2).build()
 * </pre>
 * Exports to a stock {@code Subsampling3DLayer} (MAX); ceil mode and dilation have no stock equivalent and are
 * refused there.
 */
public class PointwiseMaxPool3D extends PointwiseMaxPool {

    private static final long serialVersionUID = 1L;

    /** For Jackson. */
    protected PointwiseMaxPool3D() {
    }

    protected PointwiseMaxPool3D(Builder b) {
        super(b);
    }

    @Override
    protected int baseSpaceDimensionality() {
        return 3;
    }

    /** Exports a {@link PointwiseMaxPool3D} as a stock {@code Subsampling3DLayer} (MAX) with the same window. */
    @Override
    public StockExport toStock(org.deeplearning4j.nn.api.Layer layer) {
        return StockExport.replacedBy(stockLayers());
    }

    private List<ExportedLayer> stockLayers() {
        return List.of(new ExportedLayer(StockPooling.subsampling3D(this, PoolingType.MAX, geometry()), Map.of()));
    }

    /** Builds a {@link PointwiseMaxPool3D}: {@code new Builder(type, kernelSize)} then the window options. */
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
        public PointwiseMaxPool3D build() {
            return checked(new PointwiseMaxPool3D(this));
        }
    }
}
