package org.e2dl4j.nn;

import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Convolution3D;

/**
 * A 3D convolutional (NCDHW) {@link InputType} that also carries the {@link FieldType} of its channels: volumes of a
 * G-space of R^3 (escnn's {@code GSpace3D}). The layers on such fields return it from {@code getOutputType}, so that
 * the next one can check its input type at configuration build time, as {@link FieldInputType} does for feature maps
 * of the plane. Stock DL4J layers see an ordinary {@code InputTypeConvolutional3D}. Equality is that of a plain 3D
 * convolutional input type (shape and format).
 */
public class FieldVolumeInputType extends InputType.InputTypeConvolutional3D {

    private static final long serialVersionUID = 1L;

    private FieldType fieldType;

    /** For Jackson. */
    public FieldVolumeInputType() {
    }

    /**
     * A volume of the given type and spatial size.
     *
     * @throws IllegalArgumentException if the field type is not one of a G-space of R^3
     */
    public FieldVolumeInputType(FieldType fieldType, long depth, long height, long width) {
        super(Convolution3D.DataFormat.NCDHW, depth, height, width, fieldType.size());
        if (fieldType.gspace().dimensionality() != 3) {
            throw new IllegalArgumentException("FieldVolumeInputType: expected a field type of a G-space of R^3 (NCDHW"
                    + " volumes), got " + fieldType + " on a " + fieldType.gspace().dimensionality()
                    + "-dimensional base space; use FieldInputType for maps on the plane");
        }
        this.fieldType = fieldType;
    }

    /** The input type of {@code depth x height x width} volumes of type {@code fieldType}. */
    public static FieldVolumeInputType of(FieldType fieldType, long depth, long height, long width) {
        return new FieldVolumeInputType(fieldType, depth, height, width);
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
        return "FieldVolumeInputType(d=" + getDepth() + ",h=" + getHeight() + ",w=" + getWidth() + "," + fieldType
                + ")";
    }
}
