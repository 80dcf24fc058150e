package org.e2dl4j.nn.nonlinear;

import java.util.Objects;

import org.e2dl4j.nn.EquivariantLayer;
import org.e2dl4j.nn.FieldType;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationLReLU;

/**
 * The pointwise leaky ReLU: {@code y_c = x_c} for {@code x_c >= 0}, else {@code negativeSlope * x_c}, on every
 * channel of a field type whose representations all support pointwise nonlinearities. Output type = input
 * type, same spatial size. Exports to a stock {@code ActivationLayer} with a leaky ReLU of the same slope.
 */
public class LeakyReLU extends AbstractPointwiseNonLinearity {

    private static final long serialVersionUID = 1L;

    private double negativeSlope = 0.01;

    /** For Jackson. */
    protected LeakyReLU() {
    }

    protected LeakyReLU(Builder b) {
        super(b);
        this.negativeSlope = b.negativeSlope;
    }

    /** A finite negativeSlope. */
    @Override
    protected void validate() {
        super.validate();
        if (!Double.isFinite(negativeSlope)) {
            throw new IllegalArgumentException(who() + ": negativeSlope must be finite, got " + negativeSlope);
        }
    }

    @Override
    public IActivation function() {
        return new ActivationLReLU(negativeSlope);
    }

    public double getNegativeSlope() {
        return negativeSlope;
    }

    public void setNegativeSlope(double negativeSlope) {
        this.negativeSlope = negativeSlope;
    }

    @Override
    public boolean equals(Object o) {
        return super.equals(o) && Double.compare(negativeSlope, ((LeakyReLU) o).negativeSlope) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), negativeSlope);
    }

    /** Builds a {@link LeakyReLU} on the given field type. */
    @SuppressWarnings("unchecked")
    public static class Builder extends EquivariantLayer.Builder<Builder> {

        private double negativeSlope = 0.01;

        /**
         * @param inType the input (and output) field type; every field must support pointwise nonlinearities
         */
        public Builder(FieldType inType) {
            super(inType);
        }

        /** The slope for negative inputs (PyTorch's {@code negative_slope}); default 0.01. */
        public Builder negativeSlope(double negativeSlope) {
            this.negativeSlope = negativeSlope;
            return this;
        }

        /**
         * @throws IllegalArgumentException if a field's representation does not support pointwise nonlinearities,
         *                                  or the slope is not finite
         */
        @Override
        public LeakyReLU build() {
            return checked(new LeakyReLU(this));
        }
    }
}
