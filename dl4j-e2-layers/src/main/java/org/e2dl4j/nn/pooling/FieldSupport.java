package org.e2dl4j.nn.pooling;

import org.e2dl4j.math.repr.Nonlinearity;
import org.e2dl4j.math.repr.Representation;
import org.e2dl4j.nn.FieldType;

/**
 * The configuration-time check that every field of a type supports the operation a layer applies to it
 * (e2cnn's assertions on {@code supported_nonlinearities}), with a message naming the layer, the field, its
 * representation and what that representation does support.
 */
public final class FieldSupport {

    private FieldSupport() {
    }

    /**
     * @param who       the layer, for the message
     * @param type      the layer's input field type
     * @param needed    the nonlinearity family every field must support
     * @param operation what the layer does per field, for the message (e.g. "a max over each channel")
     * @throws IllegalArgumentException naming the first field that does not support {@code needed}
     */
    public static void require(String who, FieldType type, Nonlinearity needed, String operation) {
        for (int f = 0; f < type.fieldCount(); f++) {
            Representation r = type.representations().get(f);
            if (!r.supports(needed)) {
                throw new IllegalArgumentException(who + " computes " + operation + ", which is equivariant only on"
                        + " fields whose representation supports " + needed + " operations; field " + f + " of "
                        + type + " has representation '" + r.name() + "' of " + r.group().name()
                        + ", which supports " + r.supportedNonlinearities());
            }
        }
    }
}
