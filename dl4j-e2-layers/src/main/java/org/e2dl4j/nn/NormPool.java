package org.e2dl4j.nn;

import java.util.Collection;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.e2dl4j.nn.invariant.NormPoolLayer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Norm pooling (e2cnn's {@code NormPool}): each field becomes one scalar, its Euclidean norm,
 * {@code y_f(p) = |x_f(p)|}. Every representation the library builds is orthogonal, so
 * {@code |rho(g) x_f| = |x_f|}: the output is invariant in the fiber and transforms as trivial fields; the output
 * type is one trivial field per input field. Any field type is accepted (as in e2cnn). The gradient at a zero
 * field is 0.
 *
 * <pre>
 *   new NormPool.Builder(FieldType.irrep(gspace, 8, 1)).build()
 * </pre>
 * No stock DL4J layer computes a field norm: {@link Export} refuses networks containing it.
 */
public class NormPool extends EquivariantLayer {

    private static final long serialVersionUID = 1L;

    /** For Jackson. */
    protected NormPool() {
    }

    protected NormPool(Builder b) {
        super(b);
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
        return wire(new NormPoolLayer(conf, networkDataType), conf, listeners, layerIndex, layerParamsView,
                initializeParams);
    }

    /** Builds a {@link NormPool} on the given field type. */
    public static class Builder extends EquivariantLayer.Builder<Builder> {

        public Builder(FieldType inType) {
            super(inType);
        }

        @Override
        @SuppressWarnings("unchecked")
        public NormPool build() {
            return new NormPool(this);
        }
    }
}
