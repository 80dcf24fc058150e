package org.e2dl4j.nn;

/**
 * A layer configuration that maps feature maps of one fixed {@link FieldType} to feature maps of another
 * (e2cnn's {@code in_type} / {@code out_type} of an {@code EquivariantModule}). The typed builders
 * ({@link EquivariantSequence}, {@link EquivariantGraphBuilder}) thread these types from layer to layer and
 * check that each layer's input type is the type its input vertex produces.
 */
public interface TypedLayer {

    /** The field type of the input feature map. */
    FieldType getInType();

    /** The field type of the output feature map. */
    FieldType outType();
}
