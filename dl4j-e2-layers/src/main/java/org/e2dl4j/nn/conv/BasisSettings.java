package org.e2dl4j.nn.conv;

import java.io.IOException;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.e2dl4j.math.kernel.BasisPolicy;
import org.e2dl4j.math.kernel.ManualCutoff;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonInclude;
import org.nd4j.shade.jackson.annotation.JsonProperty;
import org.nd4j.shade.jackson.databind.ObjectMapper;

/**
 * The serializable form of a layer's kernel-basis policy: the overrides of e2cnn's defaults that a layer
 * configuration stores (ring radii, widths sigma, frequency cut-off as e2cnn's manual rule, a factor or a
 * {@link FrequencyCutoffFunction}, maximum offset, {@link BasisFilter}). Unset values (null) keep e2cnn's
 * defaults, see {@link BasisPolicy}. Immutable value; change it with the {@code with...} methods. The values are
 * checked by {@link #check()} (which a layer runs when it is built or read), not when they are set.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class BasisSettings implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final BasisSettings DEFAULTS = new BasisSettings(null, null, null, null, null, null, null, null);

    private final double[] rings;
    private final double[] sigmas;
    private final Double sigma;
    private final ManualCutoff frequencyCutoff;
    private final Double frequencyCutoffFactor;
    private final FrequencyCutoffFunction frequencyCutoffFunction;
    private final Integer maximumOffset;
    private final BasisFilter basisFilter;

    @JsonCreator
    BasisSettings(@JsonProperty("rings") double[] rings,
                  @JsonProperty("sigmas") double[] sigmas,
                  @JsonProperty("sigma") Double sigma,
                  @JsonProperty("frequencyCutoff") ManualCutoff frequencyCutoff,
                  @JsonProperty("frequencyCutoffFactor") Double frequencyCutoffFactor,
                  @JsonProperty("frequencyCutoffFunction") FrequencyCutoffFunction frequencyCutoffFunction,
                  @JsonProperty("maximumOffset") Integer maximumOffset,
                  @JsonProperty("basisFilter") BasisFilter basisFilter) {
        this.rings = rings == null ? null : rings.clone();
        this.sigmas = sigmas == null ? null : sigmas.clone();
        this.sigma = sigma;
        this.frequencyCutoff = frequencyCutoff;
        this.frequencyCutoffFactor = frequencyCutoffFactor;
        this.frequencyCutoffFunction = frequencyCutoffFunction;
        this.maximumOffset = maximumOffset;
        this.basisFilter = basisFilter;
    }

    /** e2cnn's defaults: nothing overridden. */
    public static BasisSettings defaults() {
        return DEFAULTS;
    }

    /**
     * Checks the settings: at most one width setting and one cut-off setting, values in range, and a
     * {@link FrequencyCutoffFunction} or {@link BasisFilter} that comes back equal from the JSON of a
     * configuration (so that a saved layer reads back the same basis).
     *
     * @throws IllegalArgumentException saying which setting is wrong and what was expected
     */
    public void check() {
        if (sigma != null && sigmas != null) {
            throw new IllegalArgumentException("basis settings: set either 'sigma' or 'sigmas', got both (" + sigma
                    + " and " + Arrays.toString(sigmas) + ")");
        }
        int cutoffs = (frequencyCutoff == null ? 0 : 1) + (frequencyCutoffFactor == null ? 0 : 1)
                + (frequencyCutoffFunction == null ? 0 : 1);
        if (cutoffs > 1) {
            throw new IllegalArgumentException("basis settings: set one of 'frequencyCutoff', 'frequencyCutoffFactor'"
                    + " and 'frequencyCutoffFunction', got " + cutoffs + " (" + frequencyCutoff + ", "
                    + frequencyCutoffFactor + ", " + frequencyCutoffFunction + ")");
        }
        checkStorable(frequencyCutoffFunction, FrequencyCutoffFunction.class, "frequency cut-off");
        checkStorable(basisFilter, BasisFilter.class, "basis filter");
        toPolicy();
    }

    /** Refuses a user function that DL4J's JSON mapper cannot write and read back as an equal object. */
    private static <T> void checkStorable(T value, Class<T> type, String what) {
        if (value == null) {
            return;
        }
        Class<?> c = value.getClass();
        String fix = "; implement it as a named (not anonymous, not lambda) public class with a public no-argument"
                + " or @JsonCreator constructor, its settings as JSON properties, and equals";
        if (c.isSynthetic() || c.isAnonymousClass() || c.isLocalClass() || c.getName().contains("$$Lambda")) {
            throw new IllegalArgumentException("the " + what + " " + value + " is a lambda or an anonymous or local"
                    + " class (" + c.getName() + "), which a configuration cannot store in JSON" + fix);
        }
        Object back;
        try {
            ObjectMapper mapper = NeuralNetConfiguration.mapper();
            back = mapper.readValue(mapper.writeValueAsString(value), type);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("the " + what + " " + value + " (" + c.getName() + ") cannot be"
                    + " written to JSON and read back: " + e.getMessage() + fix, e);
        }
        if (!value.equals(back)) {
            throw new IllegalArgumentException("the " + what + " " + value + " (" + c.getName() + ") does not come"
                    + " back equal from JSON (got " + back + ")" + fix);
        }
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
        if (frequencyCutoffFunction != null) {
            b.frequencyCutoff(frequencyCutoffFunction);
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
        return new BasisSettings(radii, sigmas, sigma, frequencyCutoff, frequencyCutoffFactor, frequencyCutoffFunction,
                maximumOffset, basisFilter);
    }

    /** One width sigma for every ring (replaces per-ring widths). */
    public BasisSettings withSigma(double width) {
        return new BasisSettings(rings, null, width, frequencyCutoff, frequencyCutoffFactor, frequencyCutoffFunction,
                maximumOffset, basisFilter);
    }

    /** One width per ring (replaces a single width). */
    public BasisSettings withSigmas(double... widths) {
        return new BasisSettings(rings, widths, null, frequencyCutoff, frequencyCutoffFactor, frequencyCutoffFunction,
                maximumOffset, basisFilter);
    }

    /** One of e2cnn's manual band limits (replaces any other cut-off). */
    public BasisSettings withFrequencyCutoff(ManualCutoff rule) {
        return new BasisSettings(rings, sigmas, sigma, Objects.requireNonNull(rule), null, null, maximumOffset,
                basisFilter);
    }

    /** The band limit {@code |mu| <= factor * r} (replaces any other cut-off). */
    public BasisSettings withFrequencyCutoffFactor(double factor) {
        return new BasisSettings(rings, sigmas, sigma, null, factor, null, maximumOffset, basisFilter);
    }

    /** A band limit as a storable function of the ring radius (replaces any other cut-off). */
    public BasisSettings withFrequencyCutoff(FrequencyCutoffFunction function) {
        return new BasisSettings(rings, sigmas, sigma, null, null, Objects.requireNonNull(function), maximumOffset,
                basisFilter);
    }

    /** The largest aliasing offset |t|. */
    public BasisSettings withMaximumOffset(int offset) {
        return new BasisSettings(rings, sigmas, sigma, frequencyCutoff, frequencyCutoffFactor, frequencyCutoffFunction,
                offset, basisFilter);
    }

    /** A filter on basis elements. */
    public BasisSettings withBasisFilter(BasisFilter filter) {
        return new BasisSettings(rings, sigmas, sigma, frequencyCutoff, frequencyCutoffFactor, frequencyCutoffFunction,
                maximumOffset, Objects.requireNonNull(filter));
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

    @JsonProperty("frequencyCutoffFunction")
    public FrequencyCutoffFunction getFrequencyCutoffFunction() {
        return frequencyCutoffFunction;
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
                && Objects.equals(frequencyCutoffFunction, s.frequencyCutoffFunction)
                && Objects.equals(maximumOffset, s.maximumOffset) && Objects.equals(basisFilter, s.basisFilter);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(rings), Arrays.hashCode(sigmas), sigma, frequencyCutoff,
                frequencyCutoffFactor, frequencyCutoffFunction, maximumOffset, basisFilter);
    }

    @Override
    public String toString() {
        try {
            return toPolicy().toString();
        } catch (IllegalArgumentException e) {
            return "BasisSettings[invalid: " + e.getMessage() + "]";
        }
    }
}
