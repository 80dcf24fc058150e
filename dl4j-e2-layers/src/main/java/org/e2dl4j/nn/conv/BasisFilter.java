package org.e2dl4j.nn.conv;

import java.io.Serializable;
import java.util.function.Predicate;

import org.e2dl4j.math.kernel.BasisElement;
import org.nd4j.shade.jackson.annotation.JsonTypeInfo;

/**
 * A filter on the elements of a steerable kernel basis (e2cnn's {@code basis_filter}, a predicate on an element's
 * attributes: {@link BasisElement} has e2cnn's frequency, radius, sigma, gamma, irreps and indices), in a form a
 * layer configuration can store: JSON by class name and properties, Java serialization for Spark. It is AND-ed
 * with the band limit. Implement it as a named class with a public no-argument or {@code @JsonCreator}
 * constructor and {@code equals}; a lambda or an anonymous class cannot be read back and is refused when the
 * layer is built. {@link #maximumFrequency} and {@link #maximumRadius} give the built-in {@link BoundsFilter}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.CLASS, include = JsonTypeInfo.As.PROPERTY, property = "@class")
public interface BasisFilter extends Predicate<BasisElement>, Serializable {

    /** Keeps elements with |frequency| at most {@code m}. */
    static BasisFilter maximumFrequency(int m) {
        return new BoundsFilter(m, null);
    }

    /** Keeps elements on rings of radius at most {@code r}. */
    static BasisFilter maximumRadius(double r) {
        return new BoundsFilter(null, r);
    }
}
