package org.e2dl4j.nn.nonlinear;

import org.e2dl4j.math.group.GroupGrid;
import org.e2dl4j.nn.FieldType;

/** escnn's {@code QuotientFourierELU}: {@link QuotientFourierPointwise} with s = ELU ({@code p_elu}). */
public class QuotientFourierELU extends QuotientFourierPointwise {

    private static final long serialVersionUID = 1L;

    /** For Jackson. */
    protected QuotientFourierELU() {
    }

    protected QuotientFourierELU(Builder b) {
        super(b);
    }

    /** The function is ELU. */
    @Override
    protected void validate() {
        super.validate();
        if (!"p_elu".equals(getFunction())) {
            throw new IllegalArgumentException(who() + ": the function of a QuotientFourierELU is p_elu, got "
                    + getFunction());
        }
    }

    @Override
    protected String escnnName() {
        return "QuotientFourierELU";
    }

    /** Builds a {@link QuotientFourierELU}. */
    public static class Builder extends AbstractFourierPointwise.Builder<Builder> {

        /**
         * @param inType the input field type: copies of one band-limited quotient representation
         * @param grid   the sampling grid on the group
         */
        public Builder(FieldType inType, GroupGrid grid) {
            super(inType, grid, "p_elu");
        }

        /** @throws IllegalArgumentException as {@link QuotientFourierPointwise.Builder#build()} */
        @Override
        @SuppressWarnings("unchecked")
        public QuotientFourierELU build() {
            return checked(new QuotientFourierELU(this));
        }
    }
}
