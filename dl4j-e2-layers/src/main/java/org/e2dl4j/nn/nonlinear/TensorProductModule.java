package org.e2dl4j.nn.nonlinear;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.e2dl4j.math.kernel.FiberIntertwinerSampler;
import org.e2dl4j.math.kernel.LayerBasis;
import org.e2dl4j.math.repr.IrreducibleRepresentation;
import org.e2dl4j.math.repr.Representation;
import org.e2dl4j.math.repr.Representations;
import org.e2dl4j.nn.EquivariantLayer;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.StockExport;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * escnn's {@code TensorProductModule}, a learnable quadratic nonlinearity: per field c and pixel,
 * {@code y_c = W_c (x_c (x) x_c)}, with {@code x_c (x) x_c} of type {@code rho (x) rho} ({@link
 * Representations#tensor}) and {@code W_c} an equivariant map from {@code rho (x) rho} to the output representation,
 * a combination of the fiber intertwiner basis ({@link FiberIntertwinerSampler}) with learnable weights. Since
 * {@code (rho(g) x) (x) (rho(g) x) = (rho (x) rho)(g) (x (x) x)}, the layer is equivariant. As escnn, each field has
 * its own weights (escnn expands the basis from the one tensor representation to all output fields), initialised by
 * escnn's generalized He rule; there is no bias. Parameter count: the number of fields times the dimension of
 * {@code Hom_G(rho (x) rho, sigma)}.
 *
 * <p>Both field types must be uniform (copies of one representation, rho in and sigma out) with the same number of
 * fields, on one G-space with a plane as base space:
 * <pre>
 *   GSpace c8 = GSpaces.rot2dOnR2(8);
 *   new TensorProductModule.Builder(FieldType.regular(c8, 4), FieldType.regular(c8, 4)).build()
 * </pre>
 * For SO(2) and O(2) the G-space's maximum frequency must reach twice the highest input frequency. No stock DL4J
 * layer computes a product of two channels, so {@link org.e2dl4j.nn.Export} refuses it (escnn's export raises too).
 */
public class TensorProductModule extends EquivariantLayer {

    private static final long serialVersionUID = 1L;

    private FieldType outType;

    /** Built on first use from the configuration; not serialized. */
    private transient volatile LayerBasis layerBasis;

    /** For Jackson. */
    protected TensorProductModule() {
    }

    protected TensorProductModule(Builder b) {
        super(b);
        this.outType = b.outType;
    }

    /** Point by point, so on the plane (NCHW) and in space (NCDHW volumes) alike. */
    @Override
    protected boolean acceptsVolumes() {
        return true;
    }

    /**
     * An output type on the input's G-space, both types uniform with the same number of fields, a tensor product
     * within the group's band limit, and an equivariant map from it to the output representation.
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
        requireUniform(getInType(), "input");
        requireUniform(outType, "output");
        if (getInType().fieldCount() != outType.fieldCount()) {
            throw new IllegalArgumentException(who() + ": expected as many output fields as input fields ("
                    + getInType().fieldCount() + "), got " + outType.fieldCount() + " (" + outType + ")");
        }
        Representation hidden = tensorRepresentation();
        Set<IrreducibleRepresentation> hiddenIrreps = new HashSet<>(hidden.irreps());
        if (outRepresentation().irreps().stream().noneMatch(hiddenIrreps::contains)) {
            throw new IllegalArgumentException(who() + ": the basis of equivariant maps from " + hidden.name() + " "
                    + hidden.irreps().stream().map(Representation::name).toList() + " to " + outRepresentation().name()
                    + " is empty: they share no irrep");
        }
        layerBasis();
    }

    private void requireUniform(FieldType type, String which) {
        Representation first = type.representations().get(0);
        for (Representation r : type.representations()) {
            if (!r.equals(first)) {
                throw new IllegalArgumentException(who() + ": expected a uniform " + which + " field type (copies of"
                        + " one representation), got " + first.name() + " and " + r.name() + " in " + type);
            }
        }
    }

    /** The representation rho of every input field. */
    public Representation inRepresentation() {
        return getInType().representations().get(0);
    }

    /** The representation sigma of every output field. */
    public Representation outRepresentation() {
        return outType.representations().get(0);
    }

    /**
     * rho (x) rho, the type of {@code x_c (x) x_c}.
     *
     * @throws IllegalArgumentException naming the layer, if the product passes the group's band limit
     */
    public Representation tensorRepresentation() {
        try {
            return Representations.tensor(inRepresentation(), inRepresentation());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(who() + " on " + getInType() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The intertwiner basis from rho (x) rho to the output fields (one input field, as escnn's grouped map), whose
     * single pair holds the weights [field][element]. Built on first use and cached.
     */
    public LayerBasis layerBasis() {
        LayerBasis b = layerBasis;
        if (b == null) {
            try {
                b = LayerBasis.of(getInType().gspace(), List.of(tensorRepresentation()), outType.representations(), 1,
                        1, FiberIntertwinerSampler.INSTANCE);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(who() + " from " + getInType() + " to " + outType + ": "
                        + e.getMessage(), e);
            }
            layerBasis = b;
        }
        return b;
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

    @Override
    protected org.deeplearning4j.nn.api.Layer createLayer(NeuralNetConfiguration conf, DataType networkDataType) {
        return new TensorProductLayer(conf, networkDataType);
    }

    @Override
    public ParamInitializer initializer() {
        return TensorProductParamInitializer.INSTANCE;
    }

    /** Refused: the layer multiplies channels with each other (escnn's {@code export} raises as well). */
    @Override
    public StockExport toStock(org.deeplearning4j.nn.api.Layer trained) {
        return StockExport.refused("it multiplies the channels of each field with each other (x (x) x), and no stock"
                + " DL4J layer computes a product of two channels; escnn cannot export it either");
    }

    @Override
    public boolean equals(Object o) {
        return super.equals(o) && Objects.equals(outType, ((TensorProductModule) o).outType);
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), outType);
    }

    @Override
    public String toString() {
        return describe() + "(" + getInType() + " -> " + outType + ")";
    }

    /** Builds a {@link TensorProductModule} between two uniform field types with the same number of fields. */
    public static class Builder extends EquivariantLayer.Builder<Builder> {
        private final FieldType outType;

        public Builder(FieldType inType, FieldType outType) {
            super(inType);
            this.outType = Objects.requireNonNull(outType, "output field type");
            nOut(outType.size());
        }

        @Override
        @SuppressWarnings("unchecked")
        public TensorProductModule build() {
            return checked(new TensorProductModule(this));
        }
    }
}
