package org.e2dl4j.samples.bench;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The per-layer profile of a training step ({@code fit} with Adam on one batch of 1 x 29 x 29 images, float32):
 * for each layer the median forward and backward wall time over the timed steps, then the update, the rest and
 * the whole step ({@link StepProfiler}), as a Markdown table, for the main sample's C8 model
 * ({@code C8SteerableCnnFactory}), the plain libnd4j network of the same shapes or the C8 model exported to stock
 * DL4J layers ({@link BenchmarkNetworks}), at each requested width and batch size.
 */
@Command(name = "e2-profile", sortOptions = false, usageHelpAutoWidth = true,
        description = "Profiles the train step of the C8 model (or the plain network, or the export) layer by layer.")
public final class E2Profile implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(E2Profile.class);

    /** The networks that can be profiled. */
    enum Model {
        /** The main sample's C8 steerable CNN. */
        C8,
        /** Plain libnd4j convolutions of the same shapes. */
        PLAIN,
        /** The C8 model after {@code Export.toStandard}. */
        EXPORTED
    }

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Option(names = "--model", split = ",", defaultValue = "C8",
            description = "Networks to profile, of ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private List<Model> models;

    @Option(names = "--width", split = ",", defaultValue = "1.0",
            description = "Width multipliers of the C8 model's fields, e.g. 1.0,0.25 (default: ${DEFAULT-VALUE}).")
    private List<Double> widths;

    @Option(names = "--batch", split = ",", defaultValue = "64",
            description = "Images per batch, e.g. 64,16,8 (default: ${DEFAULT-VALUE}).")
    private List<Integer> batches;

    @Option(names = "--threads", defaultValue = "0",
            description = "Cap on libnd4j's threads, 0 for its default; set OMP_NUM_THREADS to the same (default: ${DEFAULT-VALUE}).")
    private int threads;

    @Option(names = "--cache-mode", defaultValue = "NONE",
            description = "DL4J's cache mode for each network (configuration and layers), one of "
                    + "${COMPLETION-CANDIDATES}: DEVICE or HOST keeps a stock ConvolutionLayer's forward output for its "
                    + "backward pass (default: ${DEFAULT-VALUE}).")
    private CacheMode cacheMode;

    @Option(names = "--repeats", defaultValue = "5", description = "Timed steps (default: ${DEFAULT-VALUE}).")
    private int repeats;

    @Option(names = "--warmup", defaultValue = "2", description = "Untimed steps first (default: ${DEFAULT-VALUE}).")
    private int warmup;

    public static void main(String[] args) {
        System.exit(new CommandLine(new E2Profile()).execute(args));
    }

    @Override
    public Integer call() {
        if (repeats < 1 || warmup < 0 || threads < 0 || batches.stream().anyMatch(b -> b < 1)
                || widths.stream().anyMatch(w -> !(w > 0 && w <= 8))) {
            throw new CommandLine.ParameterException(new CommandLine(this),
                    "expected --batch, --repeats >= 1, --warmup, --threads >= 0 and --width in (0, 8]");
        }
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
        NativeThreads.limit(threads);
        LOG.info("{}; {} warm-up + {} timed steps", NativeThreads.describe(), warmup, repeats);
        for (double width : widths) {
            for (Model model : models) {
                MultiLayerNetwork network = BenchmarkNetworks.withCacheMode(create(model, width), cacheMode);
                for (int batch : batches) {
                    StepProfile profile = StepProfiler.profile(network, RandomBatch.of(batch), warmup, repeats);
                    LOG.info("{} width {} batch {} x 1 x {} x {} ({} parameters, cache mode {}): step {} ms\n{}", model, width, batch,
                            BenchmarkNetworks.SIDE, BenchmarkNetworks.SIDE, network.numParams(), cacheMode,
                            String.format(Locale.ROOT, "%.1f", profile.stepMs()), profile.table());
                }
            }
        }
        return 0;
    }

    /** A fresh network of {@code model} at {@code width}. */
    static MultiLayerNetwork create(Model model, double width) {
        return switch (model) {
            case C8 -> BenchmarkNetworks.c8(width);
            case PLAIN -> BenchmarkNetworks.plain(width);
            case EXPORTED -> BenchmarkNetworks.exported(width);
        };
    }
}
