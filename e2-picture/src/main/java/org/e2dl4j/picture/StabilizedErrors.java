package org.e2dl4j.picture;

import java.util.List;
import java.util.Locale;

/**
 * The largest relative stabilized error ({@link FieldResponse#stabilizedError}) of each network over a turn,
 * split into the frames at multiples of 90 degrees (where a steerable network is exactly equivariant on the
 * pixel grid) and the others (where the input was resampled); NaN where a turn has no such frame. Immutable.
 *
 * <p>Draws: nothing; it sums up in numbers what the frames show.
 *
 * @param steerableQuarterTurns    steerable network, worst frame at a multiple of 90 degrees
 * @param steerableOther           steerable network, worst other frame
 * @param conventionalQuarterTurns conventional network, worst frame at a multiple of 90 degrees
 * @param conventionalOther        conventional network, worst other frame
 */
public record StabilizedErrors(double steerableQuarterTurns, double steerableOther, double conventionalQuarterTurns,
                               double conventionalOther) {

    /** Angles this close (radians) to a multiple of 90 degrees count as one. */
    private static final double QUARTER_TURN_TOLERANCE = 1e-9;

    /** The worst errors of the frames. */
    public static StabilizedErrors of(List<Frame> frames) {
        double[] worst = {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
        for (Frame f : frames) {
            int offset = isQuarterTurn(f.angle()) ? 0 : 1;
            worst[offset] = max(worst[offset], f.steerable().stabilizedError());
            worst[2 + offset] = max(worst[2 + offset], f.conventional().stabilizedError());
        }
        return new StabilizedErrors(worst[0], worst[1], worst[2], worst[3]);
    }

    /** Whether the angle (radians) is a multiple of 90 degrees. */
    public static boolean isQuarterTurn(double angle) {
        double quarters = angle / (Math.PI / 2);
        return Math.abs(quarters - Math.rint(quarters)) < QUARTER_TURN_TOLERANCE;
    }

    /** One line for the log. */
    public String summary() {
        String line = String.format(Locale.ROOT, "largest relative stabilized error at multiples of 90 degrees:"
                + " steerable %.1e, conventional %.0f%%", steerableQuarterTurns, 100 * conventionalQuarterTurns);
        if (Double.isNaN(steerableOther)) {
            return line;
        }
        return line + String.format(Locale.ROOT, "; at the other angles: steerable %.1f%%, conventional %.0f%%",
                100 * steerableOther, 100 * conventionalOther);
    }

    private static double max(double worst, double value) {
        return Double.isNaN(worst) ? value : Math.max(worst, value);
    }
}
