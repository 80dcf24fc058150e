package org.e2dl4j.nn.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.CnnLossLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.invariant.GroupPooling;
import org.e2dl4j.nn.invariant.NormPool;
import org.e2dl4j.nn.pooling.NormMaxPool;
import org.e2dl4j.nn.pooling.PointwiseAdaptiveAvgPool;
import org.e2dl4j.nn.pooling.PointwiseAvgPool;
import org.e2dl4j.nn.pooling.PointwiseMaxPool;
import org.e2dl4j.nn.pooling.PointwiseMaxPoolAntialiased;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.memory.enums.ResetPolicy;
import org.nd4j.linalg.api.memory.enums.SpillPolicy;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forward + backward time of the invariant-map and pooling layers at issue 7's shape, float, 64 x 384 x 13 x 13
 * (48 regular C8 fields), beside stock DL4J layers on the same input, measured side by side in one run: the cases
 * run round-robin (so machine load hits them alike), each iteration a training forward pass and a backward pass
 * through DL4J's layer API inside workspaces as in {@code fit}. Reports the median and minimum over the rounds
 * after warm-up (the minimum shows the cost on a quiet machine when other processes share the cores), and each
 * case's median relative to the stock max pooling.
 *
 * <pre>
 *   java -cp ... org.e2dl4j.nn.bench.PoolingBenchmark [rounds, default 15] [warm-up rounds, default 5]
 * </pre>
 */
