package org.e2dl4j.nn.nonlinear;

import org.e2dl4j.math.repr.Nonlinearity;
import org.e2dl4j.math.repr.Representation;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.NonlinearitySupport;

/**
 * e2cnn's {@code InducedNormNonLinearity}: for fields of representations induced from a subgroup H
 * (Ind_H^G psi, made of |G/H| sub-fields of size dim psi that G permutes while acting by psi inside), each
 * sub-field v becomes {@code f(||v|| - b) v / ||v||} (see {@link AbstractNormNonLinearity}), the bias b shared
 * by the sub-fields of one field. Every field must support 'induced_norm'. Unlike {@link NormNonLinearity},
 * e2cnn allows 'squash' with a bias here. Not exportable to stock DL4J.
 */
public class InducedNormNonLinearity extends AbstractNormNonLinearity {

    private static final long serialVersionUID = 1L;

    /** For Jackson. */
    protected InducedNormNonLinearity() {
    }

    protected InducedNormNonLinearity(Builder b) {
        super(b);
    }

    /** Every field supports induced norm nonlinearities. */
    @Override
    protected void validate() {
        super.validate();
        NonlinearitySupport.requireAll(who(), getInType(), Nonlinearity.INDUCED_NORM);
    }

    @Override
    public int[] unitSizes() {
        int[] sizes = new int[getInType().fieldCount()];
        for (int f = 0; f < sizes.length; f++) {
            Representation r = getInType().representations().get(f);
            sizes[f] = r.inducedSubfieldSize().orElseThrow(() -> new IllegalStateException(describe()
                    + ": representation " + r.name() + " supports induced_norm but has no sub-field size"));
        }
        return sizes;
    }

    /** Builds an {@link InducedNormNonLinearity} on the given field type. */
    @SuppressWarnings("unchecked")
    public static class Builder extends AbstractNormNonLinearity.Builder<Builder> {

        /**
         * @param inType the input (and output) field type; every field must support induced norm nonlinearities
         */
        public Builder(FieldType inType) {
            super(inType);
        }

        /**
         * @throws IllegalArgumentException if a field does not support induced norm nonlinearities or the
         *                                  function is unknown
         */
        @Override
        public InducedNormNonLinearity build() {
            return checked(new InducedNormNonLinearity(this));
        }
    }
}
