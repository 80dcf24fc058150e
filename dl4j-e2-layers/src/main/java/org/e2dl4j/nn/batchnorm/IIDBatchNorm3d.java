package org.e2dl4j.nn.batchnorm;

import org.e2dl4j.nn.FieldType;

/**
 * {@link IIDBatchNorm} on NCDHW volumes of a 3D G-space (escnn's {@code IIDBatchNorm3d}): the statistics are taken
 * over the batch and the voxels. Any representation, unlike {@link InnerBatchNorm}:
 * <pre>
 *   new IIDBatchNorm3d.Builder(FieldType.regular(GSpaces.octaOnR3(), 4)).build()
 * </pre>
 */
public class IIDBatchNorm3d extends IIDBatchNorm {

    private static final long serialVersionUID = 1L;

    /** For Jackson. */
    protected IIDBatchNorm3d() {
    }

    protected IIDBatchNorm3d(Builder b) {
        super(b);
    }

    @Override
    protected int baseSpaceDimensionality() {
        return 3;
    }

    /** Builds an {@link IIDBatchNorm3d} on a field type of a 3D G-space. */
    public static class Builder extends IIDBatchNorm.Builder<Builder> {
        public Builder(FieldType inType) {
            super(inType);
        }

        @Override
        @SuppressWarnings("unchecked")
        public IIDBatchNorm3d build() {
            return checked(new IIDBatchNorm3d(this));
        }
    }
}
