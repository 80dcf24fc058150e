package org.e2dl4j.nn.nonlinear;

import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import org.e2dl4j.nn.EquivariantLayer;
import org.e2dl4j.nn.FieldType;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationELU;
import org.nd4j.linalg.activations.impl.ActivationPReLU;
import org.nd4j.linalg.activations.impl.ActivationRReLU;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.activations.impl.ActivationTanH;

/**
 * e2cnn's {@code PointwiseNonLinearity}: one scalar function sigma on every channel, {@code y_c = sigma(x_c)},
 * for field types whose representations all support pointwise nonlinearities. The function is given by
 * e2cnn's name ({@code p_relu} (default), {@code p_elu}, {@code p_sigmoid}, {@code p_tanh}) or as any
 * deterministic elementwise DL4J activation. Output type = input type, same spatial size. Exports to a
 * stock {@code ActivationLayer} with the same activation.
 *
 * <pre>
 *   new PointwiseNonLinearity.Builder(type).function("p_tanh").build()
 *   new PointwiseNonLinearity.Builder(type).function(Activation.SWISH).build()
 * </pre>
 */
public class PointwiseNonLinearity extends AbstractPointwiseNonLinearity {

    private static final long serialVersionUID = 1L;

    /** e2cnn's function names and the DL4J activations computing them. */
    private static final Map<String, Supplier<IActivation>> E2CNN_FUNCTIONS = Map.of(
            "p_relu", ActivationReLU::new,
            "p_elu", ActivationELU::new,
            "p_sigmoid", ActivationSigmoid::new,
            "p_tanh", ActivationTanH::new);

    private IActivation function = new ActivationReLU();

    /** For Jackson. */
    protected PointwiseNonLinearity() {
    }

    protected PointwiseNonLinearity(Builder b) {
        super(b);
        this.function = b.function;
    }

    /**
     * A function that is a deterministic elementwise activation without parameters (the check of
     * {@code Builder.function(IActivation)}, here for configurations read from JSON too).
     */
    @Override
    protected void validate() {
        super.validate();
        if (function == null) {
            throw new IllegalArgumentException(who() + ": no function (property 'function' missing); expected an"
                    + " elementwise activation such as " + E2CNN_FUNCTIONS.keySet().stream().sorted().toList());
        }
        if (!isPointwise(function)) {
            throw new IllegalArgumentException(who() + ": " + function + " is not a deterministic elementwise function"
                    + " without parameters, so it is not a pointwise nonlinearity");
        }
    }

    /** Whether an activation is a deterministic elementwise function without parameters. */
    private static boolean isPointwise(IActivation activation) {
        return !(activation instanceof ActivationSoftmax || activation instanceof ActivationRReLU
                || activation instanceof ActivationPReLU);
    }

    @Override
    public IActivation function() {
        return function;
    }

    /** The activation applied to every channel (the JSON property). */
    public IActivation getFunction() {
        return function;
    }

    public void setFunction(IActivation function) {
        this.function = function;
    }

    @Override
    public boolean equals(Object o) {
        return super.equals(o) && Objects.equals(function, ((PointwiseNonLinearity) o).function);
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), function);
    }

    /** Builds a {@link PointwiseNonLinearity} on the given field type. */
    @SuppressWarnings("unchecked")
    public static class Builder extends EquivariantLayer.Builder<Builder> {

        private IActivation function = new ActivationReLU();

        /**
         * @param inType the input (and output) field type; every field must support pointwise nonlinearities
         */
        public Builder(FieldType inType) {
            super(inType);
        }

        /**
         * The function by e2cnn's name: {@code p_relu} (the default), {@code p_elu}, {@code p_sigmoid} or
         * {@code p_tanh}.
         *
         * @throws IllegalArgumentException for any other name, listing the valid ones
         */
        public Builder function(String e2cnnName) {
            Supplier<IActivation> f = E2CNN_FUNCTIONS.get(e2cnnName);
            if (f == null) {
                throw new IllegalArgumentException("PointwiseNonLinearity: unknown function '" + e2cnnName
                        + "'; valid: " + E2CNN_FUNCTIONS.keySet().stream().sorted().toList()
                        + " (or pass a DL4J Activation)");
            }
            this.function = f.get();
            return this;
        }

        /** The function as a DL4J activation (e.g. {@code Activation.SWISH}). */
        public Builder function(Activation activation) {
            return function(activation.getActivationFunction());
        }

        /**
         * The function as a DL4J activation instance.
         *
         * @throws IllegalArgumentException for activations that are not deterministic elementwise functions
         *                                  without parameters (softmax, randomized and parametric ReLU)
         */
        public Builder function(IActivation activation) {
            Objects.requireNonNull(activation, "activation");
            if (!isPointwise(activation)) {
                throw new IllegalArgumentException("PointwiseNonLinearity: " + activation + " is not a deterministic"
                        + " elementwise function without parameters, so it is not a pointwise nonlinearity");
            }
            this.function = activation;
            return this;
        }

        /**
         * @throws IllegalArgumentException if a field's representation does not support pointwise nonlinearities
         */
        @Override
        public PointwiseNonLinearity build() {
            return checked(new PointwiseNonLinearity(this));
        }
    }
}
