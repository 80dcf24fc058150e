package org.e2dl4j.nn;

import java.util.Collection;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.e2dl4j.math.repr.Nonlinearity;
import org.e2dl4j.nn.invariant.InducedNormPoolLayer;
import org.e2dl4j.nn.pooling.FieldSupport;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Induced norm pooling (e2cnn's {@code InducedNormPool}): for a field of a representation induced from a
 * subgroup representation of size d, the field splits into sub-fields of d channels which G permutes (each
 * transformed by the subgroup representation); the output is the largest sub-field norm,
 * {@code y_f(p) = max over sub-fields b of |x_(f,b)(p)|}, invariant in the fiber. The output type is one trivial
 * field per input field; every field must support induced norm nonlinearities.
 *
 * <pre>
 *   new InducedNormPool.Builder(FieldType.of(gspace, gspace.inducedRepr(id, psi), 4)).build()
 * </pre>
 * No stock DL4J layer computes a norm: {@link Export} refuses networks containing it.
 */
public class InducedNormPool extends EquivariantLayer {

    private static final long serialVersionUID = 1L;

    /** For Jackson. */
    protected InducedNormPool() {
    }

    protected InducedNormPool(Builder b) {
        super(b);
        FieldSupport.require(describe(), getInType(), Nonlinearity.INDUCED_NORM,
                "the largest norm of each field's sub-fields");
        initSizes();
    }

    /** One trivial field per input field. */
    @Override
    public FieldType outType() {
        return FieldType.trivial(getInType().gspace(), getInType().fieldCount());
    }

    /** The size of each field's sub-fields, in field order. */
    public int[] subfieldSizes() {
        return getInType().representations().stream().mapToInt(r -> r.inducedSubfieldSize().getAsInt()).toArray();
    }

    @Override
    public org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf,
                                                       Collection<TrainingListener> listeners, int layerIndex,
                                                       INDArray layerParamsView, boolean initializeParams,
                                                       DataType networkDataType) {
        return wire(new InducedNormPoolLayer(conf, networkDataType), conf, listeners, layerIndex, layerParamsView,
                initializeParams);
    }

    /** Builds an {@link InducedNormPool} on the given field type. */
    public static class Builder extends EquivariantLayer.Builder<Builder> {

        public Builder(FieldType inType) {
            super(inType);
        }

        @Override
        @SuppressWarnings("unchecked")
        public InducedNormPool build() {
            return new InducedNormPool(this);
        }
    }
}
