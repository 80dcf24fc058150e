package org.e2dl4j.nn.nonlinear;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.e2dl4j.math.group.Group;
import org.e2dl4j.math.group.GroupKind;
import org.e2dl4j.math.repr.Nonlinearity;
import org.e2dl4j.math.repr.Representation;
import org.e2dl4j.math.repr.Representations;
import org.e2dl4j.nn.EquivariantLayer;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.NonlinearitySupport;
import org.e2dl4j.nn.StockExport;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * e2cnn's {@code VectorFieldNonLinearity}: each regular field x of C_N (N >= 3; x_k the response to rotation
 * r^k) becomes one irrep_1 field, the vector of length max(0, max_k x_k) at the angle 2 pi k* / N of the
 * maximising rotation k*: {@code (cos(2 pi k* / N), sin(2 pi k* / N)) relu(x_k*)}. Rotating the input by r^j
 * shifts k* by j, which rotates the vector by 2 pi j / N. Output type: irrep_1 once per input field; same
 * spatial size. Not exportable to stock DL4J.
 */
public class VectorFieldNonLinearity extends EquivariantLayer {

    private static final long serialVersionUID = 1L;

    /** For Jackson. */
    protected VectorFieldNonLinearity() {
    }

    protected VectorFieldNonLinearity(Builder b) {
        super(b);
    }

    /** Regular fields of a cyclic group C_N with N &gt;= 3. */
    @Override
    protected void validate() {
        super.validate();
        FieldType in = getInType();
        Group g = in.gspace().fibergroup();
        if (g.kind() != GroupKind.CYCLIC || g.order() < 3) {
            throw new IllegalArgumentException(who() + ": needs regular fields of a cyclic group C_N with N >= 3"
                    + " (the output is irrep_1, a 2-dimensional rotation), got " + in + " of " + g.name());
        }
        NonlinearitySupport.requireAll(who(), in, Nonlinearity.VECTORFIELD);
        Representation regular = Representations.regular(g);
        for (int f = 0; f < in.fieldCount(); f++) {
            if (!in.representations().get(f).equals(regular)) {
                throw new IllegalArgumentException(who() + ": field " + f + " of " + in + " has representation "
                        + in.representations().get(f).name() + "; only the regular representation of " + g.name()
                        + " is accepted");
            }
        }
    }

    /** The rotation order N of the input's cyclic group. */
    public int rotations() {
        return getInType().gspace().fibergroup().order();
    }

    /** irrep_1 once per input field. */
    @Override
    public FieldType outType() {
        return FieldType.irrep(getInType().gspace(), getInType().fieldCount(), 1);
    }

    @Override
    protected org.deeplearning4j.nn.api.Layer createLayer(NeuralNetConfiguration conf, DataType networkDataType) {
        return new VectorFieldNonLinearityLayer(conf, networkDataType);
    }

    /** Refused: it maps each regular field to a vector by the channel of the largest response and its angle. */
    @Override
    public StockExport toStock(org.deeplearning4j.nn.api.Layer trained) {
        return StockExport.refused("it maps each regular field to a vector by the channel of the largest response and its"
                + " angle, and no stock DL4J layer computes an argmax over channels");
    }

    /** Builds a {@link VectorFieldNonLinearity} on the given field type. */
    @SuppressWarnings("unchecked")
    public static class Builder extends EquivariantLayer.Builder<Builder> {

        /**
         * @param inType regular fields of a cyclic group C_N, N >= 3
         */
        public Builder(FieldType inType) {
            super(inType);
        }

        /**
         * @throws IllegalArgumentException if the group is not C_N with N >= 3 or a field is not regular
         */
        @Override
        public VectorFieldNonLinearity build() {
            return checked(new VectorFieldNonLinearity(this));
        }
    }
}
