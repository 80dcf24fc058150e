package org.e2dl4j.math.kernel;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Predicate;

/**
 * How a steerable kernel basis is built from the analytic solutions: Gaussian rings (radii and widths sigma),
 * a band limit (frequency cut-off per ring), an optional maximum aliasing offset and an optional filter on
 * element attributes. Immutable; build with {@link #builder()}.
 *
 * <p>{@link #defaults()} is e2cnn's R2Conv default ({@code compute_basis_params}) for kernel size k and
 * dilation d:
 * <ul>
 *   <li>rings {@code 0, d, 2d, ..., (ceil(k/2) - 1) d};</li>
 *   <li>sigma 0.6 on every ring, 0.4 on the outer one, 0.005 on a ring at radius 0;</li>
 *   <li>cut-off {@link ManualCutoff#FCO1} with outer radius {@code k / 2} (not scaled by the dilation);</li>
 *   <li>no maximum offset, no filter.</li>
 * </ul>
 * Every ring must lie within the grid: {@code 0 <= r <= } the corner radius. On the k x k x k grid of a 3D
 * G-space ({@link #resolve(int, int, int)}) the defaults are escnn's R3Conv ones: the same rings and sigmas, and
 * FCO1 is escnn's 3D rule {@code min(2r, k/2 - r + 2)} (see {@link ManualCutoff}).
 */
public final class BasisPolicy {

    private static final BasisPolicy DEFAULTS = builder().build();

    private final double[] rings;
    private final double[] sigmas;
    private final Double uniformSigma;
    private final CutoffRule cutoff;
    private final OptionalInt maximumOffset;
    private final Predicate<BasisElement> filter;

    private BasisPolicy(Builder b) {
        this.rings = b.rings;
        this.sigmas = b.sigmas;
        this.uniformSigma = b.uniformSigma;
        this.cutoff = b.cutoff;
        this.maximumOffset = b.maximumOffset;
        this.filter = b.filter;
    }

    /** e2cnn's default policy. */
    public static BasisPolicy defaults() {
        return DEFAULTS;
    }

    /** A builder starting from e2cnn's defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The maximum aliasing offset |t|, if set. */
    public OptionalInt maximumOffset() {
        return maximumOffset;
    }

    /** The user's basis filter, if set. */
    public Optional<Predicate<BasisElement>> basisFilter() {
        return Optional.ofNullable(filter);
    }

    /** The explicit ring radii, if set (a copy). */
    public Optional<double[]> rings() {
        return Optional.ofNullable(rings).map(double[]::clone);
    }

    /**
     * Resolves this policy for a planar kernel size and dilation.
     *
     * @throws IllegalArgumentException if a ring lies outside the grid, sigmas and rings disagree in number,
     *                                  or the cut-off is negative on every ring
     */
    public SamplingPlan resolve(int kernelSize, int dilation) {
        return resolve(kernelSize, dilation, 2);
    }

    /**
     * Resolves this policy for a kernel size and dilation on the grid of a base space of dimension 2 or 3.
     *
     * @throws IllegalArgumentException as {@link #resolve(int, int)}, or for another dimensionality
     */
    public SamplingPlan resolve(int kernelSize, int dilation, int dimensionality) {
        SamplingGrid grid = new SamplingGrid(kernelSize, dilation, dimensionality);
        double[] radii = rings != null ? rings.clone() : defaultRings(kernelSize, dilation);
        double maxRadius = grid.maximumRadius();
        for (double r : radii) {
            if (!(r >= 0 && r <= maxRadius)) {
                throw new IllegalArgumentException("ring radii must lie in [0, " + maxRadius + "] (the corner of the "
                        + grid + " grid), got " + Arrays.toString(radii));
            }
        }
        double[] widths;
        if (sigmas != null) {
            widths = sigmas.clone();
        } else if (uniformSigma != null) {
            widths = new double[radii.length];
            Arrays.fill(widths, uniformSigma);
        } else {
            widths = defaultSigmas(radii);
        }
        GaussianRadialProfile radial = new GaussianRadialProfile(radii, widths);
        FrequencyCutoff fco = cutoff.forKernelSize(kernelSize, dimensionality);
        double[] ringCutoffs = new double[radii.length];
        for (int i = 0; i < radii.length; i++) {
            ringCutoffs[i] = fco.maximumFrequency(radii[i]);
        }
        return new SamplingPlan(grid, radial, ringCutoffs, maximumOffset, filter);
    }

