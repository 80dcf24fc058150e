package org.e2dl4j.nn;

import org.deeplearning4j.nn.conf.inputs.InputType;

/**
 * A feed-forward {@link InputType} ([batch, size]) that also carries the {@link FieldType} of its channels: the
 * fibers of a G-space without base space ({@link org.e2dl4j.math.gspace.GSpaces#noBaseSpace}). The layers on such
 * fields return it from {@code getOutputType}, so that the next one can check its input type at configuration build
 * time, as {@link FieldInputType} does for feature maps. Stock DL4J layers see an ordinary
 * {@code InputTypeFeedForward}. Equality is that of a plain feed-forward input type (its size).
 */
public class FieldVectorInputType extends InputType.InputTypeFeedForward {

    private static final long serialVersionUID = 1L;

    private FieldType fieldType;

    /** For Jackson. */
    public FieldVectorInputType() {
    }

    /** Fibers of the given type. */
    public FieldVectorInputType(FieldType fieldType) {
        super(fieldType.size(), null);
        this.fieldType = fieldType;
    }

    /** The input type of [batch, size] fibers of type {@code fieldType}. */
    public static FieldVectorInputType of(FieldType fieldType) {
        return new FieldVectorInputType(fieldType);
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
        return "FieldVectorInputType(" + fieldType + ")";
    }
}
