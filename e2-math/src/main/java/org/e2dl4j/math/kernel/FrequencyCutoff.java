package org.e2dl4j.math.kernel;

/**
 * A band limit: the largest angular frequency |mu| a basis element on the ring of radius r may have.
 * A basis element is kept iff {@code |frequency| <= maximumFrequency(radius)}.
 */
@FunctionalInterface
public interface FrequencyCutoff {

    /** The largest admissible |mu| on the ring of the given radius. */
    double maximumFrequency(double radius);

    /** {@code r -> factor * r} (e2cnn's float {@code frequencies_cutoff}). */
    static FrequencyCutoff proportional(double factor) {
        return r -> factor * r;
    }
}
