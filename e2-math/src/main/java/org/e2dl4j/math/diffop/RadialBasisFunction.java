package org.e2dl4j.math.diffop;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The radial basis functions of RBF-FD stencils that are smooth at r = 0, under rbf's abbreviations (shape
 * parameter eps): each is {@code f(rho)} with {@code rho = r^2}, so that its derivatives in the plane follow from
 * {@code f^(m)(rho)} ({@link RbfFiniteDifferences}).
 * <ul>
 *   <li>{@code ga} Gaussian {@code exp(-(eps r)^2)} (e2cnn's default);</li>
 *   <li>{@code iq} inverse quadratic {@code (1 + (eps r)^2)^-1};</li>
 *   <li>{@code imq} inverse multiquadric {@code (1 + (eps r)^2)^-1/2};</li>
 *   <li>{@code mq} multiquadric {@code (1 + (eps r)^2)^1/2}.</li>
 * </ul>
 * rbf's polyharmonic splines and {@code exp} are singular at r = 0 and are not offered.
 */
public enum RadialBasisFunction {
    GA(Double.NaN),
    IQ(-1.0),
    IMQ(-0.5),
    MQ(0.5);

    /** The exponent beta of {@code (1 + eps^2 rho)^beta}; NaN for the Gaussian. */
    private final double beta;

    RadialBasisFunction(double beta) {
        this.beta = beta;
    }

    /** rbf's abbreviation ("ga", "iq", "imq", "mq"). */
    public String abbreviation() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The function of an abbreviation.
     *
     * @throws IllegalArgumentException naming the supported abbreviations
     */
    public static RadialBasisFunction of(String abbreviation) {
        for (RadialBasisFunction f : values()) {
            if (f.abbreviation().equals(abbreviation)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown radial basis function '" + abbreviation + "'; supported are "
                + Arrays.stream(values()).map(RadialBasisFunction::abbreviation).collect(Collectors.joining(", "))
                + " (rbf's polyharmonic splines and exp are singular at r = 0)");
    }

    /** {@code d^m f / d rho^m} at rho = r^2, with shape parameter eps. */
    public double derivative(int m, double rho, double eps) {
        double e2 = eps * eps;
        if (Double.isNaN(beta)) {
            return Math.pow(-e2, m) * Math.exp(-e2 * rho);
        }
        double falling = 1;
        for (int i = 0; i < m; i++) {
            falling *= beta - i;
        }
        return falling * Math.pow(e2, m) * Math.pow(1 + e2 * rho, beta - m);
    }
}