public final class PoolingBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(PoolingBenchmark.class);
    private static final int N = 64;
    private static final int FIELDS = 48;
    private static final int SIZE = 13;
    private static final GSpace C8 = GSpaces.rot2dOnR2(8);

    private PoolingBenchmark() {
    }

    /** The layers under test (one, or the stock parts of an export): DL4J instances, input and output gradient. */
    private record Case(String name, List<org.deeplearning4j.nn.api.Layer> layers, INDArray input, INDArray gradOut,
                        LayerWorkspaceMgr workspaces) {

        /** One training step: forward (training) through the layers, then backward; returns the elapsed ms. */
        double step() {
            long t0 = System.nanoTime();
            try (MemoryWorkspace act = workspaces.notifyScopeEntered(ArrayType.ACTIVATIONS)) {
                INDArray a = input;
                for (org.deeplearning4j.nn.api.Layer l : layers) {
                    l.setInput(a, workspaces);
                    try (MemoryWorkspace ff = workspaces.notifyScopeEntered(ArrayType.FF_WORKING_MEM)) {
                        a = l.activate(true, workspaces);
                    }
                }
                try (MemoryWorkspace grad = workspaces.notifyScopeEntered(ArrayType.ACTIVATION_GRAD)) {
                    INDArray g = gradOut;
                    for (int i = layers.size() - 1; i >= 0; i--) {
                        try (MemoryWorkspace bp = workspaces.notifyScopeEntered(ArrayType.BP_WORKING_MEM)) {
                            g = layers.get(i).backpropGradient(g, workspaces).getSecond();
                        }
                    }
                }
            }
            return (System.nanoTime() - t0) / 1e6;
        }
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        FieldType regular = FieldType.regular(C8, FIELDS);
        InputType in = InputType.convolutional(SIZE, SIZE, regular.size());
        INDArray x = gaussian(1, N, regular.size(), SIZE, SIZE);

        Map<String, List<Layer>> layers = new LinkedHashMap<>();
        layers.put("stock SubsamplingLayer MAX 2x2/2", List.of(new SubsamplingLayer.Builder(PoolingType.MAX,
                new int[] {2, 2}, new int[] {2, 2}, new int[] {0, 0}).build()));
        layers.put("stock GlobalPoolingLayer MAX", List.of(new GlobalPoolingLayer.Builder(PoolingType.MAX)
                .collapseDimensions(false).build()));
        layers.put("GroupPooling (48 regular C8)", List.of(new GroupPooling.Builder(regular).build()));
        layers.put("PointwiseMaxPool 2x2/2", List.of(new PointwiseMaxPool.Builder(regular, 2).build()));
        layers.put("PointwiseAvgPool 2x2/2", List.of(new PointwiseAvgPool.Builder(regular, 2).build()));
        layers.put("PointwiseMaxPoolAntialiased 2x2/2", List.of(new PointwiseMaxPoolAntialiased.Builder(regular, 2)
                .build()));
        layers.put("PointwiseAdaptiveAvgPool 1x1", List.of(new PointwiseAdaptiveAvgPool.Builder(regular, 1).build()));
        layers.put("NormPool (48 regular C8)", List.of(new NormPool.Builder(regular).build()));
        layers.put("NormMaxPool 2x2/2", List.of(new NormMaxPool.Builder(regular, 2).build()));

        List<Case> cases = new ArrayList<>();
        for (Map.Entry<String, List<Layer>> e : layers.entrySet()) {
            cases.add(newCase(e.getKey(), e.getValue(), in, x));
        }

        double[][] times = new double[cases.size()][rounds];
        for (int r = -warmUp; r < rounds; r++) {
            for (int c = 0; c < cases.size(); c++) {
                double t = cases.get(c).step();
                if (r >= 0) {
                    times[c][r] = t;
                }
            }
        }
        double reference = median(times[0]);
        LOG.info("forward + backward, float, {} x {} x {} x {}, {} rounds after {} warm-up rounds, {} cores, load"
                        + " average {}", N, regular.size(), SIZE, SIZE, rounds, warmUp,
                Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        for (int c = 0; c < cases.size(); c++) {
            LOG.info(String.format("%-40s median %8.2f ms   min %8.2f ms   x%.2f of %s", cases.get(c).name(),
                    median(times[c]), Arrays.stream(times[c]).min().orElse(0), median(times[c]) / reference,
                    cases.get(0).name()));
        }
    }

    private static Case newCase(String name, List<Layer> layerConfs, InputType in, INDArray x) {
        MultiLayerNetwork net = network(layerConfs, in);
        return caseOf(name, net, x);
    }

    /** All layers of the network but its loss layer, as one case. */
    private static Case caseOf(String name, MultiLayerNetwork net, INDArray x) {
        net.initGradientsView();
        List<org.deeplearning4j.nn.api.Layer> layers = new ArrayList<>();
        for (int i = 0; i < net.getnLayers() - 1; i++) {
            layers.add(net.getLayer(i));
        }
        INDArray y = net.feedForwardToLayer(layers.size() - 1, x).get(layers.size());
        return new Case(name, layers, x, gaussian(2, y.shape()), workspaces());
    }

    private static MultiLayerNetwork network(List<Layer> layerConfs, InputType in) {
        NeuralNetConfiguration.ListBuilder b = new NeuralNetConfiguration.Builder().dataType(DataType.FLOAT).list();
        layerConfs.forEach(b::layer);
        b.layer(new CnnLossLayer.Builder(LossFunctions.LossFunction.MSE).build());
        MultiLayerNetwork net = new MultiLayerNetwork(b.setInputType(in).build());
        net.init();
        return net;
    }

    /** Workspaces configured as DL4J's training workspaces (learned on the first loop, reused afterwards). */
    private static LayerWorkspaceMgr workspaces() {
        WorkspaceConfiguration conf = WorkspaceConfiguration.builder().initialSize(0).overallocationLimit(0.05)
                .policyLearning(LearningPolicy.FIRST_LOOP).policyReset(ResetPolicy.BLOCK_LEFT)
                .policySpill(SpillPolicy.REALLOCATE).policyAllocation(AllocationPolicy.OVERALLOCATE).build();
        return LayerWorkspaceMgr.builder().with(ArrayType.ACTIVATIONS, "BENCH_ACT", conf)
                .with(ArrayType.INPUT, "BENCH_ACT", conf).with(ArrayType.FF_WORKING_MEM, "BENCH_WORK", conf)
                .with(ArrayType.BP_WORKING_MEM, "BENCH_WORK", conf).with(ArrayType.ACTIVATION_GRAD, "BENCH_GRAD", conf)
                .build();
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static INDArray gaussian(long seed, long... shape) {
        Random rnd = new Random(seed);
        long n = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        float[] v = new float[(int) n];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) rnd.nextGaussian();
        }
        return Nd4j.createFromArray(v).reshape('c', shape);
    }
}
