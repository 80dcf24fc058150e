package org.e2dl4j.nn;

import java.util.List;
import java.util.Locale;

import org.e2dl4j.math.group.GroupElement;

/**
 * The result of an {@link EquivarianceCheck}: for each tested element g the error |f(g.x) - g.f(x)|.
 * Immutable.
 *
 * @param errors one entry per tested element, in test order
 */
public record EquivarianceReport(List<ElementError> errors) {

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

    /** The largest relative error over the grid-preserving elements (0 if none was tested). */
    public double maxExactRelativeError() {
        return exactErrors().stream().mapToDouble(ElementError::relativeError).max().orElse(0);
    }

    /** The largest relative error over all tested elements. */
    public double maxRelativeError() {
        return errors.stream().mapToDouble(ElementError::relativeError).max().orElse(0);
    }

    /** The largest absolute error over all tested elements. */
    public double maxAbsoluteError() {
        return errors.stream().mapToDouble(ElementError::maxAbsoluteError).max().orElse(0);
    }

    /** One line per element: element, exact or interpolated, max/mean absolute and relative error. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("element  kind          max-abs     mean-abs    relative\n");
        for (ElementError e : errors) {
            sb.append(String.format(Locale.ROOT, "%-8s %-12s  %.3e   %.3e   %.3e%n", e.element(),
                    e.exact() ? "exact" : "interpolated", e.maxAbsoluteError(), e.meanAbsoluteError(),
                    e.relativeError()));
        }
        return sb.toString();
    }
}
