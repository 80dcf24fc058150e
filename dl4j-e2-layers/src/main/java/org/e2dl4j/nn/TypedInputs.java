package org.e2dl4j.nn;

import org.deeplearning4j.nn.conf.inputs.InputType;

/**
 * The field type an {@link InputType} carries ({@link FieldInputType} for maps of the plane,
 * {@link FieldVolumeInputType} for volumes of R^3), and the typed form of a stock vertex's output type, for the vertices that keep the spatial
 * shape and pass a field type on.
 */
final class TypedInputs {

    private TypedInputs() {
    }

    /** The field type carried by {@code t}, or null if it carries none. */
    static FieldType fieldTypeOf(InputType t) {
        if (t instanceof FieldInputType f) {
            return f.getFieldType();
        }
        if (t instanceof FieldVolumeInputType v) {
            return v.getFieldType();
        }
        return null;
    }

    /** {@code shape} (a convolutional or 3D convolutional input type) carrying {@code type}. */
    static InputType typed(FieldType type, InputType shape) {
        if (shape instanceof InputType.InputTypeConvolutional3D v) {
            return FieldVolumeInputType.of(type, v.getDepth(), v.getHeight(), v.getWidth());
        }
        InputType.InputTypeConvolutional c = (InputType.InputTypeConvolutional) shape;
        return FieldInputType.of(type, c.getHeight(), c.getWidth());
    }
}
