package org.e2dl4j.picture;

import java.util.Objects;

/**
 * What one network does with one turned input: its fields for the upright input (the reference), for the input
 * turned by the frame's angle, and the latter turned back (the stabilized view).
 *
 * <p>Draws: nothing itself; {@link FrameRenderer} draws its output and stabilized view side by side.
 *
 * @param label      the network's label
 * @param reference  the output for the upright input
 * @param output     the output for the turned input
 * @param stabilized {@code output} turned back by the frame's angle
 */
public record FieldResponse(String label, FeatureFields reference, FeatureFields output, FeatureFields stabilized) {

    public FieldResponse {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(stabilized, "stabilized");
    }

    /**
     * How far the stabilized view is from the reference, relative, over the disk
     * ({@link FeatureFields#relativeDifference}): zero for an exactly equivariant network.
     */
    public double stabilizedError() {
        return stabilized.relativeDifference(reference);
    }
}
