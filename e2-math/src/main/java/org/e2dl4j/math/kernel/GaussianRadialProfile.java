package org.e2dl4j.math.kernel;

import java.util.Arrays;

/**
 * Radial part of the kernel basis: Gaussian rings {@code b_i(r) = exp(-(r - r_i)^2 / (2 sigma_i^2))}
 * (unnormalized, as e2cnn). Immutable; equal when the radii and widths are equal.
 */
public final class GaussianRadialProfile {

    private final double[] radii;
    private final double[] sigmas;

    /**
     * @param radii  ring centres r_i, each at least 0
     * @param sigmas ring widths sigma_i, each positive, one per ring
     */
    public GaussianRadialProfile(double[] radii, double[] sigmas) {
        if (radii.length == 0) {
            throw new IllegalArgumentException("at least one ring is needed");
        }
        if (radii.length != sigmas.length) {
            throw new IllegalArgumentException("one sigma per ring expected: " + radii.length + " rings, "
                    + sigmas.length + " sigmas");
        }
        for (double r : radii) {
            if (!(r >= 0)) {
                throw new IllegalArgumentException("ring radii must be >= 0, got " + Arrays.toString(radii));
            }
        }
        for (double s : sigmas) {
            if (!(s > 0)) {
                throw new IllegalArgumentException("ring widths (sigma) must be > 0, got " + Arrays.toString(sigmas));
            }
        }
        this.radii = radii.clone();
        this.sigmas = sigmas.clone();
    }

    /** Number of rings. */
    public int rings() {
        return radii.length;
    }

    public double radius(int ring) {
        return radii[ring];
    }

    public double sigma(int ring) {
        return sigmas[ring];
    }

    /** The ring centres (a copy). */
    public double[] radii() {
        return radii.clone();
    }

    /** The ring widths (a copy). */
    public double[] sigmas() {
        return sigmas.clone();
    }

    /** b_ring(r). */
    public double value(int ring, double r) {
        double d = r - radii[ring];
        return Math.exp(-0.5 * d * d / (sigmas[ring] * sigmas[ring]));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GaussianRadialProfile g && Arrays.equals(radii, g.radii) && Arrays.equals(sigmas, g.sigmas);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(radii) + Arrays.hashCode(sigmas);
    }

    @Override
    public String toString() {
        return "rings " + Arrays.toString(radii) + " sigma " + Arrays.toString(sigmas);
    }
}
