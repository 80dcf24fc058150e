package org.e2dl4j.nn.invariant;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.e2dl4j.math.repr.Nonlinearity;
import org.e2dl4j.nn.EquivariantLayer;
import org.e2dl4j.nn.Export;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.NonlinearitySupport;
import org.e2dl4j.nn.StockExport;
import org.nd4j.linalg.api.buffer.DataType;

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
    }

    /** Point by point, so on the plane (NCHW) and in space (NCDHW volumes) alike. */
    @Override
    protected boolean acceptsVolumes() {
        return true;
    }

    /** Every field supports induced norm nonlinearities. */
    @Override
    protected void validate() {
        super.validate();
        NonlinearitySupport.requireAll(who(), getInType(), Nonlinearity.INDUCED_NORM);
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
    protected org.deeplearning4j.nn.api.Layer createLayer(NeuralNetConfiguration conf, DataType networkDataType) {
        return new InducedNormPoolLayer(conf, networkDataType);
    }

    /** Refuses to export an {@link InducedNormPool}: no stock DL4J layer computes the norms of its sub-fields. */
    @Override
    public StockExport toStock(org.deeplearning4j.nn.api.Layer layer) {
        return StockExport.refused(NormPool.normRefusal("the largest norm of each field's sub-fields"));
    }

    /** Builds an {@link InducedNormPool} on the given field type. */
    public static class Builder extends EquivariantLayer.Builder<Builder> {

        public Builder(FieldType inType) {
            super(inType);
        }

        @Override
        @SuppressWarnings("unchecked")
        public InducedNormPool build() {
            return checked(new InducedNormPool(this));
        }
    }
}
