package org.e2dl4j.benchmarks;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.ToIntFunction;

import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.e2dl4j.onednn.BatchNormHelpers;
import org.e2dl4j.onednn.FrozenDepthwiseLayers;
import org.e2dl4j.onednn.OneDnnHelpers;
import org.e2dl4j.onednn.ReluLayers;
import org.e2dl4j.samples.bench.BenchmarkNetworks;
import org.e2dl4j.samples.bench.RandomBatch;
import org.e2dl4j.samples.bench.StepProfiler;
import org.nd4j.linalg.dataset.DataSet;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The train step (or the inference pass) of the C8 model against its export to stock DL4J layers, in one JVM: the C8
 * model, the export with DL4J's oneDNN helpers (cache mode DEVICE), the same with {@link BatchNormHelpers#install},
 * with {@link ReluLayers#install} too, and with {@link FrozenDepthwiseLayers#install} too, all warmed up, then timed in turn in blocks of {@code fit} steps (or of
 * {@code output(x, false)}); each round's ratio of block medians to the C8 model's, and the median and range of those
 * ratios over the rounds.
 */
@Command(name = "export-comparison", sortOptions = false, usageHelpAutoWidth = true,
        description = "Times the C8 model's train step (or inference) against its export's, with this project's helpers"
                + " or without.")
public final class ExportComparison implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Option(names = "--width", defaultValue = "0.25", description = "Width of the C8 model (default: ${DEFAULT-VALUE}).")
    private double width;

    @Option(names = "--batch", defaultValue = "64", description = "Images per batch (default: ${DEFAULT-VALUE}).")
    private int batch;

    @Option(names = "--warmup", defaultValue = "60", description = "Untimed steps per network (default: ${DEFAULT-VALUE}).")
    private int warmup;

    @Option(names = "--rounds", defaultValue = "6", description = "Rounds of blocks (default: ${DEFAULT-VALUE}).")
    private int rounds;

    @Option(names = "--block", defaultValue = "5", description = "Timed steps per block (default: ${DEFAULT-VALUE}).")
    private int block;

    @Option(names = "--inference", description = "Time inference (output(x, false)) instead of the train step.")
    private boolean inference;

    @Option(names = "--all-installs-only", description = "Time the C8 model and only the export with all three"
            + " installs (twice as many rounds in the same time).")
    private boolean allInstallsOnly;

    @Option(names = "--profile", description = "Also print each network's per-layer profile of the train step after the rounds.")
    private boolean profile;

    private record Contender(String name, MultiLayerNetwork network) {
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new ExportComparison()).execute(args));
    }

    @Override
    public Integer call() {
        if (batch < 1 || warmup < 0 || rounds < 1 || block < 1 || !(width > 0 && width <= 8)) {
            throw new CommandLine.ParameterException(spec.commandLine(), String.format(Locale.ROOT,
                    "expected --batch, --rounds, --block >= 1, --warmup >= 0 and --width in (0, 8], got --batch %d"
                            + " --rounds %d --block %d --warmup %d --width %s", batch, rounds, block, warmup, width));
        }
        PrintWriter out = spec.commandLine().getOut();
        OneDnnHelpers.enable();
        DataSet data = RandomBatch.of(batch);
        Contender all = new Contender("exported + BatchNormHelpers + ReluLayers + FrozenDepthwiseLayers",
                exported(net -> BatchNormHelpers.install(net) + ReluLayers.install(net)
                        + FrozenDepthwiseLayers.install(net)));
        Contender c8 = new Contender("C8", BenchmarkNetworks.c8(width));
        List<Contender> contenders = allInstallsOnly ? List.of(c8, all) : List.of(c8,
                new Contender("exported", exported(net -> 0)),
                new Contender("exported + BatchNormHelpers", exported(BatchNormHelpers::install)),
                new Contender("exported + BatchNormHelpers + ReluLayers",
                        exported(net -> BatchNormHelpers.install(net) + ReluLayers.install(net))),
                all);
        for (Contender c : contenders) {
            run(c.network(), data, warmup, inference);
        }
        List<double[]> ratios = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            double[] ms = new double[contenders.size()];
            StringBuilder line = new StringBuilder("round " + r + ":");
            for (int i = 0; i < ms.length; i++) {
                ms[i] = run(contenders.get(i).network(), data, block, inference);
                line.append(String.format(Locale.ROOT, " %s %.1f ms;", contenders.get(i).name(), ms[i]));
            }
            double[] ratio = new double[ms.length];
            for (int i = 0; i < ms.length; i++) {
                ratio[i] = ms[i] / ms[0];
            }
            ratios.add(ratio);
            out.println(line);
        }
        out.printf(Locale.ROOT, "width %s, batch %d, %d rounds of %d steps; %s / C8 model's:%n", width, batch, rounds,
                block, inference ? "inference" : "train step");
        for (int i = 1; i < contenders.size(); i++) {
            int k = i;
            double[] column = ratios.stream().mapToDouble(r -> r[k]).sorted().toArray();
            out.printf(Locale.ROOT, "  %s: median %.3f (range %.3f-%.3f)%n", contenders.get(i).name(),
                    median(column), column[0], column[column.length - 1]);
        }
        if (profile) {
            for (Contender c : contenders) {
                out.println("### " + c.name());
                out.println(StepProfiler.profile(c.network(), data, block, 3 * block).table());
            }
        }
        out.flush();
        return 0;
    }

    private MultiLayerNetwork exported(ToIntFunction<MultiLayerNetwork> install) {
        MultiLayerNetwork net = BenchmarkNetworks.withCacheMode(BenchmarkNetworks.exported(width), CacheMode.DEVICE);
        install.applyAsInt(net);
        return net;
    }

    /** Runs {@code steps} steps (or inference passes) and returns their median wall time in ms (NaN for none). */
    private static double run(MultiLayerNetwork net, DataSet data, int steps, boolean inference) {
        double[] ms = new double[steps];
        for (int i = 0; i < steps; i++) {
            long t0 = System.nanoTime();
            if (inference) {
                net.output(data.getFeatures(), false);
            } else {
                net.fit(data);
            }
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        return steps == 0 ? Double.NaN : median(ms);
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
