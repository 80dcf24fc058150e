package org.e2dl4j.samples.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.CnnLossLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.batchnorm.InnerBatchNorm;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.memory.enums.ResetPolicy;
import org.nd4j.linalg.api.memory.enums.SpillPolicy;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Benchmark of {@link InnerBatchNorm} against DL4J's stock {@code BatchNormalization} on a map of the same
 * shape, in training mode (batch statistics): forward, backward, and both. Default shape 64 x 384 x 13 x 13
 * float, 48 regular C8 fields (the normalization between the 13x13 convolutions of the C8 benchmark model).
 *
 * <p>Each layer is called directly (activate, then backpropGradient) with DL4J's workspace arrangement of a
 * training step (ACTIVATIONS / INPUT, FF and BP working memory, ACTIVATION_GRAD, reused across iterations), so the
 * times are the layers' own work. The two layers alternate (a b, then b a) after warm-up; reported: medians and
 * minima of wall time, and medians of the calling thread's CPU time (with {@code OMP_NUM_THREADS=1
 * OPENBLAS_NUM_THREADS=1} ND4J works on the calling thread, and the CPU time stays steady on a shared machine).
 * On a machine shared with other jobs, OpenMP's spinning threads wait a scheduler slice at every barrier when a
 * partner thread is preempted, which multiplies the wall time of layers made of many short ops;
 * {@code OMP_WAIT_POLICY=PASSIVE} avoids that.
 * Arguments (optional): batch (64), regular C8 fields (48), map size (13), repetitions (31).
 */
