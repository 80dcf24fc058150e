package org.e2dl4j.nn.batchnorm;

import org.e2dl4j.nn.FieldType;

/**
 * {@link IIDBatchNorm} on NCHW feature maps of the plane (escnn's {@code IIDBatchNorm2d}): the statistics are taken
 * over the batch and the pixels. Any representation, unlike {@link InnerBatchNorm}:
 * <pre>
 *   new IIDBatchNorm2d.Builder(FieldType.irrep(GSpaces.rot2dOnR2(8), 4, 1)).build()
 * </pre>
 */
public class IIDBatchNorm2d extends IIDBatchNorm {

    private static final long serialVersionUID = 1L;

    /** For Jackson. */
    protected IIDBatchNorm2d() {
    }

    protected IIDBatchNorm2d(Builder b) {
        super(b);
    }

    /** Builds an {@link IIDBatchNorm2d} on a field type of the plane. */
    public static class Builder extends IIDBatchNorm.Builder<Builder> {
        public Builder(FieldType inType) {
            super(inType);
        }

        @Override
        @SuppressWarnings("unchecked")
        public IIDBatchNorm2d build() {
            return checked(new IIDBatchNorm2d(this));
        }
    }
}
