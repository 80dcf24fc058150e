package org.e2dl4j.picture;

import java.util.Objects;

/**
 * One frame of the picture: the input turned by {@code angle} and what the steerable and the conventional network
 * make of it.
 *
 * <p>Draws: nothing itself; {@link FrameRenderer#render} draws it as one image.
 *
 * @param angle        the input's rotation in radians, counter-clockwise as displayed
 * @param input        the turned input
 * @param steerable    the steerable network's response
 * @param conventional the conventional network's response
 */
public record Frame(double angle, DiskImage input, FieldResponse steerable, FieldResponse conventional) {

    public Frame {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(steerable, "steerable");
        Objects.requireNonNull(conventional, "conventional");
    }

    /** The angle in degrees. */
    public double degrees() {
        return Math.toDegrees(angle);
    }
}
