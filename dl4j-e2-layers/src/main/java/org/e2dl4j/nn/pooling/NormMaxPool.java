package org.e2dl4j.nn.pooling;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.e2dl4j.nn.Export;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.StockExport;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Max pooling by field norm (e2cnn's {@code NormMaxPool}): in each window, every field keeps its whole vector
 * at the position where its norm is largest (the first such position in row-major order on ties; padding never
 * wins), {@code y_f(o) = x_f(argmax over q in W(o) of |x_f(q)|)}. Field norms are invariant, so this commutes
 * with the fiber action for any representation: every field type is accepted and the output type is the input
 * type. The window is PyTorch's max pooling window (see {@link AbstractWindowPool}); unlike e2cnn, whose output
 * allocation ignores it, ceil mode works.
 *
 * <pre>
 *   new NormMaxPool.Builder(FieldType.irrep(gspace, 4, 1), 2).build()
 * </pre>
 * The gradient flows to the selected vector only. No stock DL4J layer selects by a norm: {@link Export} refuses
 * networks containing it.
 */
public class NormMaxPool extends AbstractWindowPool {

    private static final long serialVersionUID = 1L;

    /** For Jackson. */
    protected NormMaxPool() {
    }

    protected NormMaxPool(Builder b) {
        super(b);
    }

    @Override
    protected org.deeplearning4j.nn.api.Layer createLayer(NeuralNetConfiguration conf, DataType networkDataType) {
        return new NormMaxPoolLayer(conf, networkDataType);
    }

    /** Refuses to export a {@link NormMaxPool}: no stock DL4J layer picks window positions by a field's norm. */
    @Override
    public StockExport toStock(org.deeplearning4j.nn.api.Layer layer) {
        return StockExport.refused("it selects, per window, the position where each field's Euclidean norm is"
                + " largest, and no stock DL4J layer selects values by a norm computed over several channels; keep"
                + " the layer (and this library) in the network, or use PointwiseMaxPool on permutation fields");
    }

    /** Builds a {@link NormMaxPool}: {@code new Builder(type, kernelSize)} then the window options. */
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
        public NormMaxPool build() {
            return checked(new NormMaxPool(this));
        }
    }
}
