package org.e2dl4j.nn.nonlinear;

import java.util.Objects;

import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.e2dl4j.nn.EquivariantLayer;
import org.e2dl4j.nn.Export;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.StockExport;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The configuration shared by the norm nonlinearities ({@link NormNonLinearity},
 * {@link InducedNormNonLinearity}): each unit v (a field, or a sub-field of an induced field) is rescaled to
 * the norm f(||v|| - b), {@code v -> f(||v|| - b) v / ||v||}, with f one of {@link NormFunction} and b > 0 a
 * learnable bias per field (parameter "logBias" = log b, initialised to 0 as in e2cnn, so b = 1); a unit of
 * norm at most 1e-10 maps to 0 (e2cnn's epsilon), with zero gradient. Equivariant for every orthogonal
 * representation acting on each unit. Output type = input type, same spatial size. No stock DL4J layer
 * computes this, so {@link Export} refuses these layers.
 *
 * <p>The biases are ordered as e2cnn orders them: by fields sorted stably by size (and sub-field size).
 */
public abstract class AbstractNormNonLinearity extends EquivariantLayer {

    private static final long serialVersionUID = 1L;

    private String function = NormFunction.N_RELU.e2cnnName();
    private boolean bias = true;

    /** For Jackson. */
    protected AbstractNormNonLinearity() {
    }

    protected AbstractNormNonLinearity(Builder<?> b) {
        super(b);
        this.function = b.function;
        this.bias = b.bias;
    }

    /** Point by point, so on the plane (NCHW) and in space (NCDHW volumes) alike. */
    @Override
    protected boolean acceptsVolumes() {
        return true;
    }

    /** A known function name. */
    @Override
    protected void validate() {
        super.validate();
        NormFunction.of(function, who());
    }

    /**
     * For each field, the size of the units whose norms are taken (the field size, or the sub-field size of an
     * induced representation).
     */
    public abstract int[] unitSizes();

    /** The function f of the norm. */
    public NormFunction normFunction() {
        return NormFunction.of(function, describe());
    }

    /** Number of bias parameters: one per field, or none without bias. */
    public int biasCount() {
        return bias ? getInType().fieldCount() : 0;
    }

    @Override
    public FieldType outType() {
        return getInType();
    }

    @Override
    public ParamInitializer initializer() {
        return NormParamInitializer.INSTANCE;
    }

    @Override
    protected org.deeplearning4j.nn.api.Layer createLayer(NeuralNetConfiguration conf, DataType networkDataType) {
        return new NormNonLinearityLayer(conf, networkDataType);
    }

    /** e2cnn's name of the function f: {@code n_relu}, {@code n_sigmoid}, {@code n_softplus} (escnn) or {@code squash}. */
    public String getFunction() {
        return function;
    }

    public void setFunction(String function) {
        this.function = function;
    }

    /** Whether the norms are shifted by a learnable bias per field. */
    public boolean isBias() {
        return bias;
    }

    public void setBias(boolean bias) {
        this.bias = bias;
    }

    @Override
    public boolean equals(Object o) {
        if (!super.equals(o)) {
            return false;
        }
        AbstractNormNonLinearity n = (AbstractNormNonLinearity) o;
        return bias == n.bias && Objects.equals(function, n.function);
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), function, bias);
    }

    /** Refused: it scales each field by a function of the field's Euclidean norm. */
    @Override
    public StockExport toStock(org.deeplearning4j.nn.api.Layer trained) {
        return StockExport.refused("it scales each field by a function of the field's Euclidean norm, and no stock DL4J"
                + " layer or activation computes a norm over several channels");
    }

    /** The options shared by the norm nonlinearities' builders. */
    public abstract static class Builder<T extends Builder<T>> extends EquivariantLayer.Builder<T> {

        private String function = NormFunction.N_RELU.e2cnnName();
        private boolean bias = true;

        protected Builder(FieldType inType) {
            super(inType);
        }

        /** The function f by name: {@code n_relu} (default), {@code n_sigmoid}, {@code n_softplus} (escnn) or {@code squash}. */
        @SuppressWarnings("unchecked")
        public T function(String e2cnnName) {
            this.function = e2cnnName;
            return (T) this;
        }

        /** Whether to subtract a learnable bias per field from the norms (default true, as e2cnn). */
        @SuppressWarnings("unchecked")
        public T bias(boolean bias) {
            this.bias = bias;
            return (T) this;
        }
    }
}
