package org.e2dl4j.math.kernel;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Predicate;

/**
 * A {@link BasisPolicy} resolved for one kernel size and dilation: the grid, the Gaussian rings, the band limit
 * of each ring, the largest frequency any ring admits ({@code int(max_r cutoff(r))}, which bounds the aliased
 * harmonics of finite groups), the optional maximum offset and the optional user filter.
 * An element is kept iff {@code |frequency| <= cutoff(its ring)} and the user filter accepts it.
 */
public final class SamplingPlan {

    private final SamplingGrid grid;
    private final GaussianRadialProfile radial;
    private final double[] ringCutoffs;
    private final int maximumFrequency;
    private final OptionalInt maximumOffset;
    private final Predicate<BasisElement> filter;

    SamplingPlan(SamplingGrid grid, GaussianRadialProfile radial, double[] ringCutoffs, OptionalInt maximumOffset,
                 Predicate<BasisElement> filter) {
        this.grid = grid;
        this.radial = radial;
        this.ringCutoffs = ringCutoffs.clone();
        double max = Double.NEGATIVE_INFINITY;
        for (double c : ringCutoffs) {
            max = Math.max(max, c);
        }
        if (!(max >= 0)) {
            throw new IllegalArgumentException("the frequency cut-off must be >= 0 on some ring, got "
                    + Arrays.toString(ringCutoffs) + " on " + radial);
        }
        this.maximumFrequency = (int) max;
        this.maximumOffset = maximumOffset;
        this.filter = filter;
    }

    public SamplingGrid grid() {
        return grid;
    }

    public GaussianRadialProfile radialProfile() {
        return radial;
    }

    /** The band limit of ring i (a copy). */
    public double[] ringCutoffs() {
        return ringCutoffs.clone();
    }

    /** {@code int(max_r cutoff(r))}: the largest |mu| of an aliased harmonic. */
    public int maximumFrequency() {
        return maximumFrequency;
    }

    /** The largest aliasing offset |t|, if limited. */
    public OptionalInt maximumOffset() {
        return maximumOffset;
    }

    /** The user's basis filter, if any (AND-ed with the band limit). */
    public Optional<Predicate<BasisElement>> basisFilter() {
        return Optional.ofNullable(filter);
    }

    /** Whether the band limit and the user filter keep this analytic element. */
    public boolean admits(BasisElement element) {
        return Math.abs(element.frequency()) <= ringCutoffs[element.ringIndex()]
                && (filter == null || filter.test(element));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SamplingPlan p && grid.equals(p.grid) && radial.equals(p.radial)
                && Arrays.equals(ringCutoffs, p.ringCutoffs) && maximumOffset.equals(p.maximumOffset)
                && Objects.equals(filter, p.filter);
    }

    @Override
    public int hashCode() {
        return Objects.hash(grid, radial, Arrays.hashCode(ringCutoffs), maximumOffset);
    }

    @Override
    public String toString() {
        return "grid " + grid + ", " + radial + ", cut-off " + Arrays.toString(ringCutoffs)
                + ", maximum frequency " + maximumFrequency
                + (maximumOffset.isPresent() ? ", maximum offset " + maximumOffset.getAsInt() : "")
                + (filter == null ? "" : ", with a basis filter");
    }
}
