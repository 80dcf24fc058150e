package org.e2dl4j.nn.pooling;

import java.util.List;
import java.util.Map;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.e2dl4j.math.repr.Nonlinearity;
import org.e2dl4j.nn.ExportedLayer;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.NonlinearitySupport;
import org.e2dl4j.nn.StockExport;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Channel-wise max pooling (e2cnn's {@code PointwiseMaxPool}, PyTorch's {@code max_pool2d}):
 * {@code y_c(o) = max over the window W(o) of x_c(q)}, padding ignored. The output type is the input type; the
 * output size is {@link org.e2dl4j.nn.pooling.PoolingGeometry#outputSize}. A max taken channel by channel
 * commutes with the fiber action only for permutation representations, so every field must support
 * pointwise nonlinearities (trivial, regular, quotient). Equivariant on exact elements when the windows tile
 * the input symmetrically.
 *
 * <pre>
 *   new PointwiseMaxPool.Builder(type, 3).stride(2).padding(1).build()
 * </pre>
 * Exports to a stock {@code SubsamplingLayer} (MAX); ceil mode has no stock equivalent and is refused there.
 */
public class PointwiseMaxPool extends AbstractWindowPool {

    private static final long serialVersionUID = 1L;

    /** For Jackson. */
    protected PointwiseMaxPool() {
    }

    protected PointwiseMaxPool(AbstractWindowPool.Builder<?> b) {
        super(b);
    }

    /** Every field supports pointwise nonlinearities (a permutation representation). */
    @Override
    protected void validate() {
        super.validate();
        NonlinearitySupport.requireAll(who(), getInType(), Nonlinearity.POINTWISE);
    }

    @Override
    protected org.deeplearning4j.nn.api.Layer createLayer(NeuralNetConfiguration conf, DataType networkDataType) {
        return new PointwisePoolLayer(conf, networkDataType, WindowPool.Kind.MAX);
    }

    /** Exports a {@link PointwiseMaxPool} as a stock {@code SubsamplingLayer} (MAX) with the same window. */
    @Override
    public StockExport toStock(org.deeplearning4j.nn.api.Layer layer) {
        return StockExport.replacedBy(stockLayers(layer));
    }

    private List<ExportedLayer> stockLayers(org.deeplearning4j.nn.api.Layer layer) {
        return List.of(new ExportedLayer(StockPooling.subsampling(this, PoolingType.MAX, geometry()), Map.of()));
    }

    /** Builds a {@link PointwiseMaxPool}: {@code new Builder(type, kernelSize)} then the window options. */
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
        public PointwiseMaxPool build() {
            return checked(new PointwiseMaxPool(this));
        }
    }
}
