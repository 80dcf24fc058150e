package org.e2dl4j.nn.conv;

import java.io.Serializable;
import java.util.Objects;
import java.util.function.Predicate;

import org.e2dl4j.math.kernel.BasisElement;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonInclude;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * A serializable filter on the elements of a steerable kernel basis (the describable part of e2cnn's
 * {@code basis_filter}): keeps an element iff {@code |frequency| <= maximumFrequency} and
 * {@code radius <= maximumRadius}, each bound applied only when set. A layer configuration stores this
 * description rather than a lambda, so it survives JSON and Java serialization. Immutable value.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class BasisFilter implements Predicate<BasisElement>, Serializable {

    private static final long serialVersionUID = 1L;
    private static final double RADIUS_TOLERANCE = 1e-9;

    private final Integer maximumFrequency;
    private final Double maximumRadius;

    /**
     * @param maximumFrequency largest kept |frequency|, or null for no bound
     * @param maximumRadius    largest kept ring radius, or null for no bound
     */
    @JsonCreator
    public BasisFilter(@JsonProperty("maximumFrequency") Integer maximumFrequency,
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

    /** Keeps elements with |frequency| at most {@code m}. */
    public static BasisFilter maximumFrequency(int m) {
        return new BasisFilter(m, null);
    }

    /** Keeps elements on rings of radius at most {@code r}. */
    public static BasisFilter maximumRadius(double r) {
        return new BasisFilter(null, r);
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
        return o instanceof BasisFilter f && Objects.equals(maximumFrequency, f.maximumFrequency)
                && Objects.equals(maximumRadius, f.maximumRadius);
    }

    @Override
    public int hashCode() {
        return Objects.hash(maximumFrequency, maximumRadius);
    }

    @Override
    public String toString() {
        return "BasisFilter[" + (maximumFrequency == null ? "" : "|frequency| <= " + maximumFrequency)
                + (maximumFrequency != null && maximumRadius != null ? ", " : "")
                + (maximumRadius == null ? "" : "radius <= " + maximumRadius) + "]";
    }
}
