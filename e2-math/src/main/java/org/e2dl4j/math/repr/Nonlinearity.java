package org.e2dl4j.math.repr;

/**
 * The families of equivariant nonlinearities a representation can support, as e2cnn names them in
 * {@code supported_nonlinearities}. A field accepts a nonlinearity only if its representation lists it.
 */
public enum Nonlinearity {
    /** An elementwise function: needs a permutation representation (trivial, regular, quotient). */
    POINTWISE("pointwise"),
    /** A function of the field's norm times the field: any orthogonal representation. */
    NORM("norm"),
    /** Multiplication by a sigmoid gate computed from a scalar field. */
    GATED("gated"),
    /** Serves as the gate of a gated nonlinearity (trivial fields). */
    GATE("gate"),
    /** c_relu-type: concatenation of f(x) and f(-x); needs a representation sending -1 to a permutation. */
    CONCATENATED("concatenated"),
    /** Maps a regular C_N field to a vector field. */
    VECTORFIELD("vectorfield"),
    /** Norm nonlinearity per subgroup block of an induced representation. */
    INDUCED_NORM("induced_norm"),
    /** Gated nonlinearity per subgroup block of an induced representation. */
    INDUCED_GATED("induced_gated"),
    /** Serves as the gate of induced gated nonlinearities (induced from a trivial field). */
    INDUCED_GATE("induced_gate");

    private final String e2cnnName;

    Nonlinearity(String e2cnnName) {
        this.e2cnnName = e2cnnName;
    }

    /** The name e2cnn uses for this family. */
    public String e2cnnName() {
        return e2cnnName;
    }

    /** The family with the given e2cnn name. */
    public static Nonlinearity fromE2cnnName(String name) {
        for (Nonlinearity n : values()) {
            if (n.e2cnnName.equals(name)) {
                return n;
            }
        }
        throw new IllegalArgumentException("Unknown nonlinearity type '" + name + "'; known: "
                + java.util.Arrays.toString(values()));
    }
}
