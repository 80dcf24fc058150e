package org.e2dl4j.samples.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.conv.R2Conv;
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

/**
 * Benchmark of R2Conv against a plain convolution of the same shape running the same libnd4j ops
 * ({@link PlainConvolution}): the cost of the steerable layer is the filter expansion (and its transpose).
 * Measured side by side in one JVM, alternating the two networks, median of the timed repetitions, float.
 * Both wall time and the calling thread's CPU time are reported; run with {@code OMP_NUM_THREADS=1
 * OPENBLAS_NUM_THREADS=1} and ND4J computes on the calling thread, so its CPU time measures the work itself,
 * steady even on a machine shared with other jobs:
 * <ul>
 *   <li>train step: forward + backward (computeGradientAndScore) of a stack of three 5x5 layers, with the
 *       parameters changed before each step as an update would (so R2Conv re-expands its filters); and the
 *       full fit step with Adam;</li>
 *   <li>inference: one 5x5 layer, output of a batch.</li>
 * </ul>
 * Arguments (optional): batch size (16), map size (33), regular fields per layer (8), repetitions (15).
 */
public final class R2ConvBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(R2ConvBenchmark.class);
    private static final int WARMUP = 5;

    private R2ConvBenchmark() {
    }

    public static void main(String[] args) {
        int batch = args.length > 0 ? Integer.parseInt(args[0]) : 16;
        int size = args.length > 1 ? Integer.parseInt(args[1]) : 33;
        int fields = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        int reps = args.length > 3 ? Integer.parseInt(args[3]) : 15;
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
        GSpace gs = GSpaces.rot2dOnR2(8);
        FieldType in = FieldType.trivial(gs, 3);
        FieldType hidden = FieldType.regular(gs, fields);
        int c = hidden.size();
        LOG.info("C8, batch {}, {}x{} maps, {} channels per layer, 5x5 kernels, {} repetitions", batch, size, size, c,
                reps);

        MultiLayerNetwork steerable = network(size, List.of(
                new R2Conv.Builder(in, hidden, 5).padding(2).build(),
                new R2Conv.Builder(hidden, hidden, 5).padding(2).build(),
                new R2Conv.Builder(hidden, hidden, 5).padding(2).build()), true);
        MultiLayerNetwork plain = network(size, List.of(
                PlainConvolution.of(3, c, 5, 2), PlainConvolution.of(c, c, 5, 2), PlainConvolution.of(c, c, 5, 2)),
                true);
        INDArray x = Nd4j.randn(DataType.FLOAT, batch, 3, size, size);
        INDArray y = Nd4j.randn(DataType.FLOAT, batch, 10);
        double[] step = compare(reps, () -> gradientStep(steerable, x, y), () -> gradientStep(plain, x, y));
        report("train step (forward + backward)", step);
        DataSet data = new DataSet(x, y);
        double[] fit = compare(reps, Timed.of(() -> steerable.fit(data)), Timed.of(() -> plain.fit(data)));
        report("fit step with Adam", fit);

        MultiLayerNetwork steerableLayer = network(size, List.of(new R2Conv.Builder(hidden, hidden, 5).padding(2)
                .build()), false);
        MultiLayerNetwork plainLayer = network(size, List.of(PlainConvolution.of(c, c, 5, 2)), false);
        INDArray features = Nd4j.randn(DataType.FLOAT, batch, c, size, size);
        double[] inference = compare(reps, Timed.of(() -> steerableLayer.output(features)),
                Timed.of(() -> plainLayer.output(features)));
        report("inference of one layer", inference);
    }

    private static MultiLayerNetwork network(int size, List<Layer> layers, boolean head) {
        NeuralNetConfiguration.ListBuilder b = new NeuralNetConfiguration.Builder().seed(1).updater(new Adam(1e-3))
                .dataType(DataType.FLOAT).list();
        layers.forEach(b::layer);
        if (head) {
            b.layer(new GlobalPoolingLayer.Builder(PoolingType.AVG).build());
            b.layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY).nOut(10)
                    .build());
        }
        int channels = (int) ((org.deeplearning4j.nn.conf.layers.FeedForwardLayer) layers.get(0)).getNIn();
        MultiLayerNetwork net = new MultiLayerNetwork(b.setInputType(InputType.convolutional(size, size, channels))
                .validateOutputLayerConfig(head).build());
        net.init();
        return net;
    }

    /** Changes the parameters as an update would, then times forward + backward. */
    private static long[] gradientStep(MultiLayerNetwork net, INDArray x, INDArray y) {
        net.params().muli(1.0001);
        return Timed.of(() -> {
            net.setInput(x);
            net.setLabels(y);
            net.computeGradientAndScore();
        }).run();
    }

    /**
     * Alternates the two (a b, then b a), after warm-up; returns the medians in ms
     * {wall a, wall b, cpu a, cpu b}.
     */
    private static double[] compare(int reps, Timed a, Timed b) {
        List<List<Long>> t = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (int i = 0; i < WARMUP + reps; i++) {
            long[] da;
            long[] db;
            if (i % 2 == 0) {
                da = a.run();
                db = b.run();
            } else {
                db = b.run();
                da = a.run();
            }
            if (i >= WARMUP) {
                t.get(0).add(da[0]);
                t.get(1).add(db[0]);
                t.get(2).add(da[1]);
                t.get(3).add(db[1]);
            }
        }
        return new double[] {median(t.get(0)) / 1e6, median(t.get(1)) / 1e6, median(t.get(2)) / 1e6,
                median(t.get(3)) / 1e6};
    }

    private static double median(List<Long> v) {
        List<Long> s = new ArrayList<>(v);
        Collections.sort(s);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2.0;
    }

    private static void report(String what, double[] ms) {
        LOG.info(String.format(Locale.ROOT, "%-32s wall: R2Conv %8.2f ms, plain %8.2f ms, ratio %.3f;"
                + "  thread cpu: R2Conv %8.2f ms, plain %8.2f ms, ratio %.3f", what, ms[0], ms[1], ms[0] / ms[1], ms[2], ms[3],
                ms[2] / ms[3]));
    }

    /** Something to time: returns {wall ns, calling thread's cpu ns}. */
    @FunctionalInterface
    private interface Timed {
        long[] run();

        static Timed of(Runnable r) {
            return () -> {
                java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
                long c0 = threads.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                r.run();
                long t1 = System.nanoTime();
                return new long[] {t1 - t0, threads.getCurrentThreadCpuTime() - c0};
            };
        }
    }
}
