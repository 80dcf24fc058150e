package org.e2dl4j.nn;

import java.util.stream.Collectors;

import org.e2dl4j.math.repr.Nonlinearity;
import org.e2dl4j.math.repr.Representation;

/**
 * The build-time check that every field of a type accepts a family of nonlinearities (e2cnn's
 * {@code supported_nonlinearities}), with a message that names the layer, the field, its representation and
 * what that representation does support.
 */
public final class NonlinearitySupport {

    private NonlinearitySupport() {
    }

    /**
     * @param layer  the layer, for the message ({@code EquivariantLayer.describe()})
     * @param type   the field type the layer is built on
     * @param family the nonlinearity family the layer applies
     * @throws IllegalArgumentException naming the first field whose representation does not support {@code family}
     */
    public static void requireAll(String layer, FieldType type, Nonlinearity family) {
        for (int f = 0; f < type.fieldCount(); f++) {
            require(layer, type, f, family);
        }
    }

    /**
     * @throws IllegalArgumentException if field {@code f} of {@code type} does not support {@code family}
     */
    public static void require(String layer, FieldType type, int f, Nonlinearity family) {
        Representation r = type.representations().get(f);
        if (!r.supports(family)) {
            throw new IllegalArgumentException(layer + ": field " + f + " of " + type + " has representation "
                    + r.name() + " of " + r.group().name() + ", which does not support '" + family.e2cnnName()
                    + "' nonlinearities; " + r.name() + " supports: " + supported(r));
        }
    }

    /** The e2cnn names of the nonlinearity families a representation supports, e.g. {@code [norm, gated]}. */
    public static String supported(Representation r) {
        return r.supportedNonlinearities().stream().map(Nonlinearity::e2cnnName)
                .collect(Collectors.joining(", ", "[", "]"));
    }
}
