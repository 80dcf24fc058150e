package org.e2dl4j.nn.linear;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.e2dl4j.math.SizeLimits;
import org.e2dl4j.math.kernel.FiberIntertwinerSampler;
import org.e2dl4j.math.kernel.LayerBasis;
import org.e2dl4j.math.repr.IrreducibleRepresentation;
import org.e2dl4j.nn.EquivariantLayer;
import org.e2dl4j.nn.ExportedLayer;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.StockExport;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The equivariant linear map between the fibers of a G-space without base space (escnn's {@code Linear}):
 * {@code y = W x + b} for x of type {@code inType} with {@code W rho_in(g) = rho_out(g) W} for every g, so
 * {@code f(rho_in(g) x) = rho_out(g) f(x)}. W is a combination of the basis of {@code Hom_G(rho_in, rho_out)}
 * ({@link FiberIntertwinerSampler}: per pair of equal irreps, their endomorphisms, in escnn's order and normalization)
 * with learnable weights, initialised by escnn's generalized He rule; the bias lives on the trivial irreps of the
 * output fields (one parameter each, mapped to the channels by the fields' changes of basis), so it is invariant.
 * Parameter count: the basis dimension plus the output's trivial irreps, as escnn's.
 *
 * <p>Both field types live on one {@link org.e2dl4j.math.gspace.GSpaces#noBaseSpace} G-space; the input is
 * [batch, inType.size()] (a feed-forward DL4J layer), e.g. the invariant or equivariant vector after a global pooling
 * of a steerable CNN:
 * <pre>
 *   GSpace point = GSpaces.noBaseSpace(Groups.cyclic(8));
 *   new Linear.Builder(FieldType.regular(point, 4), FieldType.trivial(point, 10)).build()
 * </pre>
 * Options: {@code bias} (default true; there is none if the output has no trivial irrep). {@link org.e2dl4j.nn.Export}
 * turns a trained layer into a stock {@code DenseLayer} holding the expanded matrix and bias.
 */
public class Linear extends EquivariantLayer {

    private static final long serialVersionUID = 1L;

    private FieldType outType;
    private boolean bias = true;

    /** Built on first use from the configuration; not serialized. */
    private transient volatile LayerBasis layerBasis;

    /** For Jackson. */
    protected Linear() {
    }

    protected Linear(Builder b) {
        super(b);
        this.outType = b.outType;
        this.bias = b.bias;
    }

    @Override
    protected int baseSpaceDimensionality() {
        return 0;
    }

    /**
     * An output type on the input's G-space, a dense matrix within {@link SizeLimits#ARRAY_LENGTH}, and at least one
     * equivariant map between the two types (they share an irrep).
     */
    @Override
    protected void validate() {
        super.validate();
        if (outType == null) {
            throw new IllegalArgumentException(who() + ": no output field type (property 'outType' missing)");
        }
        if (!getInType().gspace().equals(outType.gspace())) {
            throw new IllegalArgumentException(who() + ": expected input and output field types on one G-space, got "
                    + getInType() + " and " + outType);
        }
        Set<IrreducibleRepresentation> inIrreps = new HashSet<>();
        getInType().representations().forEach(r -> inIrreps.addAll(r.irreps()));
        if (outType.representations().stream().flatMap(r -> r.irreps().stream()).noneMatch(inIrreps::contains)) {
            throw new IllegalArgumentException(who() + ": no equivariant linear map from " + getInType() + " to "
                    + outType + ": the two types share no irrep, so by Schur's lemma every equivariant matrix is zero");
        }
        layerBasis();
    }

    /**
     * The intertwiner basis of the layer, laid out over its fields ({@link LayerBasis} with the
     * {@link FiberIntertwinerSampler}). Built on first use and cached.
     *
     * @throws IllegalArgumentException naming the layer and both field types, if the matrix or the weights would pass
     *                                  the size limits
     */
    public LayerBasis layerBasis() {
        LayerBasis b = layerBasis;
        if (b == null) {
            try {
                SizeLimits.checkDoubles(SizeLimits.product(outType.size(), getInType().size()),
                        SizeLimits.ARRAY_LENGTH, "its matrix (" + outType.size() + " x " + getInType().size() + ")");
                b = LayerBasis.of(getInType().gspace(), getInType().representations(), outType.representations(), 1, 1,
                        FiberIntertwinerSampler.INSTANCE);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(who() + " from " + getInType() + " to " + outType + ": "
                        + e.getMessage(), e);
            }
            layerBasis = b;
        }
        return b;
    }

    /** Whether the layer has bias parameters: bias requested and the output type contains a trivial irrep. */
    public boolean hasBiasParams() {
        return bias && layerBasis().biasDimension() > 0;
    }

    @Override
    public FieldType outType() {
        return outType;
    }

    public FieldType getOutType() {
        return outType;
    }

    public void setOutType(FieldType outType) {
        this.outType = outType;
        this.layerBasis = null;
    }

    /** Whether a bias was requested (it exists only if the output type contains trivial irreps). */
    public boolean isBias() {
        return bias;
    }

    public void setBias(boolean bias) {
        this.bias = bias;
    }

    @Override
    protected org.deeplearning4j.nn.api.Layer createLayer(NeuralNetConfiguration conf, DataType networkDataType) {
        return new LinearLayer(conf, networkDataType);
    }

    @Override
    public ParamInitializer initializer() {
        return LinearParamInitializer.INSTANCE;
    }

    /**
     * A stock {@code DenseLayer} (identity activation) with "W" the transposed expanded matrix [in, out] and, with a
     * bias, "b" the expanded per-channel bias, with this layer's training settings: both compute {@code W x + b}.
     */
    @Override
    public StockExport toStock(org.deeplearning4j.nn.api.Layer trained) {
        LinearLayer layer = (LinearLayer) trained;
        Map<String, INDArray> params = new HashMap<>();
        params.put("W", layer.expandedMatrix().transpose().dup('f'));
        if (layer.hasBias()) {
            params.put("b", layer.expandedBias());
        }
        DenseLayer stock = new DenseLayer.Builder().nIn(getInType().size()).nOut(outType.size())
                .hasBias(layer.hasBias()).build();
        return StockExport.replacedBy(ExportedLayer.replacing(this, stock, params));
    }

    @Override
    public boolean equals(Object o) {
        if (!super.equals(o)) {
            return false;
        }
        Linear l = (Linear) o;
        return bias == l.bias && Objects.equals(outType, l.outType);
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), outType, bias);
    }

    @Override
    public String toString() {
        return describe() + "(" + getInType() + " -> " + outType + ", bias=" + bias + ")";
    }

    /** Builds a {@link Linear} between two field types of one G-space without base space. */
    public static class Builder extends EquivariantLayer.Builder<Builder> {
        private final FieldType outType;
        private boolean bias = true;

        public Builder(FieldType inType, FieldType outType) {
            super(inType);
            this.outType = Objects.requireNonNull(outType, "output field type");
            nOut(outType.size());
        }

        /** Whether to add a learnable bias on the trivial irreps of the output (default true). */
        public Builder bias(boolean bias) {
            this.bias = bias;
            return this;
        }

        @Override
        @SuppressWarnings("unchecked")
        public Linear build() {
            return checked(new Linear(this));
        }
    }
}