public final class BatchNormBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(BatchNormBenchmark.class);
    private static final int WARMUP = 10;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private BatchNormBenchmark() {
    }

    public static void main(String[] args) {
        int batch = args.length > 0 ? Integer.parseInt(args[0]) : 64;
        int fields = args.length > 1 ? Integer.parseInt(args[1]) : 48;
        int size = args.length > 2 ? Integer.parseInt(args[2]) : 13;
        int reps = args.length > 3 ? Integer.parseInt(args[3]) : 31;
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
        FieldType type = FieldType.regular(GSpaces.rot2dOnR2(8), fields);
        int channels = type.size();
        LOG.info("batch norm, training mode: {} x {} x {} x {} float ({} regular C8 fields), {} repetitions", batch,
                channels, size, size, fields, reps);
        Layer ours = layer(new InnerBatchNorm.Builder(type).build(), channels, size);
        Layer stock = layer(new BatchNormalization.Builder().nIn(channels).nOut(channels).build(), channels, size);
        INDArray x = Nd4j.randn(DataType.FLOAT, batch, channels, size, size).muli(2).addi(0.5);
        INDArray dy = Nd4j.randn(DataType.FLOAT, batch, channels, size, size);
        Step a = new Step(ours, x, dy);
        Step b = new Step(stock, x, dy);
        // t[layer][part: forward, backward, both][clock: wall, thread cpu][repetition]
        long[][][][] t = new long[2][3][2][reps];
        for (int i = 0; i < WARMUP + reps; i++) {
            long[][] ta;
            long[][] tb;
            if (i % 2 == 0) {
                ta = a.run();
                tb = b.run();
            } else {
                tb = b.run();
                ta = a.run();
            }
            if (i >= WARMUP) {
                for (int part = 0; part < 3; part++) {
                    for (int clock = 0; clock < 2; clock++) {
                        t[0][part][clock][i - WARMUP] = ta[part][clock];
                        t[1][part][clock][i - WARMUP] = tb[part][clock];
                    }
                }
            }
        }
        String[] parts = {"forward", "backward", "forward + backward"};
        for (int part = 0; part < 3; part++) {
            double oursMs = median(t[0][part][0]);
            double stockMs = median(t[1][part][0]);
            LOG.info(String.format(Locale.ROOT, "%-19s wall median: InnerBatchNorm %7.2f ms, stock BatchNormalization"
                            + " %7.2f ms, ratio %.3f (stock takes %.1fx); minima %7.2f / %7.2f ms", parts[part], oursMs,
                    stockMs, oursMs / stockMs, stockMs / oursMs, min(t[0][part][0]), min(t[1][part][0])));
        }
        double oursCpu = median(t[0][2][1]);
        double stockCpu = median(t[1][2][1]);
        LOG.info(String.format(Locale.ROOT, "forward + backward, calling thread CPU median: InnerBatchNorm %7.2f ms,"
                + " stock %7.2f ms, ratio %.3f", oursCpu, stockCpu, oursCpu / stockCpu));
    }

    /** A one-layer network's layer, initialised, with its gradient view. */
    private static Layer layer(org.deeplearning4j.nn.conf.layers.Layer conf, int channels, int size) {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(1)
                .updater(new Adam(1e-3)).dataType(DataType.FLOAT).list().layer(conf)
                .layer(new CnnLossLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY).build())
                .setInputType(InputType.convolutional(size, size, channels)).build());
        net.init();
        net.initGradientsView();
        return net.getLayer(0);
    }

    /** One training step of a layer in DL4J's workspace arrangement; times in ns {wall, thread cpu}. */
    private static final class Step {
        private final Layer layer;
        private final INDArray x;
        private final INDArray dy;
        private final LayerWorkspaceMgr workspaces;

        Step(Layer layer, INDArray x, INDArray dy) {
            this.layer = layer;
            this.x = x;
            this.dy = dy;
            WorkspaceConfiguration ws = WorkspaceConfiguration.builder().initialSize(0).overallocationLimit(0.05)
                    .policyAllocation(AllocationPolicy.OVERALLOCATE).policyLearning(LearningPolicy.FIRST_LOOP)
                    .policyReset(ResetPolicy.BLOCK_LEFT).policySpill(SpillPolicy.REALLOCATE).build();
            String id = Integer.toHexString(System.identityHashCode(this));
            this.workspaces = LayerWorkspaceMgr.builder()
                    .with(ArrayType.INPUT, "bench_act_" + id, ws)
                    .with(ArrayType.ACTIVATIONS, "bench_act_" + id, ws)
                    .with(ArrayType.FF_WORKING_MEM, "bench_ff_" + id, ws)
                    .with(ArrayType.BP_WORKING_MEM, "bench_bp_" + id, ws)
                    .with(ArrayType.ACTIVATION_GRAD, "bench_grad_" + id, ws)
                    .with(ArrayType.FF_CACHE, "bench_ff_" + id, ws)
                    .with(ArrayType.RNN_FF_LOOP_WORKING_MEM, "bench_ff_" + id, ws)
                    .with(ArrayType.RNN_BP_LOOP_WORKING_MEM, "bench_bp_" + id, ws)
                    .build();
        }

        long[][] run() {
            long[][] t = new long[3][2];
            try (MemoryWorkspace act = workspaces.notifyScopeEntered(ArrayType.ACTIVATIONS)) {
                layer.setInput(x, workspaces);
                long w0 = System.nanoTime();
                long c0 = THREADS.getCurrentThreadCpuTime();
                try (MemoryWorkspace ff = workspaces.notifyScopeEntered(ArrayType.FF_WORKING_MEM)) {
                    layer.activate(true, workspaces);
                }
                long w1 = System.nanoTime();
                long c1 = THREADS.getCurrentThreadCpuTime();
                try (MemoryWorkspace grad = workspaces.notifyScopeEntered(ArrayType.ACTIVATION_GRAD);
                     MemoryWorkspace bp = workspaces.notifyScopeEntered(ArrayType.BP_WORKING_MEM)) {
                    layer.backpropGradient(dy, workspaces);
                }
                long w2 = System.nanoTime();
                long c2 = THREADS.getCurrentThreadCpuTime();
                t[0] = new long[] {w1 - w0, c1 - c0};
                t[1] = new long[] {w2 - w1, c2 - c1};
                t[2] = new long[] {w2 - w0, c2 - c0};
            }
            return t;
        }
    }

    private static double median(long[] ns) {
        long[] s = ns.clone();
        Arrays.sort(s);
        int n = s.length;
        return (n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2.0) / 1e6;
    }

    private static double min(long[] ns) {
        return Arrays.stream(ns).min().orElse(0) / 1e6;
    }
}
