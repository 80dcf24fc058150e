package org.e2dl4j.nn.nonlinear;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.e2dl4j.math.repr.Nonlinearity;
import org.e2dl4j.math.repr.Representation;
import org.e2dl4j.math.repr.Representations;
import org.e2dl4j.nn.EquivariantLayer;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.NonlinearitySupport;
import org.e2dl4j.nn.StockExport;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * e2cnn's {@code ConcatenatedNonLinearity}: every channel x_i becomes the two channels
 * {@code (f(x_i), f(-x_i))}, interleaved, so the number of channels doubles; f is {@code c_relu} (default),
 * {@code c_sigmoid} or {@code c_tanh}. For fields whose representations support 'concatenated' (signed
 * permutation matrices, e.g. trivial, sign irreps, regular, quotient), each field of representation rho
 * becomes one field of {@link Representations#concatenated concatenated_rho}, of twice the size. Same spatial
 * size. Not exportable to stock DL4J (no stock layer interleaves channels this way).
 */
public class ConcatenatedNonLinearity extends EquivariantLayer {

    private static final long serialVersionUID = 1L;

    private static final Map<String, Supplier<IActivation>> FUNCTIONS = Map.of(
            "c_relu", ActivationReLU::new,
            "c_sigmoid", ActivationSigmoid::new,
            "c_tanh", ActivationTanH::new);

    private String function = "c_relu";

    private transient volatile FieldType outType;

    /** For Jackson. */
    protected ConcatenatedNonLinearity() {
    }

    protected ConcatenatedNonLinearity(Builder b) {
        super(b);
        this.function = b.function;
    }

    /** Point by point, so on the plane (NCHW) and in space (NCDHW volumes) alike. */
    @Override
    protected boolean acceptsVolumes() {
        return true;
    }

    /** Every field supports concatenated nonlinearities, a known function, and an output type that can be built. */
    @Override
    protected void validate() {
        super.validate();
        NonlinearitySupport.requireAll(who(), getInType(), Nonlinearity.CONCATENATED);
        activation();
        outType();
    }

    /** The scalar function f, as DL4J's activation. */
    public IActivation activation() {
        Supplier<IActivation> f = FUNCTIONS.get(function);
        if (f == null) {
            throw new IllegalArgumentException(who() + ": unknown function '" + function + "'; valid: "
                    + FUNCTIONS.keySet().stream().sorted().toList());
        }
        return f.get();
    }

    /**
     * The input type with each representation rho replaced by concatenated_rho.
     *
     * @throws IllegalArgumentException naming the layer if a representation's concatenated form cannot be built
     */
    @Override
    public FieldType outType() {
        FieldType t = outType;
        if (t == null) {
            List<Representation> out = new ArrayList<>();
            for (Representation r : getInType().representations()) {
                try {
                    out.add(Representations.concatenated(r));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(who() + ": " + e.getMessage(), e);
                }
            }
            t = new FieldType(getInType().gspace(), out);
            outType = t;
        }
        return t;
    }

    @Override
    protected org.deeplearning4j.nn.api.Layer createLayer(NeuralNetConfiguration conf, DataType networkDataType) {
        return new ConcatenatedNonLinearityLayer(conf, networkDataType);
    }

    /** e2cnn's name of f: {@code c_relu}, {@code c_sigmoid} or {@code c_tanh}. */
    public String getFunction() {
        return function;
    }

    public void setFunction(String function) {
        this.function = function;
    }

    @Override
    public boolean equals(Object o) {
        return super.equals(o) && Objects.equals(function, ((ConcatenatedNonLinearity) o).function);
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), function);
    }

    /** Refused: it concatenates each field with its image under the representation's sign flips before the activation. */
    @Override
    public StockExport toStock(org.deeplearning4j.nn.api.Layer trained) {
        return StockExport.refused("it concatenates each field with its image under the representation's sign flips"
                + " before the activation, which no stock DL4J layer does in one step");
    }

    /** Builds a {@link ConcatenatedNonLinearity} on the given field type. */
    @SuppressWarnings("unchecked")
    public static class Builder extends EquivariantLayer.Builder<Builder> {

        private String function = "c_relu";

        /**
         * @param inType the input field type; every field must support concatenated nonlinearities
         */
        public Builder(FieldType inType) {
            super(inType);
        }

        /** The function f by e2cnn's name: {@code c_relu} (default), {@code c_sigmoid} or {@code c_tanh}. */
        public Builder function(String e2cnnName) {
            this.function = e2cnnName;
            return this;
        }

        /**
         * @throws IllegalArgumentException if a field does not support concatenated nonlinearities or the function
         *                                  is unknown
         */
        @Override
        public ConcatenatedNonLinearity build() {
            return checked(new ConcatenatedNonLinearity(this));
        }
    }
}
