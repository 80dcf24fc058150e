package org.e2dl4j.samples.architectures;

import java.util.function.DoubleToLongFunction;

/**
 * Parameter-budget matching: the width scale at which a model family has the parameter count closest to a target,
 * as the e2cnn paper scales its equivariant models to the size of a conventional CNN.
 *
 * <p>The family is given by its parameter count as a function of a width scale (for instance
 * {@code s -> TrainableParameters.of(E2Sfcnn.of(16, false).withWidthScale(s).configuration(28, 10, 0)).total()}),
 * which must not decrease as the scale grows: field multiplicities are rounded widths, so the count is a step
 * function. The search bisects for the first step at or above the target and compares it with the last step below.
 */
public final class ParameterBudget {

    /** Bisection stops when the interval is this small relative to its upper end, below any step of a rounded width. */
    private static final double RESOLUTION = 1e-12;

    /**
     * The matched scale and the parameters the family has there.
     *
     * @param scale      the width scale
     * @param parameters the count at that scale
     * @param target     the count asked for
     */
    public record Match(double scale, long parameters, long target) {

        /** {@code parameters - target}. */
        public long difference() {
            return parameters - target;
        }
    }

    private ParameterBudget() {
    }

    /**
     * The scale in {@code [low, high]} whose count is closest to {@code target} (the smaller count on a tie).
     *
     * @param countForScale the family's parameter count at a width scale, non-decreasing in the scale
     * @param target        the parameter count to match (positive)
     * @param low           the smallest scale to consider (positive, finite)
     * @param high          the largest scale to consider (finite, above {@code low})
     * @throws IllegalArgumentException if the interval is not one, the target is not positive, the target lies
     *                                  outside {@code [count(low), count(high)]}, or the count decreases
     */
    public static Match closest(DoubleToLongFunction countForScale, long target, double low, double high) {
        if (!(low > 0 && Double.isFinite(low) && Double.isFinite(high) && high > low)) {
            throw new IllegalArgumentException("parameter budget: expected scales 0 < low < high, finite, got low "
                    + low + " and high " + high);
        }
        if (target <= 0) {
            throw new IllegalArgumentException("parameter budget: expected a positive target, got " + target);
        }
        long lowCount = countForScale.applyAsLong(low);
        long highCount = countForScale.applyAsLong(high);
        if (target < lowCount || target > highCount) {
            throw new IllegalArgumentException("parameter budget: target " + target + " lies outside the counts "
                    + lowCount + " (scale " + low + ") to " + highCount + " (scale " + high + ")");
        }
        double below = low;
        long belowCount = lowCount;
        double above = high;
        long aboveCount = highCount;
        while (belowCount < target && above - below > RESOLUTION * above) {
            double middle = below + (above - below) / 2;
            long count = countForScale.applyAsLong(middle);
            if (count < belowCount || count > aboveCount) {
                throw new IllegalArgumentException("parameter budget: the count decreases with the scale: "
                        + count + " at scale " + middle + " between " + belowCount + " at " + below + " and "
                        + aboveCount + " at " + above);
            }
            if (count < target) {
                below = middle;
                belowCount = count;
            } else {
                above = middle;
                aboveCount = count;
            }
        }
        if (belowCount >= target) {
            return new Match(below, belowCount, target);
        }
        return target - belowCount <= aboveCount - target
                ? new Match(below, belowCount, target)
                : new Match(above, aboveCount, target);
    }
}
