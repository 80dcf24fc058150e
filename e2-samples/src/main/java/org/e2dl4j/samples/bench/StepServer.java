package org.e2dl4j.samples.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.concurrent.Callable;

import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.e2dl4j.nn.Export;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The Java half of an interleaved benchmark: one network, one batch, and steps timed on request, so that a driver
 * can alternate short blocks of our steps with blocks of another framework's in the same minute
 * ({@code e2-samples/scripts/c8_interleaved.py} does this with PyTorch). On a shared machine whose speed drifts
 * by 10-20% within minutes, block-by-block ratios compare like with like where two runs one after the other do not.
 *
 * <p>Protocol, one line each way: the driver writes {@code train N} ({@code fit} on the batch, N times),
 * {@code infer N} ({@code output}, N times) or {@code quit}; this process answers each step command with one line
 * {@code STEPS <kind> t1,t2,...,tN}, wall times in ms. A malformed command is answered
 * {@code ERROR <why>} and the process goes on. Log lines may come in between; the driver reads past them.
 */
@Command(name = "step-server", sortOptions = false, usageHelpAutoWidth = true,
        description = "Times train steps and inference of one network on request (commands on standard input).")
public final class StepServer implements Callable<Integer> {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Option(names = "--model", defaultValue = "C8",
            description = "Network to time, one of ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private E2Benchmark.Model model;

    @Option(names = "--width", defaultValue = "1.0",
            description = "Width multiplier of the C8 model's fields, in (0, 8] (default: ${DEFAULT-VALUE}).")
    private double width;

    @Option(names = "--batch", defaultValue = "64", description = "Images per batch (default: ${DEFAULT-VALUE}).")
    private int batch;

    @Option(names = "--threads", defaultValue = "0",
            description = "Cap on libnd4j's threads, 0 for its default; set OMP_NUM_THREADS to the same (default: ${DEFAULT-VALUE}).")
    private int threads;

    @Option(names = "--elementwise-threshold", defaultValue = "0",
            description = "Fewest elements for which libnd4j splits an elementwise op over its thread pool, 0 for "
                    + "its default (default: ${DEFAULT-VALUE}).")
    private int elementwiseThreshold;

    @Option(names = "--tad-threshold", defaultValue = "0",
            description = "Fewest sub-arrays (TADs) for which libnd4j splits an op along dimensions over its pool, 0 "
                    + "for its default (default: ${DEFAULT-VALUE}).")
    private int tadThreshold;

    @Option(names = "--cache-mode", defaultValue = "NONE",
            description = "DL4J's cache mode for the network (its configuration and its layers), one of ${COMPLETION-CANDIDATES}: with DEVICE or HOST a "
                    + "stock ConvolutionLayer keeps its forward output for its backward pass instead of convolving "
                    + "again (default: ${DEFAULT-VALUE}).")
    private CacheMode cacheMode;

    @Spec
    private CommandSpec spec;

    private final BufferedReader in;
    private final PrintStream out;

    /** A server on this process's standard input and output. */
    public StepServer() {
        this(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), System.out);
    }

    StepServer(BufferedReader in, PrintStream out) {
        this.in = in;
        this.out = out;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new StepServer()).setCaseInsensitiveEnumValuesAllowed(true).execute(args));
    }

    @Override
    public Integer call() {
        if (!(width > 0 && width <= 8) || batch < 1 || threads < 0 || elementwiseThreshold < 0 || tadThreshold < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "expected --width in (0, 8], --batch >= 1, --threads and the thresholds >= 0, got width " + width
                            + ", batch " + batch + ", threads " + threads + ", thresholds " + elementwiseThreshold
                            + ", " + tadThreshold);
        }
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
        NativeThreads.limit(threads);
        NativeThreads.thresholds(elementwiseThreshold, tadThreshold);
        MultiLayerNetwork net = switch (model) {
            case C8 -> BenchmarkNetworks.c8(width);
            case PLAIN -> BenchmarkNetworks.plain(width);
            case EXPORTED -> Export.toStandard(BenchmarkNetworks.c8(width));
        };
        BenchmarkNetworks.withCacheMode(net, cacheMode);
        DataSet data = RandomBatch.of(batch);
        INDArray x = data.getFeatures();
        out.println("READY " + model + " width " + width + " batch " + batch + ", cache mode " + cacheMode + "; " + NativeThreads.describe());
        out.flush();
        try {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] words = line.trim().split("\\s+");
                if (words.length == 1 && words[0].equals("quit")) {
                    return 0;
                }
                Integer n = words.length == 2 ? count(words[1]) : null;
                if (n == null || !(words[0].equals("train") || words[0].equals("infer"))) {
                    out.println("ERROR expected 'train N', 'infer N' (N >= 1) or 'quit', got '" + line + "'");
                } else {
                    Runnable step = words[0].equals("train") ? () -> net.fit(data) : () -> net.output(x);
                    out.println("STEPS " + words[0] + " " + time(step, n));
                }
                out.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return 0;
    }

    /** N parsed, or null unless it is an integer >= 1. */
    private static Integer count(String word) {
        try {
            int n = Integer.parseInt(word);
            return n >= 1 ? n : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Runs {@code step} n times; the wall times in ms, comma-separated. */
    private static String time(Runnable step, int n) {
        StringJoiner times = new StringJoiner(",");
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            step.run();
            times.add(String.format(Locale.ROOT, "%.3f", (System.nanoTime() - t0) / 1e6));
        }
        return times.toString();
    }
}
