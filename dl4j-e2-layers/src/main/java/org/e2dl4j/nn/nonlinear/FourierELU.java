package org.e2dl4j.nn.nonlinear;

import org.e2dl4j.math.group.GroupGrid;
import org.e2dl4j.nn.FieldType;

/**
 * escnn's {@code FourierELU}: {@link FourierPointwise} with s = ELU ({@code p_elu}), the usual nonlinearity of
 * escnn's SO(2) and O(2) networks.
 */
public class FourierELU extends FourierPointwise {

    private static final long serialVersionUID = 1L;

    /** For Jackson. */
    protected FourierELU() {
    }

    protected FourierELU(Builder b) {
        super(b);
    }

    /** The function is ELU. */
    @Override
    protected void validate() {
        super.validate();
        if (!"p_elu".equals(getFunction())) {
            throw new IllegalArgumentException(who() + ": the function of a FourierELU is p_elu, got " + getFunction());
        }
    }

    @Override
    protected String escnnName() {
        return "FourierELU";
    }

    /** Builds a {@link FourierELU}. */
    public static class Builder extends AbstractFourierPointwise.Builder<Builder> {

        /**
         * @param inType the input field type: copies of one band-limited regular representation
         * @param grid   the sampling grid on the group
         */
        public Builder(FieldType inType, GroupGrid grid) {
            super(inType, grid, "p_elu");
        }

        /** @throws IllegalArgumentException as {@link FourierPointwise.Builder#build()} */
        @Override
        @SuppressWarnings("unchecked")
        public FourierELU build() {
            return checked(new FourierELU(this));
        }
    }
}
