package org.e2dl4j.nn.batchnorm;

import org.e2dl4j.nn.FieldType;

/**
 * {@link IIDBatchNorm} on fibers without base space (escnn's {@code IIDBatchNorm1d} on [batch, size] inputs): the
 * statistics are taken over the batch. The input type lives on a {@link org.e2dl4j.math.gspace.GSpaces#noBaseSpace}
 * G-space, e.g. after a {@code Linear} layer:
 * <pre>
 *   new IIDBatchNorm1d.Builder(FieldType.regular(GSpaces.noBaseSpace(Groups.cyclic(8)), 4)).build()
 * </pre>
 */
public class IIDBatchNorm1d extends IIDBatchNorm {

    private static final long serialVersionUID = 1L;

    /** For Jackson. */
    protected IIDBatchNorm1d() {
    }

    protected IIDBatchNorm1d(Builder b) {
        super(b);
    }

    @Override
    protected int baseSpaceDimensionality() {
        return 0;
    }

    /** Builds an {@link IIDBatchNorm1d} on a field type without base space. */
    public static class Builder extends IIDBatchNorm.Builder<Builder> {
        public Builder(FieldType inType) {
            super(inType);
        }

        @Override
        @SuppressWarnings("unchecked")
        public IIDBatchNorm1d build() {
            return checked(new IIDBatchNorm1d(this));
        }
    }
}
