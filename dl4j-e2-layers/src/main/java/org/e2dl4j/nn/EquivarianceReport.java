package org.e2dl4j.nn;

import java.util.List;
import java.util.Locale;

import org.e2dl4j.math.group.GroupElement;

/**
 * The result of an {@link EquivarianceCheck}: for each tested element g the error |f(g.x) - g.f(x)|, and whether
 * the map was degenerate (its output non-finite, constant or independent of the input), in which case a zero
 * error proves nothing: then the maximum errors are infinite, so every threshold fails, and {@link #toString}
 * starts with the reason. Immutable.
 *
 * @param errors     one entry per tested element, in test order
 * @param degeneracy why the output f(x) cannot show equivariance (e.g. "the output is all zeros"), or null when
 *                   it can
 */
public record EquivarianceReport(List<ElementError> errors, String degeneracy) {

    /**
     * The error for one element.
     *
     * @param element            the group element g
     * @param exact              whether g maps the pixel grid onto itself (pixel permutation, no interpolation);
     *                           otherwise maps were resampled bilinearly and only a central disk is compared
     * @param maxAbsoluteError   max |f(g.x) - g.f(x)| over the compared entries
     * @param meanAbsoluteError  mean of the same
     * @param relativeError      maxAbsoluteError / max |f(x)| over the compared entries
     */
    public record ElementError(GroupElement element, boolean exact, double maxAbsoluteError,
                               double meanAbsoluteError, double relativeError) {
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

    /**
     * For a degenerate map a first line "DEGENERATE: reason", then one line per element: element, exact or
     * interpolated, max/mean absolute and relative error.
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        if (degenerate()) {
            sb.append("DEGENERATE: ").append(degeneracy)
                    .append(", so the errors below prove nothing about equivariance\n");
        }
        sb.append("element  kind          max-abs     mean-abs    relative\n");
        for (ElementError e : errors) {
            sb.append(String.format(Locale.ROOT, "%-8s %-12s  %.3e   %.3e   %.3e%n", e.element(),
                    e.exact() ? "exact" : "interpolated", e.maxAbsoluteError(), e.meanAbsoluteError(),
                    e.relativeError()));
        }
        return sb.toString();
    }
}
