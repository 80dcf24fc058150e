package org.e2dl4j.nn;

import java.util.List;
import java.util.Locale;

import org.e2dl4j.math.group.GroupElement;

/**
 * The result of an {@link EquivarianceCheck}: for each tested element g the error |f(g.x) - g.f(x)|, whether it
 * lies within the check's tolerance (numpy's {@code allclose}, as e2cnn's {@code check_equivariance}:
 * {@code |g.f(x) - f(g.x)| <= atol + rtol |f(g.x)|} at every compared entry) and where it is worst, and whether
 * the map was degenerate (its output non-finite, constant or independent of the input), in which case a zero
 * error proves nothing: then the maximum errors are infinite, so every threshold fails, and {@link #toString}
 * starts with the reason. Immutable.
 *
 * @param errors     one entry per tested element, in test order
 * @param degeneracy why the output f(x) cannot show equivariance (e.g. "the output is all zeros"), or null when
 *                   it can
 * @param atol       the absolute tolerance the entries were held to
 * @param rtol       the relative tolerance (times |f(g.x)|)
 */
public record EquivarianceReport(List<ElementError> errors, String degeneracy, double atol, double rtol) {

    /**
     * The entry where an element's error is worst against the tolerance: the largest
     * {@code |g.f(x) - f(g.x)| - rtol |f(g.x)|} (the first NaN, if any).
     *
     * @param example             the example of the batch
     * @param channel             the channel
     * @param row                 the row
     * @param column              the column
     * @param mappedThenTransformed g.f(x) there
     * @param transformedThenMapped f(g.x) there
     */
    public record Position(long example, long channel, long row, long column, double mappedThenTransformed,
                           double transformedThenMapped) {

        /** |g.f(x) - f(g.x)| at this entry. */
        public double error() {
            return Math.abs(mappedThenTransformed - transformedThenMapped);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "(example %d, channel %d, row %d, column %d): g.f(x) = %.6e,"
                    + " f(g.x) = %.6e", example, channel, row, column, mappedThenTransformed, transformedThenMapped);
        }
    }

    /**
     * The error for one element.
     *
     * @param element            the group element g
     * @param exact              whether g maps the pixel grid onto itself (pixel permutation, no interpolation);
     *                           otherwise maps were resampled with e2cnn's order-2 spline and only a central disk
     *                           is compared
     * @param maxAbsoluteError   max |f(g.x) - g.f(x)| over the compared entries
     * @param meanAbsoluteError  mean of the same
     * @param relativeError      maxAbsoluteError / max |f(x)| over the compared entries
     * @param compared           the number of entries compared
     * @param outsideTolerance   how many of them violate {@code |g.f(x) - f(g.x)| <= atol + rtol |f(g.x)|} (NaN
     *                           entries included)
     * @param worst              where the error is worst against the tolerance
     */
    public record ElementError(GroupElement element, boolean exact, double maxAbsoluteError,
                               double meanAbsoluteError, double relativeError, long compared, long outsideTolerance,
                               Position worst) {

        /** Whether every compared entry lies within the tolerance (numpy's {@code allclose}). */
        public boolean withinTolerance() {
            return outsideTolerance == 0;
        }
    }

    public EquivarianceReport {
        errors = List.copyOf(errors);
    }

    /** The errors of the grid-preserving elements only (exact up to rounding for an equivariant map). */
    public List<ElementError> exactErrors() {
        return errors.stream().filter(ElementError::exact).toList();
    }

    /** Whether the map's output could not show equivariance (see {@link #degeneracy()}). */
    public boolean degenerate() {
        return degeneracy != null;
    }

    /**
     * The largest relative error over the grid-preserving elements (0 if none was tested; infinite if the map is
     * {@linkplain #degenerate() degenerate}).
     */
    public double maxExactRelativeError() {
        return degenerate() ? Double.POSITIVE_INFINITY
                : exactErrors().stream().mapToDouble(ElementError::relativeError).max().orElse(0);
    }

    /** The largest relative error over all tested elements (infinite if the map is degenerate). */
    public double maxRelativeError() {
        return degenerate() ? Double.POSITIVE_INFINITY
                : errors.stream().mapToDouble(ElementError::relativeError).max().orElse(0);
    }

    /** The largest absolute error over all tested elements (infinite if the map is degenerate). */
    public double maxAbsoluteError() {
        return degenerate() ? Double.POSITIVE_INFINITY
                : errors.stream().mapToDouble(ElementError::maxAbsoluteError).max().orElse(0);
    }

    /** Whether the map is not degenerate and every element is within the tolerance (e2cnn's assertion holds). */
    public boolean withinTolerance() {
        return !degenerate() && errors.stream().allMatch(ElementError::withinTolerance);
    }

    /**
     * Throws unless {@link #withinTolerance()}, as e2cnn's {@code check_equivariance} asserts: the message names
     * the tolerance and, for each failing element, how many entries fail and the worst position with both values.
     *
     * @return this report, when it passes
     * @throws AssertionError if the map is degenerate or some element is outside the tolerance
     */
    public EquivarianceReport assertWithinTolerance() {
        if (withinTolerance()) {
            return this;
        }
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "not equivariant within atol %.1e, rtol %.1e (|g.f(x) - f(g.x)| <= atol + rtol |f(g.x)|)", atol, rtol));
        if (degenerate()) {
            sb.append(": DEGENERATE, ").append(degeneracy);
        }
        for (ElementError e : errors) {
            if (!e.withinTolerance()) {
                Position w = e.worst();
                sb.append(String.format(Locale.ROOT, "%n  element %s (%s): %d of %d entries outside, max error %.3e;"
                        + " worst at %s, error %.3e > allowed %.3e", e.element(),
                        e.exact() ? "exact" : "interpolated", e.outsideTolerance(), e.compared(),
                        e.maxAbsoluteError(), w, w.error(), atol + rtol * Math.abs(w.transformedThenMapped())));
            }
        }
        throw new AssertionError(sb.toString());
    }

    /**
     * For a degenerate map a first line "DEGENERATE: reason", then one line per element: element, exact or
     * interpolated, max/mean absolute and relative error, entries outside the tolerance.
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        if (degenerate()) {
            sb.append("DEGENERATE: ").append(degeneracy)
                    .append(", so the errors below prove nothing about equivariance\n");
        }
        sb.append(String.format(Locale.ROOT, "element  kind          max-abs     mean-abs    relative    outside"
                + " (atol %.1e, rtol %.1e)%n", atol, rtol));
        for (ElementError e : errors) {
            sb.append(String.format(Locale.ROOT, "%-8s %-12s  %.3e   %.3e   %.3e   %d of %d%n", e.element(),
                    e.exact() ? "exact" : "interpolated", e.maxAbsoluteError(), e.meanAbsoluteError(),
                    e.relativeError(), e.outsideTolerance(), e.compared()));
        }
        return sb.toString();
    }
}
