package org.e2dl4j.nn;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.inputs.InputType;

/**
 * A convolutional (NCHW) {@link InputType} that also carries the {@link FieldType} of its channels. The
 * equivariant layers return it from {@code getOutputType}, so that the next equivariant layer can check at
 * configuration build time that its input type is exactly the type it was built for. Stock DL4J layers
 * see an ordinary {@code InputTypeConvolutional}; those that keep the input type (activations, dropout)
 * pass the field type on, those that build a new one drop it, and the next layer then checks the channel
 * count only. Equality is that of a plain convolutional input type (shape and format).
 */
public class FieldInputType extends InputType.InputTypeConvolutional {

    private static final long serialVersionUID = 1L;

    private FieldType fieldType;

    /** For Jackson. */
    public FieldInputType() {
    }

    /**
     * A feature map of the given type and spatial size.
     *
     * @throws IllegalArgumentException for a field type of R^3 (its volumes take a {@link FieldVolumeInputType})
     */
    public FieldInputType(FieldType fieldType, long height, long width) {
        super(height, width, fieldType.size(), CNN2DFormat.NCHW);
        if (fieldType.gspace().dimensionality() == 3) {
            throw new IllegalArgumentException("FieldInputType: " + fieldType + " lives on R^3, its feature maps are"
                    + " NCDHW volumes: use FieldVolumeInputType.of(type, depth, height, width)");
        }
        this.fieldType = fieldType;
    }

    /** The input type of a {@code height x width} feature map of type {@code fieldType}. */
    public static FieldInputType of(FieldType fieldType, long height, long width) {
        return new FieldInputType(fieldType, height, width);
    }

    /** The field type of the channels. */
    public FieldType getFieldType() {
        return fieldType;
    }

    /** For Jackson. */
    public void setFieldType(FieldType fieldType) {
        this.fieldType = fieldType;
    }

    @Override
    public String toString() {
        return "FieldInputType(h=" + getHeight() + ",w=" + getWidth() + "," + fieldType + ")";
    }
}
