package org.e2dl4j.nn.nonlinear;

import org.e2dl4j.nn.EquivariantLayer;
import org.e2dl4j.nn.FieldType;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationReLU;

/**
 * The pointwise ReLU of e2cnn: {@code y_c = max(0, x_c)} on every channel, for field types whose
 * representations all support pointwise nonlinearities (trivial, regular, quotient). Output type = input
 * type, same spatial size. Exports to a stock {@code ActivationLayer} with ReLU.
 *
 * <pre>
 *   new ReLU.Builder(FieldType.regular(gspace, 8)).build()
 * </pre>
 */
public class ReLU extends AbstractPointwiseNonLinearity {

    private static final long serialVersionUID = 1L;

    /** For Jackson. */
    protected ReLU() {
    }

    protected ReLU(Builder b) {
        super(b);
    }

    @Override
    public IActivation function() {
        return new ActivationReLU();
    }

    /** Builds a {@link ReLU} on the given field type. */
    @SuppressWarnings("unchecked")
    public static class Builder extends EquivariantLayer.Builder<Builder> {

        /**
         * @param inType the input (and output) field type; every field must support pointwise nonlinearities
         */
        public Builder(FieldType inType) {
            super(inType);
        }

        /**
         * @throws IllegalArgumentException if a field's representation does not support pointwise nonlinearities
         */
        @Override
        public ReLU build() {
            return checked(new ReLU(this));
        }
    }
}
