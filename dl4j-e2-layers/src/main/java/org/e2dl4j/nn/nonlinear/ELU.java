package org.e2dl4j.nn.nonlinear;

import java.util.Objects;

import org.e2dl4j.nn.EquivariantLayer;
import org.e2dl4j.nn.FieldType;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationELU;

/**
 * The pointwise ELU of e2cnn: {@code y_c = x_c} for {@code x_c > 0}, else {@code alpha (exp(x_c) - 1)}, on
 * every channel of a field type whose representations all support pointwise nonlinearities. Output type =
 * input type, same spatial size. Exports to a stock {@code ActivationLayer} with ELU(alpha), which computes the
 * same output; note that DL4J 1.0.0-M2.1's own ELU backward pass ignores alpha (it uses alpha = 1), so an
 * exported network with alpha != 1 trains with that gradient, while this layer's backward pass is exact.
 */
public class ELU extends AbstractPointwiseNonLinearity {

    private static final long serialVersionUID = 1L;

    private double alpha = 1.0;

    /** For Jackson. */
    protected ELU() {
    }

    protected ELU(Builder b) {
        super(b);
        this.alpha = b.alpha;
    }

    /** A finite alpha. */
    @Override
    protected void validate() {
        super.validate();
        if (!Double.isFinite(alpha)) {
            throw new IllegalArgumentException(who() + ": alpha must be finite, got " + alpha);
        }
    }

    @Override
    public IActivation function() {
        return new ActivationELU(alpha);
    }

    public double getAlpha() {
        return alpha;
    }

    public void setAlpha(double alpha) {
        this.alpha = alpha;
    }

    @Override
    public boolean equals(Object o) {
        return super.equals(o) && Double.compare(alpha, ((ELU) o).alpha) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), alpha);
    }

    /** Builds an {@link ELU} on the given field type. */
    @SuppressWarnings("unchecked")
    public static class Builder extends EquivariantLayer.Builder<Builder> {

        private double alpha = 1.0;

        /**
         * @param inType the input (and output) field type; every field must support pointwise nonlinearities
         */
        public Builder(FieldType inType) {
            super(inType);
        }

        /** The scale alpha of the negative part (e2cnn's {@code alpha}); default 1. */
        public Builder alpha(double alpha) {
            this.alpha = alpha;
            return this;
        }

        /**
         * @throws IllegalArgumentException if a field's representation does not support pointwise nonlinearities,
         *                                  or alpha is not finite
         */
        @Override
        public ELU build() {
            return checked(new ELU(this));
        }
    }
}
