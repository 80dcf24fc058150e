package org.e2dl4j.nn.nonlinear;

import org.e2dl4j.math.repr.Nonlinearity;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.NonlinearitySupport;

/**
 * e2cnn's {@code NormNonLinearity}: every field v becomes {@code f(||v|| - b) v / ||v||} (see
 * {@link AbstractNormNonLinearity}), for field types whose representations all support 'norm'
 * nonlinearities (any orthogonal one: irreps of SO(2) and O(2) included). As in e2cnn, {@code squash} takes
 * no bias. Not exportable to stock DL4J.
 *
 * <pre>
 *   new NormNonLinearity.Builder(FieldType.irrep(gspace, 4, 1)).function("n_relu").build()
 * </pre>
 */
public class NormNonLinearity extends AbstractNormNonLinearity {

    private static final long serialVersionUID = 1L;

    /** For Jackson. */
    protected NormNonLinearity() {
    }

    protected NormNonLinearity(Builder b) {
        super(b);
    }

    /** Every field supports norm nonlinearities; squash takes no bias. */
    @Override
    protected void validate() {
        super.validate();
        NonlinearitySupport.requireAll(who(), getInType(), Nonlinearity.NORM);
        if (normFunction() == NormFunction.SQUASH && isBias()) {
            throw new IllegalArgumentException(who() + ": 'squash' takes no bias (as in e2cnn); call bias(false)");
        }
    }

    @Override
    public int[] unitSizes() {
        int[] sizes = new int[getInType().fieldCount()];
        for (int f = 0; f < sizes.length; f++) {
            sizes[f] = getInType().representations().get(f).size();
        }
        return sizes;
    }

    /** Builds a {@link NormNonLinearity} on the given field type. */
    @SuppressWarnings("unchecked")
    public static class Builder extends AbstractNormNonLinearity.Builder<Builder> {

        /**
         * @param inType the input (and output) field type; every field must support norm nonlinearities
         */
        public Builder(FieldType inType) {
            super(inType);
        }

        /**
         * @throws IllegalArgumentException if a field does not support norm nonlinearities, the function is
         *                                  unknown, or 'squash' comes with a bias
         */
        @Override
        public NormNonLinearity build() {
            return checked(new NormNonLinearity(this));
        }
    }
}
