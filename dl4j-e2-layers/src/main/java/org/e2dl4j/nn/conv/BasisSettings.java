package org.e2dl4j.nn.conv;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;

import org.e2dl4j.math.kernel.BasisPolicy;
import org.e2dl4j.math.kernel.ManualCutoff;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonInclude;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * The serializable form of a layer's kernel-basis policy: the overrides of e2cnn's defaults that a layer
 * configuration stores (ring radii, widths sigma, frequency cut-off as e2cnn's manual rule or a factor,
 * maximum offset, {@link BasisFilter}). Unset values (null) keep e2cnn's defaults, see {@link BasisPolicy}.
 * Immutable value; change it with the {@code with...} methods.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class BasisSettings implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final BasisSettings DEFAULTS = new BasisSettings(null, null, null, null, null, null, null);

    private final double[] rings;
    private final double[] sigmas;
    private final Double sigma;
    private final ManualCutoff frequencyCutoff;
    private final Double frequencyCutoffFactor;
    private final Integer maximumOffset;
    private final BasisFilter basisFilter;

    @JsonCreator
    BasisSettings(@JsonProperty("rings") double[] rings,
                  @JsonProperty("sigmas") double[] sigmas,
                  @JsonProperty("sigma") Double sigma,
                  @JsonProperty("frequencyCutoff") ManualCutoff frequencyCutoff,
                  @JsonProperty("frequencyCutoffFactor") Double frequencyCutoffFactor,
                  @JsonProperty("maximumOffset") Integer maximumOffset,
                  @JsonProperty("basisFilter") BasisFilter basisFilter) {
        this.rings = rings == null ? null : rings.clone();
        this.sigmas = sigmas == null ? null : sigmas.clone();
        this.sigma = sigma;
        this.frequencyCutoff = frequencyCutoff;
        this.frequencyCutoffFactor = frequencyCutoffFactor;
        this.maximumOffset = maximumOffset;
        this.basisFilter = basisFilter;
        toPolicy();
    }

    /** e2cnn's defaults: nothing overridden. */
    public static BasisSettings defaults() {
        return DEFAULTS;
    }

    /** The kernel-basis policy these settings describe. */
    public BasisPolicy toPolicy() {
        BasisPolicy.Builder b = BasisPolicy.builder();
        if (rings != null) {
            b.rings(rings);
        }
        if (sigmas != null) {
            b.sigmas(sigmas);
        }
        if (sigma != null) {
            b.sigma(sigma);
        }
        if (frequencyCutoff != null) {
            b.frequencyCutoff(frequencyCutoff);
        }
        if (frequencyCutoffFactor != null) {
            b.frequencyCutoffFactor(frequencyCutoffFactor);
        }
        if (maximumOffset != null) {
            b.maximumOffset(maximumOffset);
        }
        if (basisFilter != null) {
            b.basisFilter(basisFilter);
        }
        return b.build();
    }

    /** Explicit ring radii. */
    public BasisSettings withRings(double... radii) {
        return new BasisSettings(radii, sigmas, sigma, frequencyCutoff, frequencyCutoffFactor, maximumOffset, basisFilter);
    }

    /** One width sigma for every ring (replaces per-ring widths). */
    public BasisSettings withSigma(double width) {
        return new BasisSettings(rings, null, width, frequencyCutoff, frequencyCutoffFactor, maximumOffset, basisFilter);
    }

    /** One width per ring (replaces a single width). */
    public BasisSettings withSigmas(double... widths) {
        return new BasisSettings(rings, widths, null, frequencyCutoff, frequencyCutoffFactor, maximumOffset, basisFilter);
    }

    /** One of e2cnn's manual band limits (replaces a factor). */
    public BasisSettings withFrequencyCutoff(ManualCutoff rule) {
        return new BasisSettings(rings, sigmas, sigma, Objects.requireNonNull(rule), null, maximumOffset, basisFilter);
    }

    /** The band limit {@code |mu| <= factor * r} (replaces a manual rule). */
    public BasisSettings withFrequencyCutoffFactor(double factor) {
        return new BasisSettings(rings, sigmas, sigma, null, factor, maximumOffset, basisFilter);
    }

    /** The largest aliasing offset |t|. */
    public BasisSettings withMaximumOffset(int offset) {
        return new BasisSettings(rings, sigmas, sigma, frequencyCutoff, frequencyCutoffFactor, offset, basisFilter);
    }

    /** A filter on basis elements. */
    public BasisSettings withBasisFilter(BasisFilter filter) {
        return new BasisSettings(rings, sigmas, sigma, frequencyCutoff, frequencyCutoffFactor, maximumOffset,
                Objects.requireNonNull(filter));
    }

    @JsonProperty("rings")
    public double[] getRings() {
        return rings == null ? null : rings.clone();
    }

    @JsonProperty("sigmas")
    public double[] getSigmas() {
        return sigmas == null ? null : sigmas.clone();
    }

    @JsonProperty("sigma")
    public Double getSigma() {
        return sigma;
    }

    @JsonProperty("frequencyCutoff")
    public ManualCutoff getFrequencyCutoff() {
        return frequencyCutoff;
    }

    @JsonProperty("frequencyCutoffFactor")
    public Double getFrequencyCutoffFactor() {
        return frequencyCutoffFactor;
    }

    @JsonProperty("maximumOffset")
    public Integer getMaximumOffset() {
        return maximumOffset;
    }

    @JsonProperty("basisFilter")
    public BasisFilter getBasisFilter() {
        return basisFilter;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BasisSettings s && Arrays.equals(rings, s.rings) && Arrays.equals(sigmas, s.sigmas)
                && Objects.equals(sigma, s.sigma) && frequencyCutoff == s.frequencyCutoff
                && Objects.equals(frequencyCutoffFactor, s.frequencyCutoffFactor)
                && Objects.equals(maximumOffset, s.maximumOffset) && Objects.equals(basisFilter, s.basisFilter);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(rings), Arrays.hashCode(sigmas), sigma, frequencyCutoff,
                frequencyCutoffFactor, maximumOffset, basisFilter);
    }

    @Override
    public String toString() {
        return toPolicy().toString();
    }
}