    private static double[] defaultRings(int kernelSize, int dilation) {
        int n = (kernelSize + 1) / 2;
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            r[i] = (double) i * dilation;
        }
        return r;
    }

    private static double[] defaultSigmas(double[] radii) {
        double[] s = new double[radii.length];
        Arrays.fill(s, 0.6);
        s[s.length - 1] = 0.4;
        for (int i = 0; i < radii.length; i++) {
            if (radii[i] == 0.0) {
                s[i] = 0.005;
            }
        }
        return s;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BasisPolicy p && Arrays.equals(rings, p.rings) && Arrays.equals(sigmas, p.sigmas)
                && Objects.equals(uniformSigma, p.uniformSigma) && cutoff.equals(p.cutoff)
                && maximumOffset.equals(p.maximumOffset) && Objects.equals(filter, p.filter);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(rings), Arrays.hashCode(sigmas), uniformSigma, cutoff, maximumOffset);
    }

    @Override
    public String toString() {
        return "BasisPolicy[rings " + (rings == null ? "default" : Arrays.toString(rings))
                + ", sigma " + (sigmas != null ? Arrays.toString(sigmas) : uniformSigma != null ? uniformSigma : "default")
                + ", cut-off " + cutoff
                + (maximumOffset.isPresent() ? ", maximum offset " + maximumOffset.getAsInt() : "")
                + (filter == null ? "" : ", with a basis filter") + "]";
    }

    /** How the band limit depends on the kernel size. */
    private sealed interface CutoffRule {
        FrequencyCutoff forKernelSize(int kernelSize, int dimensionality);
    }

    private record Manual(ManualCutoff rule) implements CutoffRule {
        @Override
        public FrequencyCutoff forKernelSize(int kernelSize, int dimensionality) {
            return rule.forOuterRadius(kernelSize / 2, dimensionality);
        }

        @Override
        public String toString() {
            return rule.name();
        }
    }

    private record Proportional(double factor) implements CutoffRule {
        @Override
        public FrequencyCutoff forKernelSize(int kernelSize, int dimensionality) {
            return FrequencyCutoff.proportional(factor);
        }

        @Override
        public String toString() {
            return factor + " r";
        }
    }

    private record Custom(FrequencyCutoff function) implements CutoffRule {
        @Override
        public FrequencyCutoff forKernelSize(int kernelSize, int dimensionality) {
            return function;
        }

        @Override
        public String toString() {
            return "custom";
        }
    }

    /** Builder of {@link BasisPolicy}; every setting starts at e2cnn's default. */
    public static final class Builder {
        private double[] rings;
        private double[] sigmas;
        private Double uniformSigma;
        private CutoffRule cutoff = new Manual(ManualCutoff.FCO1);
        private OptionalInt maximumOffset = OptionalInt.empty();
        private Predicate<BasisElement> filter;

        private Builder() {
        }

        /** Explicit ring radii (default {@code 0, d, ..., (ceil(k/2) - 1) d}). */
        public Builder rings(double... radii) {
            if (radii.length == 0) {
                throw new IllegalArgumentException("rings: at least one radius expected");
            }
            this.rings = radii.clone();
            return this;
        }

        /** One width for every ring (default: 0.6, 0.4 on the outer ring, 0.005 at radius 0). */
        public Builder sigma(double sigma) {
            if (!(sigma > 0)) {
                throw new IllegalArgumentException("sigma must be > 0, got " + sigma);
            }
            this.uniformSigma = sigma;
            this.sigmas = null;
            return this;
        }

        /** One width per ring; needs as many values as there are rings. */
        public Builder sigmas(double... perRing) {
            if (perRing.length == 0) {
                throw new IllegalArgumentException("sigmas: at least one width expected");
            }
            this.sigmas = perRing.clone();
            this.uniformSigma = null;
            return this;
        }

        /** One of e2cnn's manual band limits (default {@link ManualCutoff#FCO1}). */
        public Builder frequencyCutoff(ManualCutoff rule) {
            this.cutoff = new Manual(Objects.requireNonNull(rule, "rule"));
            return this;
        }

        /** The band limit {@code |mu| <= factor * r} (e2cnn's float {@code frequencies_cutoff}). */
        public Builder frequencyCutoffFactor(double factor) {
            if (!(factor >= 0)) {
                throw new IllegalArgumentException("frequency cut-off factor must be >= 0, got " + factor);
            }
            this.cutoff = new Proportional(factor);
            return this;
        }

        /** An arbitrary band limit as a function of the ring radius. */
        public Builder frequencyCutoff(FrequencyCutoff function) {
            this.cutoff = new Custom(Objects.requireNonNull(function, "function"));
            return this;
        }

        /** The largest aliasing offset |t| of finite groups (default: unlimited). */
        public Builder maximumOffset(int offset) {
            if (offset < 0) {
                throw new IllegalArgumentException("maximum offset must be >= 0, got " + offset);
            }
            this.maximumOffset = OptionalInt.of(offset);
            return this;
        }

        /**
         * A filter on element attributes, AND-ed with the band limit. Sampled bases are cached by the set of
         * elements the filter keeps, so equal filters share the cache.
         */
        public Builder basisFilter(Predicate<BasisElement> filter) {
            this.filter = Objects.requireNonNull(filter, "filter");
            return this;
        }

        public BasisPolicy build() {
            return new BasisPolicy(this);
        }
    }
}
