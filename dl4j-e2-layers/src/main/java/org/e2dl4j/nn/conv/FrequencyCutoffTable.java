package org.e2dl4j.nn.conv;

import java.util.Arrays;

import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * A band limit given by its value on each ring: the largest |frequency| kept on the ring of radius
 * {@code radii[i]} is {@code maximumFrequencies[i]}. Since e2cnn evaluates its {@code frequencies_cutoff} on the
 * ring radii only, this table stores any such function exactly, e.g. {@code lambda r: {0: 0, 1: 1, 2: 1}[r]} is
 * {@code new FrequencyCutoffTable(new double[] {0, 1, 2}, new double[] {0, 1, 1})}. A ring whose radius is not
 * in the table is refused when the layer's basis is built. Immutable value.
 */
public final class FrequencyCutoffTable implements FrequencyCutoffFunction {

    private static final long serialVersionUID = 1L;
    /** Radii closer than this are the same ring. */
    private static final double RADIUS_TOLERANCE = 1e-9;

    private final double[] radii;
    private final double[] maximumFrequencies;

    /**
     * @param radii              ring radii, each at least 0, distinct
     * @param maximumFrequencies the band limit on each of them (a negative one keeps nothing there), not NaN
     * @throws IllegalArgumentException if the arrays are empty or of different lengths, or a value is out of range
     */
    @JsonCreator
    public FrequencyCutoffTable(@JsonProperty("radii") double[] radii,
                                @JsonProperty("maximumFrequencies") double[] maximumFrequencies) {
        if (radii == null || maximumFrequencies == null || radii.length == 0
                || radii.length != maximumFrequencies.length) {
            throw new IllegalArgumentException("frequency cut-off table: one maximum frequency per radius expected, got "
                    + Arrays.toString(radii) + " and " + Arrays.toString(maximumFrequencies));
        }
        for (int i = 0; i < radii.length; i++) {
            if (!(radii[i] >= 0) || Double.isInfinite(radii[i]) || Double.isNaN(maximumFrequencies[i])) {
                throw new IllegalArgumentException("frequency cut-off table: radii must be finite and >= 0 and the"
                        + " maximum frequencies not NaN, got radius " + radii[i] + " -> " + maximumFrequencies[i]);
            }
            for (int j = 0; j < i; j++) {
                if (Math.abs(radii[i] - radii[j]) < RADIUS_TOLERANCE) {
                    throw new IllegalArgumentException("frequency cut-off table: radius " + radii[i]
                            + " appears twice in " + Arrays.toString(radii));
                }
            }
        }
        this.radii = radii.clone();
        this.maximumFrequencies = maximumFrequencies.clone();
    }

    /**
     * @throws IllegalArgumentException if no entry of the table has this radius
     */
    @Override
    public double maximumFrequency(double radius) {
        for (int i = 0; i < radii.length; i++) {
            if (Math.abs(radii[i] - radius) < RADIUS_TOLERANCE) {
                return maximumFrequencies[i];
            }
        }
        throw new IllegalArgumentException("the frequency cut-off table has no entry for the ring of radius " + radius
                + " (its radii are " + Arrays.toString(radii) + ")");
    }

    @JsonProperty("radii")
    public double[] getRadii() {
        return radii.clone();
    }

    @JsonProperty("maximumFrequencies")
    public double[] getMaximumFrequencies() {
        return maximumFrequencies.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FrequencyCutoffTable t && Arrays.equals(radii, t.radii)
                && Arrays.equals(maximumFrequencies, t.maximumFrequencies);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(radii) + Arrays.hashCode(maximumFrequencies);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("FrequencyCutoffTable[");
        for (int i = 0; i < radii.length; i++) {
            s.append(i == 0 ? "" : ", ").append(radii[i]).append(" -> ").append(maximumFrequencies[i]);
        }
        return s.append("]").toString();
    }
}
