package org.e2dl4j.math.group;

import java.util.Optional;

/** Recovers the index k of an angle theta = 2 pi k / M, up to a small tolerance. */
final class RotationIndex {

    /** Angles closer than this (in radians) to a multiple of 2 pi / M count as that multiple. */
    static final double TOLERANCE = 1e-9;

    private RotationIndex() {
    }

    static Optional<Integer> of(double theta, int m) {
        double x = theta * m / (2 * Math.PI);
        long k = Math.round(x);
        if (Math.abs(x - k) * 2 * Math.PI / m > TOLERANCE) {
            return Optional.empty();
        }
        return Optional.of((int) Math.floorMod(k, (long) m));
    }
}
