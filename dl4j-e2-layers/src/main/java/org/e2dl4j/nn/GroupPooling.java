package org.e2dl4j.nn;

import java.util.Collection;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.e2dl4j.math.repr.Nonlinearity;
import org.e2dl4j.nn.invariant.GroupPoolingLayer;
import org.e2dl4j.nn.pooling.FieldSupport;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Group pooling (e2cnn's {@code GroupPooling}): each field of a permutation representation (regular, quotient,
 * trivial) becomes one scalar, the maximum of its channels, {@code y_f(p) = max over c in field f of x_c(p)}.
 * Since rho(g) only permutes a field's channels, the output is invariant in the fiber and transforms as
 * trivial fields: the output type is one trivial field per input field, [N, fields, H, W]. Every field must
 * support pointwise nonlinearities (e2cnn's requirement).
 *
 * <pre>
 *   new GroupPooling.Builder(FieldType.regular(gspace, 48)).build()
 * </pre>
 * Runs as one libnd4j max pooling per distinct field size. Unlike e2cnn's, its export needs no custom
 * class: a short chain of stock 1x1 {@code ConvolutionLayer}s with ReLU computes the same maxima
 * ({@code max(a, b) = relu(a - b) + relu(b) - relu(-b)}, fields of any sizes).
 */
public class GroupPooling extends EquivariantLayer {

    private static final long serialVersionUID = 1L;

    /** For Jackson. */
    protected GroupPooling() {
    }

    protected GroupPooling(Builder b) {
        super(b);
        FieldSupport.require(describe(), getInType(), Nonlinearity.POINTWISE, "the maximum over each field's channels");
        initSizes();
    }

    /** One trivial field per input field. */
    @Override
    public FieldType outType() {
        return FieldType.trivial(getInType().gspace(), getInType().fieldCount());
    }

    @Override
    public org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf,
                                                       Collection<TrainingListener> listeners, int layerIndex,
                                                       INDArray layerParamsView, boolean initializeParams,
                                                       DataType networkDataType) {
        return wire(new GroupPoolingLayer(conf, networkDataType), conf, listeners, layerIndex, layerParamsView,
                initializeParams);
    }

    /** Builds a {@link GroupPooling} on the given field type. */
    public static class Builder extends EquivariantLayer.Builder<Builder> {

        public Builder(FieldType inType) {
            super(inType);
        }

        @Override
        @SuppressWarnings("unchecked")
        public GroupPooling build() {
            return new GroupPooling(this);
        }
    }
}
