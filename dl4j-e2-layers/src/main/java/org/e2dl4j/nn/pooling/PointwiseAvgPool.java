package org.e2dl4j.nn.pooling;

import java.util.List;
import java.util.Map;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.e2dl4j.nn.ExportedLayer;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.StockExport;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Channel-wise average pooling (e2cnn's {@code PointwiseAvgPool}, PyTorch's {@code avg_pool2d}):
 * {@code y_c(o) = (sum over the window W(o) of x_c(q)) / |W(o)|}, where the zero padding counts in |W(o)| but the
 * ceil-mode overhang does not. The output type is the input type; no dilation (as e2cnn). The average is
 * linear and the same for every channel, so it commutes with any fiber representation: like e2cnn, every
 * field type is accepted.
 *
 * <pre>
 *   new PointwiseAvgPool.Builder(type, 2).build()
 * </pre>
 * Exports to a stock {@code SubsamplingLayer} (AVG, padding included in the divisor); ceil mode is refused
 * there.
 */
public class PointwiseAvgPool extends AbstractWindowPool {

    private static final long serialVersionUID = 1L;

    /** For Jackson. */
    protected PointwiseAvgPool() {
    }

    protected PointwiseAvgPool(AbstractWindowPool.Builder<?> b) {
        super(b);
    }

    /** No dilation (as e2cnn). */
    @Override
    protected void validate() {
        super.validate();
        if (java.util.Arrays.stream(getDilation()).anyMatch(d -> d != 1)) {
            throw new IllegalArgumentException(who() + ": average pooling has no dilation (as e2cnn's"
                    + " PointwiseAvgPool); got dilation " + java.util.Arrays.toString(getDilation()));
        }
    }

    @Override
    protected org.deeplearning4j.nn.api.Layer createLayer(NeuralNetConfiguration conf, DataType networkDataType) {
        return new PointwisePoolLayer(conf, networkDataType, WindowPool.Kind.AVG);
    }

    /**
    * Exports a {@link PointwiseAvgPool} as a stock {@code SubsamplingLayer} (AVG, padding counted in the divisor as
    * in PyTorch) with the same window.
    */
    @Override
    public StockExport toStock(org.deeplearning4j.nn.api.Layer layer) {
        return StockExport.replacedBy(stockLayers(layer));
    }

    private List<ExportedLayer> stockLayers(org.deeplearning4j.nn.api.Layer layer) {
        return List.of(new ExportedLayer(StockPooling.subsampling(this, PoolingType.AVG, geometry()), Map.of()));
    }

    /** Builds a {@link PointwiseAvgPool}: {@code new Builder(type, kernelSize)} then stride, padding, ceil mode. */
    public static class Builder extends AbstractWindowPool.Builder<Builder> {

        /** A square kernel. */
        public Builder(FieldType inType, int kernelSize) {
            super(inType, kernelSize, kernelSize);
        }

        /** A kernel of the given height and width. */
        public Builder(FieldType inType, int kernelHeight, int kernelWidth) {
            super(inType, kernelHeight, kernelWidth);
        }

        @Override
        @SuppressWarnings("unchecked")
        public PointwiseAvgPool build() {
            return checked(new PointwiseAvgPool(this));
        }
    }
}
