package org.e2dl4j.samples.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.math.kernel.KernelBasisCache;
import org.e2dl4j.nn.Export;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.conv.AbstractR2Conv;
import org.e2dl4j.nn.conv.R2Conv;
import org.e2dl4j.samples.model.C8SteerableCnnFactory;
import org.e2dl4j.samples.model.ModelSpec;
import org.e2dl4j.samples.model.PlainConvolution;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * The library's benchmark in one run: R2Conv construction (kernel basis + generalized He init, basis cache
 * cleared), and for e2cnn's C8 example model (1 -> 24 -> 48 -> 48 -> 96 -> 96 -> 64 regular C8 fields, kernels
 * 7 and 5, on 29 x 29 images) at each requested width and batch size the train step ({@code fit} on one batch
 * with Adam) and inference ({@code output}), the same for its export to stock DL4J layers, and for a network of
 * plain convolutions of the same shapes (8 channels per field) through libnd4j's conv2d / conv2d_bp
 * ({@link PlainConvolution}; {@link BenchmarkNetworks}); {@code --models} picks which of the three are timed.
 *
 * <p>Each figure is the median over the timed repetitions after warm-up, of wall time and of this process's CPU
 * time (all threads; steadier than wall time on a machine shared with other jobs). Float32 throughout. The JVM
 * reaches its steady state late: its JIT compilers keep compiling DL4J's and ND4J's code for tens of steps, on
 * the cores the native ops need, so a few warm-up steps measure start-up, not training; steady-state figures need
 * a long {@code --warmup} (BENCHMARKS.md: 60 steps at width 0.25).
 */
@Command(name = "e2-benchmark", sortOptions = false, usageHelpAutoWidth = true,
        description = "Times R2Conv construction and the C8 model's train step and inference against its export "
                + "and plain convolutions of the same shapes.")
