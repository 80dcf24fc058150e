package org.e2dl4j.nn.pooling;

import java.util.List;

import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.e2dl4j.nn.ExportedLayer;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.StockExport;

/**
 * Channel-wise adaptive average pooling (e2cnn's {@code PointwiseAdaptiveAvgPool}, PyTorch's
 * {@code adaptive_avg_pool2d}): the output is oH x oW whatever the input size, output (i, j) averaging the cells
 * [floor(i H / oH), ceil((i + 1) H / oH)) x [floor(j W / oW), ceil((j + 1) W / oW)); these windows are symmetric
 * under the grid's rotations and flips. The output type is the input type. The average is linear and the same
 * for every channel, so every field type is accepted (e2cnn asks for pointwise support here, though not in
 * its other average poolings).
 *
 * <pre>
 *   new PointwiseAdaptiveAvgPool.Builder(type, 1).build()
 * </pre>
 * Exports to a stock {@code GlobalPoolingLayer} (1 x 1 output) or a {@code SubsamplingLayer} (when the
 * configured input size is a multiple of the output size); otherwise the export is refused.
 */
public class PointwiseAdaptiveAvgPool extends AbstractAdaptivePool {

    private static final long serialVersionUID = 1L;

    /** For Jackson. */
    protected PointwiseAdaptiveAvgPool() {
    }

    protected PointwiseAdaptiveAvgPool(Builder b) {
        super(b);
    }

    @Override
    public WindowPool.Kind kind() {
        return WindowPool.Kind.AVG;
    }

    /** Exports a {@link PointwiseAdaptiveAvgPool} as stock global or window average pooling where exact. */
    @Override
    public StockExport toStock(org.deeplearning4j.nn.api.Layer layer) {
        return StockExport.replacedBy(stockLayers(layer));
    }

    private List<ExportedLayer> stockLayers(org.deeplearning4j.nn.api.Layer layer) {
        return AdaptivePoolExport.export((PointwiseAdaptiveAvgPool) layer.conf().getLayer(), PoolingType.AVG);
    }

    /** Builds a {@link PointwiseAdaptiveAvgPool}: {@code new Builder(type, outputSize)}. */
    public static class Builder extends AbstractAdaptivePool.Builder<Builder> {

        /** A square output size. */
        public Builder(FieldType inType, int outputSize) {
            super(inType, outputSize, outputSize);
        }

        /** An output of the given height and width. */
        public Builder(FieldType inType, int outputHeight, int outputWidth) {
            super(inType, outputHeight, outputWidth);
        }

        @Override
        @SuppressWarnings("unchecked")
        public PointwiseAdaptiveAvgPool build() {
            return checked(new PointwiseAdaptiveAvgPool(this));
        }
    }
}
