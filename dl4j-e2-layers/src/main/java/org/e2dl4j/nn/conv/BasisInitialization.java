package org.e2dl4j.nn.conv;

/**
 * How a steerable convolution initialises its basis weights ("W") when its network is initialised (e2cnn's
 * {@code nn.init} functions and its {@code initialize} flag). The bias always starts at the layer's bias init
 * (default 0, as e2cnn's).
 * <ul>
 *   <li>{@link #GENERALIZED_HE} (the default): e2cnn's {@code generalized_he_init}, weight w drawn from
 *       {@code N(0, 1 / (inputs reaching its output irrep x elements of its block))};</li>
 *   <li>{@link #DELTA_ORTHOGONAL}: e2cnn's {@code deltaorthonormal_init}, only the centre elements between equal
 *       irreps non-zero, so that the filter's centre tap is an isometry between the copies of each irrep;</li>
 *   <li>{@link #NONE}: every weight 0, as e2cnn's {@code initialize=False} leaves them (for weights loaded
 *       afterwards, e.g. from e2cnn).</li>
 * </ul>
 * DL4J's {@code weightInit} does not apply to basis weights: the layers' builders refuse it.
 */
public enum BasisInitialization {
    GENERALIZED_HE,
    DELTA_ORTHOGONAL,
    NONE
}
