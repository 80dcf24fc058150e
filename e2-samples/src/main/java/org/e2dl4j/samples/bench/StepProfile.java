package org.e2dl4j.samples.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;

/**
 * Where the time of a network's training step goes, layer by layer: for each layer the median over the timed
 * steps of its forward and of its backward time, the median time of the update, and the median of the rest (the
 * step less its layers and its update: input preprocessors, workspaces, gradient bookkeeping, the regularization
 * score, {@code fit}'s set-up). Every figure is wall time. For each single step the parts add up to the step
 * exactly ({@link Sample#restNanos()} is what is left); the medians add up to the median step only about.
 */
public final class StepProfile {

    /**
     * One layer's row: its name and configuration class, and the medians of its forward and backward times.
     *
     * @param name       the layer's name in the configuration ({@code r2conv0}, ...)
     * @param kind       the simple name of its configuration class ({@code R2Conv}, ...)
     * @param forwardMs  median forward time, milliseconds
     * @param backwardMs median backward time, milliseconds
     */
    public record LayerRow(String name, String kind, double forwardMs, double backwardMs) {

        /** Forward plus backward. */
        public double totalMs() {
            return forwardMs + backwardMs;
        }
    }

    /**
     * One timed step, in nanoseconds: the whole {@code fit}, its update, and each layer's forward and backward
     * time (indexed by layer).
     */
    public static final class Sample {

        private final long stepNanos;
        private final long updaterNanos;
        private final long[] forwardNanos;
        private final long[] backwardNanos;

        Sample(long stepNanos, long updaterNanos, long[] forwardNanos, long[] backwardNanos) {
            this.stepNanos = stepNanos;
            this.updaterNanos = updaterNanos;
            this.forwardNanos = forwardNanos.clone();
            this.backwardNanos = backwardNanos.clone();
        }

        /** The whole {@code fit} call. */
        public long stepNanos() {
            return stepNanos;
        }

        /** The update (updater and parameter step). */
        public long updaterNanos() {
            return updaterNanos;
        }

        /** Layer {@code layer}'s forward time. */
        public long forwardNanos(int layer) {
            return forwardNanos[layer];
        }

        /** Layer {@code layer}'s backward time. */
        public long backwardNanos(int layer) {
            return backwardNanos[layer];
        }

        /** All layers' forward and backward times. */
        public long layerNanos() {
            return Arrays.stream(forwardNanos).sum() + Arrays.stream(backwardNanos).sum();
        }

        /** The step less its layers and its update. */
        public long restNanos() {
            return stepNanos - layerNanos() - updaterNanos;
        }
    }

    private final List<String> names;
    private final List<String> kinds;
    private final List<Sample> samples;

    StepProfile(List<String> names, List<String> kinds, List<Sample> samples) {
        if (names.size() != kinds.size() || samples.isEmpty()) {
            throw new IllegalArgumentException("step profile: expected as many kinds as names (" + names.size()
                    + ", got " + kinds.size() + ") and at least one sample, got " + samples.size());
        }
        this.names = List.copyOf(names);
        this.kinds = List.copyOf(kinds);
        this.samples = List.copyOf(samples);
    }

    /** One row per layer of the network, in its order. */
    public List<LayerRow> rows() {
        List<LayerRow> rows = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            int layer = i;
            rows.add(new LayerRow(names.get(i), kinds.get(i), medianMs(s -> s.forwardNanos(layer)),
                    medianMs(s -> s.backwardNanos(layer))));
        }
        return rows;
    }

    /** The timed steps, in the order they ran. */
    public List<Sample> samples() {
        return samples;
    }

    /** Median whole step ({@code fit}), milliseconds. */
    public double stepMs() {
        return medianMs(Sample::stepNanos);
    }

    /** Median update, milliseconds. */
    public double updaterMs() {
        return medianMs(Sample::updaterNanos);
    }

    /** Median of the rest of each step, milliseconds. */
    public double restMs() {
        return medianMs(Sample::restNanos);
    }

    /**
     * The profile as a Markdown table: one row per layer (forward, backward, total ms and share of the median
     * step), then the layers' sum (of their medians), the update, the rest and the step. The columns are those of
     * {@code e2-samples/scripts/c8_profile.py}, so the two tables can be set side by side.
     */
    public String table() {
        double step = stepMs();
        StringBuilder out = new StringBuilder();
        out.append("| layer | kind | forward ms | backward ms | total ms | share |\n");
        out.append("|---|---|---|---|---|---|\n");
        double forward = 0;
        double backward = 0;
        for (LayerRow row : rows()) {
            out.append(line(row.name(), row.kind(), row.forwardMs(), row.backwardMs(), row.totalMs(), step));
            forward += row.forwardMs();
            backward += row.backwardMs();
        }
        out.append(line("layers (sum)", "", forward, backward, forward + backward, step));
        out.append(line("update", "updater + step", Double.NaN, Double.NaN, updaterMs(), step));
        out.append(line("rest", "framework", Double.NaN, Double.NaN, restMs(), step));
        out.append(line("step", "median", Double.NaN, Double.NaN, step, step));
        return out.toString();
    }

    private static String line(String name, String kind, double forwardMs, double backwardMs, double totalMs,
                               double stepMs) {
        return String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %.1f%% |\n", name, kind, ms(forwardMs),
                ms(backwardMs), ms(totalMs), 100 * totalMs / stepMs);
    }

    private static String ms(double value) {
        return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.3f", value);
    }

    private double medianMs(ToLongFunction<Sample> part) {
        long[] values = samples.stream().mapToLong(part).sorted().toArray();
        int n = values.length;
        double median = n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2.0;
        return median / 1e6;
    }
}
