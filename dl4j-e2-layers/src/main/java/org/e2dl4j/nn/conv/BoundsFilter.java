package org.e2dl4j.nn.conv;

import java.util.Objects;

import org.e2dl4j.math.kernel.BasisElement;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonInclude;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * The built-in {@link BasisFilter}: keeps an element iff {@code |frequency| <= maximumFrequency} and
 * {@code radius <= maximumRadius}, each bound applied only when set. Immutable value; made by
 * {@link BasisFilter#maximumFrequency} and {@link BasisFilter#maximumRadius}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class BoundsFilter implements BasisFilter {

    private static final long serialVersionUID = 1L;
    private static final double RADIUS_TOLERANCE = 1e-9;

    private final Integer maximumFrequency;
    private final Double maximumRadius;

    /**
     * @param maximumFrequency largest kept |frequency|, or null for no bound
     * @param maximumRadius    largest kept ring radius, or null for no bound
     */
    @JsonCreator
    public BoundsFilter(@JsonProperty("maximumFrequency") Integer maximumFrequency,
                       @JsonProperty("maximumRadius") Double maximumRadius) {
        if (maximumFrequency != null && maximumFrequency < 0) {
            throw new IllegalArgumentException("basis filter: maximumFrequency must be >= 0, got " + maximumFrequency);
        }
        if (maximumRadius != null && !(maximumRadius >= 0)) {
            throw new IllegalArgumentException("basis filter: maximumRadius must be >= 0, got " + maximumRadius);
        }
        this.maximumFrequency = maximumFrequency;
        this.maximumRadius = maximumRadius;
    }

    @JsonProperty("maximumFrequency")
    public Integer getMaximumFrequency() {
        return maximumFrequency;
    }

    @JsonProperty("maximumRadius")
    public Double getMaximumRadius() {
        return maximumRadius;
    }

    @Override
    public boolean test(BasisElement e) {
        return (maximumFrequency == null || Math.abs(e.frequency()) <= maximumFrequency)
                && (maximumRadius == null || e.radius() <= maximumRadius + RADIUS_TOLERANCE);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BoundsFilter f && Objects.equals(maximumFrequency, f.maximumFrequency)
                && Objects.equals(maximumRadius, f.maximumRadius);
    }

    @Override
    public int hashCode() {
        return Objects.hash(maximumFrequency, maximumRadius);
    }

    @Override
    public String toString() {
        return "BoundsFilter[" + (maximumFrequency == null ? "" : "|frequency| <= " + maximumFrequency)
                + (maximumFrequency != null && maximumRadius != null ? ", " : "")
                + (maximumRadius == null ? "" : "radius <= " + maximumRadius) + "]";
    }
}