public final class E2Benchmark implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(E2Benchmark.class);

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Option(names = "--width", split = ",", defaultValue = "1.0",
            description = "Width multipliers of the C8 model's fields, e.g. 1.0,0.25 (default: ${DEFAULT-VALUE}).")
    private List<Double> widths;

    @Option(names = "--batch", split = ",", defaultValue = "64",
            description = "Images per batch, e.g. 64,16,8 (default: ${DEFAULT-VALUE}).")
    private List<Integer> batches;

    @Option(names = "--threads", defaultValue = "0",
            description = "Cap on libnd4j's threads, 0 for its default; set OMP_NUM_THREADS to the same (default: ${DEFAULT-VALUE}).")
    private int threads;

    @Option(names = "--repeats", defaultValue = "5",
            description = "Timed repetitions of each model step (default: ${DEFAULT-VALUE}).")
    private int repeats;

    @Option(names = "--warmup", defaultValue = "2",
            description = "Untimed repetitions of each model step first (default: ${DEFAULT-VALUE}).")
    private int warmup;

    @Option(names = "--models", split = ",", defaultValue = "C8,PLAIN,EXPORTED",
            description = "Networks whose steps are timed, of ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}); "
                    + "fewer make long warm-ups affordable.")
    private EnumSet<Model> models;

    @Option(names = "--step-log", defaultValue = "false",
            description = "Also log every timed step of the networks: its wall time and the JIT's compilation time "
                    + "during it (with --warmup 0, the JVM's warm-up curve).")
    private boolean stepLog;

    @Option(names = "--construction-repeats", defaultValue = "15",
            description = "Timed repetitions of each construction, after as many warm-up ones (default: ${DEFAULT-VALUE}).")
    private int constructionRepeats;

    public static void main(String[] args) {
        System.exit(new CommandLine(new E2Benchmark()).setCaseInsensitiveEnumValuesAllowed(true).execute(args));
    }

    @Override
    public Integer call() {
        if (repeats < 1 || warmup < 0 || constructionRepeats < 1 || threads < 0 || batches.stream().anyMatch(b -> b < 1)
                || widths.stream().anyMatch(w -> !(w > 0 && w <= 8))) {
            throw new CommandLine.ParameterException(new CommandLine(this),
                    "expected --batch, --repeats, --construction-repeats >= 1, --warmup, --threads >= 0 and --width in (0, 8]");
        }
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
        NativeThreads.limit(threads);
        LOG.info("{}; widths {}, batches {} x 1 x {} x {}, {} warm-up + {} timed steps, {} timed constructions",
                NativeThreads.describe(), widths, batches, BenchmarkNetworks.SIDE, BenchmarkNetworks.SIDE, warmup,
                repeats, constructionRepeats);

        GSpace c16 = GSpaces.rot2dOnR2(16);
        FieldType r24 = FieldType.regular(c16, 24);
        report("construct R2Conv C16 regular x24 -> x24, k5", time(constructionRepeats, constructionRepeats, null, () -> {
            KernelBasisCache.clear();
            heInit(new R2Conv.Builder(r24, r24, 5).padding(2).build());
        }));
        report("construct C8 model's 6 R2Convs (basis + He)", time(constructionRepeats, constructionRepeats, null, () -> {
            KernelBasisCache.clear();
            for (NeuralNetConfiguration layer : C8SteerableCnnFactory.standard().configuration(C8_SPEC).getConfs()) {
                if (layer.getLayer() instanceof AbstractR2Conv conv) {
                    heInit(conv);
                }
            }
        }));
        report("C8 model: MultiLayerNetwork init", time(constructionRepeats, constructionRepeats, null, () -> {
            KernelBasisCache.clear();
            BenchmarkNetworks.c8(1.0);
        }));

        for (double width : widths) {
            Map<Model, MultiLayerNetwork> networks = new EnumMap<>(Model.class);
            MultiLayerNetwork c8 = BenchmarkNetworks.c8(width);
            for (Model m : models) {
                networks.put(m, switch (m) {
                    case C8 -> c8;
                    case PLAIN -> BenchmarkNetworks.plain(width);
                    case EXPORTED -> Export.toStandard(c8);
                });
            }
            LOG.info("width {}: parameters C8 model {}, plain {}", width, c8.numParams(),
                    networks.containsKey(Model.PLAIN) ? networks.get(Model.PLAIN).numParams() : "(not built)");
            for (int batch : batches) {
                steps(String.format(Locale.ROOT, "width %s batch %d", width, batch), networks, RandomBatch.of(batch));
            }
        }
        return 0;
    }

    /** The networks a run can time. */
    enum Model {
        /** The main sample's C8 model ({@link C8SteerableCnnFactory}). */
        C8("C8 model (R2Conv)"),
        /** Plain convolutions of the same shapes ({@link PlainConvolution}). */
        PLAIN("plain conv2d"),
        /** The C8 model exported to stock DL4J layers ({@link Export#toStandard}). */
        EXPORTED("C8 exported");

        private final String label;

        Model(String label) {
            this.label = label;
        }
    }

    /** Train steps, then inference, of the chosen networks on {@code data}, with the ratios of those timed. */
    private void steps(String where, Map<Model, MultiLayerNetwork> networks, DataSet data) {
        Map<Model, Timing> train = new EnumMap<>(Model.class);
        Map<Model, Timing> infer = new EnumMap<>(Model.class);
        networks.forEach((m, net) -> {
            String what = where + ": train, " + m.label;
            train.put(m, report(what, time(warmup, repeats, stepLog ? what : null, () -> net.fit(data))));
        });
        INDArray x = data.getFeatures();
        networks.forEach((m, net) -> {
            String what = where + ": inference, " + m.label;
            infer.put(m, report(what, time(warmup, repeats, stepLog ? what : null, () -> net.output(x))));
        });
        ratio(where + ": train: R2Conv / plain", train.get(Model.C8), train.get(Model.PLAIN));
        ratio(where + ": inference: R2Conv / plain", infer.get(Model.C8), infer.get(Model.PLAIN));
        ratio(where + ": train: exported / R2Conv", train.get(Model.EXPORTED), train.get(Model.C8));
        ratio(where + ": inference: exported / R2Conv", infer.get(Model.EXPORTED), infer.get(Model.C8));
    }

    /** The sampled basis and He-initialized coefficients of one layer (the basis is sampled by the builder). */
    private static void heInit(AbstractR2Conv conv) {
        conv.layerBasis().heInit(new Random(1));
    }

    /** The C8 example model of the main sample, at full width (24, 48, 48, 96, 96, 64 regular fields). */
    private static final ModelSpec C8_SPEC = new ModelSpec(BenchmarkNetworks.SIDE, BenchmarkNetworks.CLASSES, 1.0, 1, 1e-3);

    /** Medians in ms of wall time and of the process's CPU time (all threads). */
    private record Timing(double wallMs, double cpuMs, double minWallMs) {
    }

    /** Times {@code reps} runs after {@code warm}; with a {@code stepLabel}, logs each timed run too. */
    private static Timing time(int warm, int reps, String stepLabel, Runnable r) {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        for (int i = 0; i < warm; i++) {
            r.run();
        }
        List<Double> wall = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        for (int i = 0; i < reps; i++) {
            long j0 = jit.getTotalCompilationTime();
            long c0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            r.run();
            long t1 = System.nanoTime();
            cpu.add((os.getProcessCpuTime() - c0) / 1e6);
            wall.add((t1 - t0) / 1e6);
            if (stepLabel != null) {
                LOG.info(String.format(Locale.ROOT, "%s: step %d wall %.1f ms, JIT compilation %d ms", stepLabel, i,
                        (t1 - t0) / 1e6, jit.getTotalCompilationTime() - j0));
            }
        }
        return new Timing(median(wall), median(cpu), Collections.min(wall));
    }

    private static double median(List<Double> v) {
        List<Double> s = new ArrayList<>(v);
        Collections.sort(s);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    private static Timing report(String what, Timing t) {
        LOG.info(String.format(Locale.ROOT, "%-60s wall median %9.1f ms (min %9.1f)   process cpu median %9.1f ms",
                what, t.wallMs(), t.minWallMs(), t.cpuMs()));
        return t;
    }

    /** Logs a / b, when both were timed. */
    private static void ratio(String what, Timing a, Timing b) {
        if (a == null || b == null) {
            return;
        }
        LOG.info(String.format(Locale.ROOT, "%-60s wall %.2f   cpu %.2f", what, a.wallMs() / b.wallMs(),
                a.cpuMs() / b.cpuMs()));
    }
}
