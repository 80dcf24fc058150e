package org.e2dl4j.nn.conv;

import java.io.Serializable;

import org.e2dl4j.math.kernel.FrequencyCutoff;
import org.nd4j.shade.jackson.annotation.JsonTypeInfo;

/**
 * A band limit {@code r -> largest |frequency| kept on the ring of radius r} (e2cnn's callable
 * {@code frequencies_cutoff}) in a form a layer configuration can store: JSON by class name and properties (as
 * DL4J stores activations and losses), Java serialization for Spark. It is evaluated on the layer's ring radii
 * only. Implement it as a named class with a public no-argument or {@code @JsonCreator} constructor and
 * {@code equals}; a lambda or an anonymous class cannot be read back and is refused when the layer is built.
 * {@link FrequencyCutoffTable} describes any cut-off by its values on the rings.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.CLASS, include = JsonTypeInfo.As.PROPERTY, property = "@class")
public interface FrequencyCutoffFunction extends FrequencyCutoff, Serializable {
}
