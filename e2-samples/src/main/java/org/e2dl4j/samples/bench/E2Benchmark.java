package org.e2dl4j.samples.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
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
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * The library's benchmark in one run: R2Conv construction (kernel basis + generalized He init, basis cache
 * cleared), and for e2cnn's C8 example model (1 -> 24 -> 48 -> 48 -> 96 -> 96 -> 64 regular C8 fields, kernels
 * 7 and 5, on 29 x 29 images) the train step ({@code fit} on one batch with Adam) and inference ({@code output}),
 * the same for its export to stock DL4J layers, and for a network of plain convolutions of the same shapes
 * (8 channels per field) through libnd4j's conv2d / conv2d_bp ({@link PlainConvolution}).
 *
 * <p>Each figure is the median over the timed repetitions after warm-up, of wall time and of this process's CPU
 * time (all threads; steadier than wall time on a machine shared with other jobs). Float32 throughout.
 */
@Command(name = "e2-benchmark", sortOptions = false, usageHelpAutoWidth = true,
        description = "Times R2Conv construction and the C8 model's train step and inference against its export "
                + "and plain convolutions of the same shapes.")
public final class E2Benchmark implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(E2Benchmark.class);
    private static final int SIDE = 29;
    private static final int CLASSES = 10;
    /** Regular fields, kernels and paddings of the six convolutions of e2cnn's C8 example. */
    private static final int[] FIELDS = {24, 48, 48, 96, 96, 64};
    private static final int[] KERNELS = {7, 5, 5, 5, 5, 5};
    private static final int[] PADDINGS = {1, 2, 2, 2, 2, 1};
    private static final double POOL_SIGMA = 0.66;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Option(names = "--batch", defaultValue = "64", description = "Images per batch (default: ${DEFAULT-VALUE}).")
    private int batch;

    @Option(names = "--repeats", defaultValue = "5",
            description = "Timed repetitions of each model step (default: ${DEFAULT-VALUE}).")
    private int repeats;

    @Option(names = "--warmup", defaultValue = "2",
            description = "Untimed repetitions of each model step first (default: ${DEFAULT-VALUE}).")
    private int warmup;

    @Option(names = "--construction-repeats", defaultValue = "15",
            description = "Timed repetitions of each construction, after as many warm-up ones (default: ${DEFAULT-VALUE}).")
    private int constructionRepeats;

    public static void main(String[] args) {
        System.exit(new CommandLine(new E2Benchmark()).execute(args));
    }

    @Override
    public Integer call() {
        if (batch < 1 || repeats < 1 || warmup < 0 || constructionRepeats < 1) {
            throw new CommandLine.ParameterException(new CommandLine(this),
                    "expected --batch, --repeats, --construction-repeats >= 1 and --warmup >= 0");
        }
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
        LOG.info("{} processors; batch {} x 1 x {} x {}, {} warm-up + {} timed steps, {} timed constructions",
                Runtime.getRuntime().availableProcessors(), batch, SIDE, SIDE, warmup, repeats, constructionRepeats);

        GSpace c16 = GSpaces.rot2dOnR2(16);
        FieldType r24 = FieldType.regular(c16, 24);
        report("construct R2Conv C16 regular x24 -> x24, k5", time(constructionRepeats, constructionRepeats, () -> {
            KernelBasisCache.clear();
            heInit(new R2Conv.Builder(r24, r24, 5).padding(2).build());
        }));
        report("construct C8 model's 6 R2Convs (basis + He)", time(constructionRepeats, constructionRepeats, () -> {
            KernelBasisCache.clear();
            for (NeuralNetConfiguration layer : C8SteerableCnnFactory.standard().configuration(C8_SPEC).getConfs()) {
                if (layer.getLayer() instanceof AbstractR2Conv conv) {
                    heInit(conv);
                }
            }
        }));
        report("C8 model: MultiLayerNetwork init", time(constructionRepeats, constructionRepeats, () -> {
            KernelBasisCache.clear();
            c8Model();
        }));

        DataSet data = batchOf(batch);
        MultiLayerNetwork c8 = c8Model();
        MultiLayerNetwork plain = plainModel();
        Timing c8Train = report("train step, C8 model (R2Conv)", time(warmup, repeats, () -> c8.fit(data)));
        Timing plainTrain = report("train step, plain conv2d, same shapes", time(warmup, repeats, () -> plain.fit(data)));
        MultiLayerNetwork exported = Export.toStandard(c8);
        Timing exportedTrain = report("train step, C8 exported to stock DL4J",
                time(warmup, repeats, () -> exported.fit(data)));
        INDArray x = data.getFeatures();
        Timing c8Infer = report("inference, C8 model (R2Conv)", time(warmup, repeats, () -> c8.output(x)));
        Timing exportedInfer = report("inference, C8 exported to stock DL4J",
                time(warmup, repeats, () -> exported.output(x)));
        Timing plainInfer = report("inference, plain conv2d, same shapes", time(warmup, repeats, () -> plain.output(x)));
        ratio("train: R2Conv / plain", c8Train, plainTrain);
        ratio("inference: R2Conv / plain", c8Infer, plainInfer);
        ratio("train: exported / R2Conv", exportedTrain, c8Train);
        ratio("inference: exported / R2Conv", exportedInfer, c8Infer);
        LOG.info("parameters: C8 model {}, plain {}", c8.numParams(), plain.numParams());
        return 0;
    }

    /** The sampled basis and He-initialized coefficients of one layer (the basis is sampled by the builder). */
    private static void heInit(AbstractR2Conv conv) {
        conv.layerBasis().heInit(new Random(1));
    }

    /** The C8 example model of the main sample, at full width (24, 48, 48, 96, 96, 64 regular fields). */
    private static final ModelSpec C8_SPEC = new ModelSpec(SIDE, CLASSES, 1.0, 1, 1e-3);

    private static MultiLayerNetwork c8Model() {
        return C8SteerableCnnFactory.standard().create(C8_SPEC);
    }

    /** The same shapes with plain convolutions (8 channels per C8 field), stock batch norm, ReLU and pooling. */
    private static MultiLayerNetwork plainModel() {
        NeuralNetConfiguration.ListBuilder list = global().list();
        int in = 1;
        for (int i = 0; i < FIELDS.length; i++) {
            int out = 8 * FIELDS[i];
            list.layer(PlainConvolution.of(in, out, KERNELS[i], PADDINGS[i]))
                    .layer(new BatchNormalization.Builder().build())
                    .layer(new ActivationLayer.Builder().activation(Activation.RELU).build());
            if (i == 1 || i == 3) {
                list.layer(new SubsamplingLayer.Builder(PoolingType.AVG).kernelSize(5, 5).stride(2, 2).padding(2, 2)
                        .build());
            }
            in = out;
        }
        list.layer(new SubsamplingLayer.Builder(PoolingType.AVG).kernelSize(5, 5).stride(1, 1).build());
        head(list);
        MultiLayerNetwork net = new MultiLayerNetwork(list.setInputType(InputType.convolutional(SIDE, SIDE, 1)).build());
        net.init();
        return net;
    }

    private static NeuralNetConfiguration.Builder global() {
        return new NeuralNetConfiguration.Builder().seed(1).updater(new Adam(1e-3)).dataType(DataType.FLOAT);
    }

    /** e2cnn's fully connected head: Linear(64), BatchNorm1d, ELU, Linear(10) with softmax cross-entropy. */
    private static void head(NeuralNetConfiguration.ListBuilder list) {
        list.layer(new GlobalPoolingLayer.Builder(PoolingType.AVG).build())
                .layer(new DenseLayer.Builder().nOut(64).activation(Activation.IDENTITY).build())
                .layer(new BatchNormalization.Builder().build())
                .layer(new ActivationLayer.Builder().activation(Activation.ELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).activation(Activation.SOFTMAX)
                        .nOut(CLASSES).build());
    }

    private static DataSet batchOf(int n) {
        Nd4j.getRandom().setSeed(3);
        INDArray x = Nd4j.rand(DataType.FLOAT, n, 1, SIDE, SIDE);
        INDArray y = Nd4j.zeros(DataType.FLOAT, n, CLASSES);
        for (int i = 0; i < n; i++) {
            y.putScalar(i, i % CLASSES, 1f);
        }
        return new DataSet(x, y);
    }

    /** Medians in ms of wall time and of the process's CPU time (all threads). */
    private record Timing(double wallMs, double cpuMs, double minWallMs) {
    }

    private static Timing time(int warm, int reps, Runnable r) {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int i = 0; i < warm; i++) {
            r.run();
        }
        List<Double> wall = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        for (int i = 0; i < reps; i++) {
            long c0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            r.run();
            long t1 = System.nanoTime();
            cpu.add((os.getProcessCpuTime() - c0) / 1e6);
            wall.add((t1 - t0) / 1e6);
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
        LOG.info(String.format(Locale.ROOT, "%-46s wall median %9.1f ms (min %9.1f)   process cpu median %9.1f ms",
                what, t.wallMs(), t.minWallMs(), t.cpuMs()));
        return t;
    }

    private static void ratio(String what, Timing a, Timing b) {
        LOG.info(String.format(Locale.ROOT, "%-46s wall %.2f   cpu %.2f", what, a.wallMs() / b.wallMs(),
                a.cpuMs() / b.cpuMs()));
    }
}
