package org.e2dl4j.nn.nonlinear;

import java.util.List;

import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.e2dl4j.math.repr.IrreducibleRepresentation;
import org.e2dl4j.math.repr.Representation;
import org.e2dl4j.math.repr.Representations;
import org.e2dl4j.nn.EquivariantLayer;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.StockExport;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * escnn's {@code GatedNonLinearityUniform}: the gated nonlinearity for a uniform field type whose one representation
 * {@code rho = trivial^k + psi_1 + ... + psi_k} (identity change of basis) carries its own gates: in every field the
 * i-th irrep {@code psi_i} is multiplied by {@code sigmoid(g_i - b_i)}, g_i the field's i-th (trivial) channel and
 * b_i a learnable bias per field and gate (parameter "b", standard normal as in escnn). The gates are dropped: the
 * output has one field {@code psi_1 + ... + psi_k} per input field. Gates are invariant scalars, so the product is
 * equivariant for any psi_i. Same spatial size. No stock DL4J layer multiplies channels by other channels, so the
 * export is refused.
 *
 * <pre>
 *   Representation rho = Representations.directSum(List.of(gs.trivialRepr(), gs.irrep(1)), "gated_irrep_1");
 *   new GatedNonLinearityUniform.Builder(FieldType.of(gs, rho, 8)).build()
 * </pre>
 */
public class GatedNonLinearityUniform extends EquivariantLayer {

    private static final long serialVersionUID = 1L;

    /** For Jackson. */
    protected GatedNonLinearityUniform() {
    }

    protected GatedNonLinearityUniform(Builder b) {
        super(b);
    }

    /** Point by point, so on the plane (NCHW) and in space (NCDHW volumes) alike. */
    @Override
    protected boolean acceptsVolumes() {
        return true;
    }

    /**
     * The input type: uniform, with an identity change of basis and an even number of irreps of which the first
     * half are trivial.
     *
     * @throws IllegalArgumentException naming the layer, the field or the irrep that does not fit
     */
    @Override
    protected void validate() {
        super.validate();
        FieldType in = getInType();
        Representation rho = in.representations().get(0);
        for (int f = 1; f < in.fieldCount(); f++) {
            if (!in.representations().get(f).equals(rho)) {
                throw new IllegalArgumentException(who() + ": expected a uniform field type (every field of one"
                        + " representation), but field " + f + " of " + in + " is " + in.representations().get(f).name()
                        + " and field 0 is " + rho.name());
            }
        }
        if (!rho.hasIdentityChangeOfBasis()) {
            throw new IllegalArgumentException(who() + ": expected a representation with the identity change of basis"
                    + " (a direct sum of irreps), got " + rho.name() + " of " + in);
        }
        List<IrreducibleRepresentation> irreps = rho.irreps();
        if (irreps.size() % 2 != 0) {
            throw new IllegalArgumentException(who() + ": expected an even number of irreps in " + rho.name()
                    + " (k trivial gates, then the k gated irreps), got " + irreps.size());
        }
        for (int i = 0; i < irreps.size() / 2; i++) {
            if (!irreps.get(i).isTrivial()) {
                throw new IllegalArgumentException(who() + ": expected the first " + irreps.size() / 2 + " irreps of "
                        + rho.name() + " to be trivial (the gates), but irrep " + i + " is " + irreps.get(i).name());
            }
        }
    }

    /** The number k of gates (and of gated irreps) in each field. */
    public int gatesPerField() {
        return getInType().representations().get(0).irreps().size() / 2;
    }

    /** The gated irreps psi_1, ..., psi_k of each field, in order. */
    public List<IrreducibleRepresentation> gatedIrreps() {
        List<IrreducibleRepresentation> irreps = getInType().representations().get(0).irreps();
        return irreps.subList(irreps.size() / 2, irreps.size());
    }

    /** One field {@code psi_1 + ... + psi_k} per input field. */
    @Override
    public FieldType outType() {
        Representation out = Representations.directSum(gatedIrreps(), null);
        return FieldType.of(getInType().gspace(), out, getInType().fieldCount());
    }

    @Override
    public ParamInitializer initializer() {
        return UniformGateParamInitializer.INSTANCE;
    }

    @Override
    protected org.deeplearning4j.nn.api.Layer createLayer(NeuralNetConfiguration conf, DataType networkDataType) {
        return new GatedNonLinearityUniformLayer(conf, networkDataType);
    }

    /** Refused: it multiplies each gated irrep by the sigmoid of another channel (its gate). */
    @Override
    public StockExport toStock(org.deeplearning4j.nn.api.Layer trained) {
        return StockExport.refused("it multiplies each gated irrep by the sigmoid of another channel (its gate), and no"
                + " stock DL4J layer multiplies channels by other channels");
    }

    /** Builds a {@link GatedNonLinearityUniform} on the given field type. */
    public static class Builder extends EquivariantLayer.Builder<Builder> {

        /** @param inType a uniform field type of {@code trivial^k + psi_1 + ... + psi_k} fields */
        public Builder(FieldType inType) {
            super(inType);
        }

        /** @throws IllegalArgumentException if the field type is not of that form */
        @Override
        public GatedNonLinearityUniform build() {
            return checked(new GatedNonLinearityUniform(this));
        }
    }
}
