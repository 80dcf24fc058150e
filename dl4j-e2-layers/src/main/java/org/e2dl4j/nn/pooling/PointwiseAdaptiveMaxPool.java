package org.e2dl4j.nn.pooling;

import java.util.List;

import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.e2dl4j.math.repr.Nonlinearity;
import org.e2dl4j.nn.ExportedLayer;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.NonlinearitySupport;
import org.e2dl4j.nn.StockExport;

/**
 * Channel-wise adaptive max pooling (e2cnn's {@code PointwiseAdaptiveMaxPool}, PyTorch's
 * {@code adaptive_max_pool2d}): the output is oH x oW whatever the input size, output (i, j) the maximum over the
 * cells [floor(i H / oH), ceil((i + 1) H / oH)) x [floor(j W / oW), ceil((j + 1) W / oW)). The output type is the
 * input type; every field must support pointwise nonlinearities.
 *
 * <pre>
 *   new PointwiseAdaptiveMaxPool.Builder(type, 1).build()
 * </pre>
 * Exports to a stock {@code GlobalPoolingLayer} (1 x 1 output) or a {@code SubsamplingLayer} (when the
 * configured input size is a multiple of the output size); otherwise the export is refused.
 */
public class PointwiseAdaptiveMaxPool extends AbstractAdaptivePool {

    private static final long serialVersionUID = 1L;

    /** For Jackson. */
    protected PointwiseAdaptiveMaxPool() {
    }

    protected PointwiseAdaptiveMaxPool(Builder b) {
        super(b);
    }

    /** Every field supports pointwise nonlinearities (a permutation representation). */
    @Override
    protected void validate() {
        super.validate();
        NonlinearitySupport.requireAll(who(), getInType(), Nonlinearity.POINTWISE);
    }

    @Override
    public WindowPool.Kind kind() {
        return WindowPool.Kind.MAX;
    }

    /** Exports a {@link PointwiseAdaptiveMaxPool} as stock global or window max pooling where exact. */
    @Override
    public StockExport toStock(org.deeplearning4j.nn.api.Layer layer) {
        return StockExport.replacedBy(stockLayers(layer));
    }

    private List<ExportedLayer> stockLayers(org.deeplearning4j.nn.api.Layer layer) {
        return AdaptivePoolExport.export((PointwiseAdaptiveMaxPool) layer.conf().getLayer(), PoolingType.MAX);
    }

    /** Builds a {@link PointwiseAdaptiveMaxPool}: {@code new Builder(type, outputSize)}. */
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
        public PointwiseAdaptiveMaxPool build() {
            return checked(new PointwiseAdaptiveMaxPool(this));
        }
    }
}
