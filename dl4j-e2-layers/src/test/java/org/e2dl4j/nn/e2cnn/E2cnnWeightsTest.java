package org.e2dl4j.nn.e2cnn;

import static org.e2dl4j.testing.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.CnnLossLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.nn.EquivariantGraphBuilder;
import org.e2dl4j.nn.EquivariantSequence;
import org.e2dl4j.nn.FieldInputType;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.math.group.Groups;
import org.e2dl4j.math.group.SubgroupId;
import org.e2dl4j.math.repr.Representations;
import org.e2dl4j.nn.batchnorm.GNormBatchNorm;
import org.e2dl4j.nn.batchnorm.InducedNormBatchNorm;
import org.e2dl4j.nn.batchnorm.InnerBatchNorm;
import org.e2dl4j.nn.batchnorm.NormBatchNorm;
import org.e2dl4j.nn.invariant.NormPool;
import org.e2dl4j.nn.nonlinear.GatedNonLinearity1;
import org.e2dl4j.nn.nonlinear.InducedNormNonLinearity;
import org.e2dl4j.nn.nonlinear.NormNonLinearity;
import org.e2dl4j.nn.conv.R2Conv;
import org.e2dl4j.nn.invariant.GroupPooling;
import org.e2dl4j.nn.nonlinear.ELU;
import org.e2dl4j.nn.nonlinear.ReLU;
import org.e2dl4j.nn.pooling.PointwiseAvgPoolAntialiased;
import org.e2dl4j.nn.pooling.PointwiseMaxPool;
import org.e2dl4j.nn.structure.MaskModule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * E2cnnWeights against e2cnn itself: {@code reference/generate.py} builds e2cnn's nn README model and (at width
 * 0.125) the C8 example model, gives them random weights and batch-norm statistics from three training-mode
 * passes, and writes their learnable state ({@code e2cnn_weights/*.npz}) with an input and e2cnn's eval-mode
 * output. Loaded here, our networks give that output; saved again, they give the same arrays.
 */
class E2cnnWeightsTest {

    private static final GSpace C8 = GSpaces.rot2dOnR2(8);

    @TempDir
    Path dir;

    /** e2cnn's nn README model, as in E2cnnExportExampleTest. */
    private static MultiLayerNetwork docsModel() {
        FieldType in = FieldType.trivial(C8, 3);
        FieldType hid = FieldType.regular(C8, 3);
        FieldType out = FieldType.regular(C8, 1);
        EquivariantSequence model = EquivariantSequence.builder(in)
                .add(t -> new R2Conv.Builder(t, hid, 5).bias(false).build())
                .add(t -> new InnerBatchNorm.Builder(t).build())
                .add(t -> new ReLU.Builder(t).build())
                .add(t -> new PointwiseMaxPool.Builder(t, 3).stride(2).padding(1).build())
                .add(t -> new R2Conv.Builder(t, out, 3).bias(false).build())
                .add(t -> new InnerBatchNorm.Builder(t).build())
                .add(t -> new ELU.Builder(t).build())
                .add(t -> new GroupPooling.Builder(t).build())
                .build();
        MultiLayerConfiguration conf = model.listBuilder(new NeuralNetConfiguration.Builder().seed(3)
                        .dataType(DataType.FLOAT))
                .layer(new CnnLossLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY).build())
                .setInputType(model.inputType(31, 31)).build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    /** The vertex of {@link #docsGraph()} holding each parameterized module of the docs model's e2cnn keys. */
    private static final Map<String, String> DOCS_VERTICES = Map.of("0", "conv1", "1", "bn1", "4", "conv2",
            "5", "bn2");

    /** The docs model as a ComputationGraph: input "in", then one named vertex per layer. */
    private static ComputationGraph docsGraph() {
        FieldType hid = FieldType.regular(C8, 3);
        FieldType out = FieldType.regular(C8, 1);
        ComputationGraphConfiguration conf = EquivariantGraphBuilder.on(new NeuralNetConfiguration.Builder().seed(3)
                        .dataType(DataType.FLOAT).graphBuilder())
                .addInput("in", FieldType.trivial(C8, 3))
                .addLayer("conv1", t -> new R2Conv.Builder(t, hid, 5).bias(false).build(), "in")
                .addLayer("bn1", t -> new InnerBatchNorm.Builder(t).build(), "conv1")
                .addLayer("relu1", t -> new ReLU.Builder(t).build(), "bn1")
                .addLayer("pool1", t -> new PointwiseMaxPool.Builder(t, 3).stride(2).padding(1).build(), "relu1")
                .addLayer("conv2", t -> new R2Conv.Builder(t, out, 3).bias(false).build(), "pool1")
                .addLayer("bn2", t -> new InnerBatchNorm.Builder(t).build(), "conv2")
                .addLayer("elu2", t -> new ELU.Builder(t).build(), "bn2")
                .addLayer("gpool", t -> new GroupPooling.Builder(t).build(), "elu2")
                .addStockLayer("loss", new CnnLossLayer.Builder(LossFunctions.LossFunction.MSE)
                        .activation(Activation.IDENTITY).build(), "gpool")
                .setOutputs("loss")
                .build(31, 31);
        ComputationGraph net = new ComputationGraph(conf);
        net.init();
        return net;
    }

    /** e2cnn's examples/model.ipynb C8SteerableCNN at width 0.125 (fields 3, 6, 6, 12, 12, 8), 10 classes. */
    private static MultiLayerNetwork c8Model() {
        int[] fields = {3, 6, 6, 12, 12, 8};
        int[] kernels = {7, 5, 5, 5, 5, 5};
        int[] paddings = {1, 2, 2, 2, 2, 1};
        FieldType image = FieldType.trivial(C8, 1);
        NeuralNetConfiguration.ListBuilder layers = new NeuralNetConfiguration.Builder().seed(3)
                .dataType(DataType.FLOAT).list();
        layers.layer(new MaskModule.Builder(image, 29).margin(1).name("mask").build());
        FieldType in = image;
        for (int i = 0; i < fields.length; i++) {
            FieldType out = FieldType.regular(C8, fields[i]);
            layers.layer(new R2Conv.Builder(in, out, kernels[i]).padding(paddings[i]).bias(false).name("r2conv" + i)
                    .build());
            layers.layer(new InnerBatchNorm.Builder(out).name("bn" + i).build());
            layers.layer(new ReLU.Builder(out).name("relu" + i).build());
            if (i == 1 || i == 3) {
                layers.layer(new PointwiseAvgPoolAntialiased.Builder(out, 0.66, 2).name("pool" + i).build());
            }
            in = out;
        }
        layers.layer(new PointwiseAvgPoolAntialiased.Builder(in, 0.66, 1).padding(0).name("pool5").build());
        layers.layer(new GroupPooling.Builder(in).name("gpool").build());
        layers.layer(new DenseLayer.Builder().nOut(64).activation(Activation.IDENTITY).name("fc1").build());
        layers.layer(new BatchNormalization.Builder().name("bn-fc1").build());
        layers.layer(new ActivationLayer.Builder().activation(Activation.ELU).name("elu").build());
        layers.layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(10)
                .activation(Activation.SOFTMAX).name("fc2").build());
        MultiLayerNetwork net = new MultiLayerNetwork(layers.setInputType(FieldInputType.of(image, 29, 29)).build());
        net.init();
        return net;
    }

    /**
     * generate.py's norm model: NormBatchNorm over interleaved field sizes (2, 1, 2, 1, 2), NormNonLinearity,
     * GatedNonLinearity1, GNormBatchNorm, InducedNormBatchNorm / InducedNormNonLinearity over fields induced from
     * C4, NormPool; convolutions with bias where the output has trivial fields (the gated and the scalar one).
     */
    private static MultiLayerNetwork normModel() {
        FieldType in = FieldType.trivial(C8, 1).plus(FieldType.irrep(C8, 1, 4));
        FieldType mixed = FieldType.irrep(C8, 1, 1).plus(FieldType.irrep(C8, 1, 4)).plus(FieldType.irrep(C8, 1, 1))
                .plus(FieldType.irrep(C8, 1, 4)).plus(FieldType.irrep(C8, 1, 2));
        FieldType scalars = FieldType.trivial(C8, 3);
        FieldType gatedIn = FieldType.trivial(C8, 2).plus(FieldType.irrep(C8, 1, 1)).plus(FieldType.irrep(C8, 1, 2));
        FieldType induced = FieldType.of(C8, C8.inducedRepr(SubgroupId.rotations(4),
                Representations.irrep(Groups.cyclic(4), 1)), 2);
        EquivariantSequence model = EquivariantSequence.builder(in)
                .add(t -> new R2Conv.Builder(t, mixed, 3).padding(1).build())
                .add(t -> new NormBatchNorm.Builder(t).build())
                .add(t -> new NormNonLinearity.Builder(t).build())
                .add(t -> new R2Conv.Builder(t, gatedIn, 3).padding(1).build())
                .add(t -> new GatedNonLinearity1.Builder(t).build())
                .add(t -> new R2Conv.Builder(t, scalars, 3).padding(1).build())
                .add(t -> new GNormBatchNorm.Builder(t).build())
                .add(t -> new ReLU.Builder(t).build())
                .add(t -> new R2Conv.Builder(t, induced, 3).padding(1).build())
                .add(t -> new InducedNormBatchNorm.Builder(t).build())
                .add(t -> new InducedNormNonLinearity.Builder(t).build())
                .add(t -> new NormPool.Builder(t).build())
                .build();
        MultiLayerConfiguration conf = model.listBuilder(new NeuralNetConfiguration.Builder().seed(3)
                        .dataType(DataType.FLOAT))
                .layer(new CnnLossLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY).build())
                .setInputType(model.inputType(9, 9)).build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    private Path fixture(String name) throws IOException {
        Path target = dir.resolve(name);
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("reference/e2cnn_weights/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no reference/e2cnn_weights/" + name
                        + ": regenerate reference/data with reference/generate.py");
            }
            Files.copy(in, target);
        }
        return target;
    }

    private static void assertOutput(MultiLayerNetwork net, Map<String, INDArray> io) {
        INDArray x = io.get("input");
        INDArray expected = io.get("output");
        INDArray y = net.output(x).reshape(expected.shape());
        double err = y.sub(expected).amaxNumber().doubleValue() / expected.amaxNumber().doubleValue();
        assertTrue(err < 1e-5, "our output equals e2cnn's to 1e-5 relative, got " + err + "\nours " + y
                + "\ne2cnn " + expected);
    }

    private static void assertOutput(ComputationGraph net, Map<String, INDArray> io) {
        INDArray expected = io.get("output");
        INDArray y = net.outputSingle(io.get("input")).reshape(expected.shape());
        double err = y.sub(expected).amaxNumber().doubleValue() / expected.amaxNumber().doubleValue();
        assertTrue(err < 1e-5, "the graph's output equals e2cnn's to 1e-5 relative, got " + err);
    }

    private static void assertSameArrays(Map<String, INDArray> expected, Map<String, INDArray> actual) {
        assertEquals(new ArrayList<>(expected.keySet()), new ArrayList<>(actual.keySet()), "same keys, same order");
        for (String key : expected.keySet()) {
            INDArray e = expected.get(key);
            INDArray a = actual.get(key);
            assertEquals(e.length(), a.length(), key);
            if (key.endsWith("num_batches_tracked")) {
                assertEquals(DataType.LONG, a.dataType(), key + ": an int64 counter (we write 0)");
                continue;
            }
            assertArrayEquals(e.shape(), a.shape(), key);
            assertEquals(e.dataType(), a.dataType(), key);
            double scale = Math.max(1e-30, e.amaxNumber().doubleValue());
            double err = e.sub(a).amaxNumber().doubleValue() / scale;
            assertTrue(err < 1e-6, key + ": values equal, relative difference " + err);
        }
    }

    @Test
    void theDocsModelLoadedGivesE2cnnsOutput() throws IOException {
        MultiLayerNetwork net = docsModel();
        E2cnnWeights.load(net, fixture("docs_model.npz"));
        assertOutput(net, Npz.read(fixture("docs_model_io.npz")));
    }

    @Test
    void theDocsModelSavedGivesTheFixturesArrays() throws IOException {
        MultiLayerNetwork net = docsModel();
        Path weights = fixture("docs_model.npz");
        E2cnnWeights.load(net, weights);
        Path saved = dir.resolve("saved.npz");
        E2cnnWeights.save(net, saved);
        assertSameArrays(Npz.read(weights), Npz.read(saved));
    }

    @Test
    void theC8ModelLoadedGivesE2cnnsOutput() throws IOException {
        MultiLayerNetwork net = c8Model();
        E2cnnWeights.load(net, fixture("c8_model.npz"));
        assertOutput(net, Npz.read(fixture("c8_model_io.npz")));
    }

    @Test
    void theC8ModelSavedUnderTheFixturesKeysGivesItsArrays() throws IOException {
        MultiLayerNetwork net = c8Model();
        Path weights = fixture("c8_model.npz");
        E2cnnWeights.load(net, weights);
        Path saved = dir.resolve("saved.npz");
        E2cnnWeights.save(net, saved, weights);
        assertSameArrays(Npz.read(weights), Npz.read(saved));
    }

    @Test
    void theNormModelLoadedGivesE2cnnsOutput() throws IOException {
        Map<String, INDArray> io = Npz.read(fixture("norm_model_io.npz"));
        assertTrue(io.get("output").amaxNumber().doubleValue() > 1e-3, "e2cnn's output is not trivially zero");
        Path weights = fixture("norm_model.npz");
        Map<String, INDArray> state = Npz.read(weights);
        assertTrue(state.containsKey("3.bias") && state.containsKey("5.bias"), "convolutions with bias: "
                + state.keySet());
        MultiLayerNetwork net = normModel();
        E2cnnWeights.load(net, weights);
        assertOutput(net, io);
    }

    @Test
    void theNormModelSavedGivesTheFixturesArrays() throws IOException {
        MultiLayerNetwork net = normModel();
        Path weights = fixture("norm_model.npz");
        E2cnnWeights.load(net, weights);
        Path saved = dir.resolve("saved.npz");
        E2cnnWeights.save(net, saved);
        assertSameArrays(Npz.read(weights), Npz.read(saved));
    }

    @Test
    void theDocsModelAsAGraphLoadedGivesE2cnnsOutput() throws IOException {
        ComputationGraph net = docsGraph();
        E2cnnWeights.load(net, fixture("docs_model.npz"));
        assertOutput(net, Npz.read(fixture("docs_model_io.npz")));
    }

    @Test
    void theDocsModelAsAGraphSavedGivesTheFixturesArraysUnderItsVertexNames() throws IOException {
        ComputationGraph net = docsGraph();
        Path weights = fixture("docs_model.npz");
        E2cnnWeights.load(net, weights);
        Path saved = dir.resolve("saved.npz");
        E2cnnWeights.save(net, saved);
        Map<String, INDArray> expected = new LinkedHashMap<>();
        Npz.read(weights).forEach((k, v) -> {
            int dot = k.indexOf('.');
            expected.put(DOCS_VERTICES.get(k.substring(0, dot)) + k.substring(dot), v);
        });
        assertTrue(expected.containsKey("conv1.weights") && expected.containsKey("bn2.batch_norm_[8].running_var"),
                "keys renamed: " + expected.keySet());
        assertSameArrays(expected, Npz.read(saved));
    }

    @Test
    void theDocsModelAsAGraphSavedUnderTheFixturesKeysGivesItsArrays() throws IOException {
        ComputationGraph net = docsGraph();
        Path weights = fixture("docs_model.npz");
        E2cnnWeights.load(net, weights);
        Path saved = dir.resolve("saved.npz");
        E2cnnWeights.save(net, saved, weights);
        assertSameArrays(Npz.read(weights), Npz.read(saved));
    }

    @Test
    void aMismatchInAGraphNamesTheVertex() throws IOException {
        Map<String, INDArray> state = Npz.read(fixture("docs_model.npz"));
        state.put("4.weights", Nd4j.create(DataType.FLOAT, 143));
        Path bad = write(state);
        ComputationGraph net = docsGraph();
        INDArray before = net.params().dup();
        // topological order: in (0), conv1 (1), bn1, relu1, pool1, conv2 (5)
        assertRejected(() -> E2cnnWeights.load(net, bad), "e2cnn key '4.weights'", "shape [143]",
                "layer 5 'conv2'", "R2Conv", "expects shape [144]");
        assertEquals(before, net.params(), "no parameter changed");
    }

    @Test
    void aFailedLoadWritesNothing() throws IOException {
        MultiLayerNetwork net = docsModel();
        INDArray before = net.params().dup();
        Map<String, INDArray> state = Npz.read(fixture("docs_model.npz"));
        state.put("5.batch_norm_[8].running_var", Nd4j.createFromArray(Float.NaN));
        Path bad = write(state);
        assertRejected(() -> E2cnnWeights.load(net, bad), "5.batch_norm_[8].running_var", "layer 5", "NaN",
                "finite");
        assertEquals(before, net.params(), "no parameter changed");
    }

    @Test
    void aMissingKeyIsNamed() throws IOException {
        Map<String, INDArray> state = Npz.read(fixture("docs_model.npz"));
        state.remove("5.batch_norm_[8].num_batches_tracked");
        Path bad = write(state);
        assertRejected(() -> E2cnnWeights.load(docsModel(), bad), "ends before", "layer 5",
                "InnerBatchNorm", "'5.batch_norm_[8].num_batches_tracked'", "missing key");
    }

    @Test
    void keysInAnotherOrderAreNamed() throws IOException {
        Map<String, INDArray> state = Npz.read(fixture("docs_model.npz"));
        Map<String, INDArray> swapped = new LinkedHashMap<>();
        List<String> keys = new ArrayList<>(state.keySet());
        String first = keys.get(1);
        keys.set(1, keys.get(2));
        keys.set(2, first);
        keys.forEach(k -> swapped.put(k, state.get(k)));
        Path bad = write(swapped);
        assertRejected(() -> E2cnnWeights.load(docsModel(), bad), "e2cnn key '1.batch_norm_[8].bias'",
                "layer 1", "InnerBatchNorm", "expected a key ending in 'batch_norm_[8].weight'");
    }

    @Test
    void aWrongShapeIsNamed() throws IOException {
        Map<String, INDArray> state = Npz.read(fixture("docs_model.npz"));
        state.put("4.weights", Nd4j.create(DataType.FLOAT, 143));
        Path bad = write(state);
        assertRejected(() -> E2cnnWeights.load(docsModel(), bad), "e2cnn key '4.weights'", "shape [143]",
                "layer 4", "R2Conv", "expects shape [144]");
    }

    @Test
    void anotherFieldTypeIsNamed() throws IOException {
        // e2cnn's model with trivial fields where ours has regular ones: its batch norm is batch_norm_[1]
        Map<String, INDArray> state = new LinkedHashMap<>();
        Npz.read(fixture("docs_model.npz")).forEach((k, v) -> state.put(k.replace("1.batch_norm_[8]",
                "1.batch_norm_[1]"), v));
        Path bad = write(state);
        assertRejected(() -> E2cnnWeights.load(docsModel(), bad), "e2cnn key '1.batch_norm_[1].weight'",
                "layer 1", "expected a key ending in 'batch_norm_[8].weight'");
    }

    @Test
    void extraKeysAreNamed() throws IOException {
        Map<String, INDArray> state = Npz.read(fixture("docs_model.npz"));
        state.put("8.weight", Nd4j.create(DataType.FLOAT, 2, 1));
        Path bad = write(state);
        assertRejected(() -> E2cnnWeights.load(docsModel(), bad), "1 extra key", "'8.weight'", "shape [2, 1]",
                "layer 5");
    }

    @Test
    void aStateWithE2cnnsDerivedBuffersLoads() throws IOException {
        Map<String, INDArray> state = new LinkedHashMap<>();
        state.put("0.filter", Nd4j.create(DataType.FLOAT, 24, 3, 5, 5));
        state.put("0._basisexpansion.block_expansion_('irrep_0', 'regular').sampled_basis",
                Nd4j.create(DataType.FLOAT, 2));
        state.putAll(Npz.read(fixture("docs_model.npz")));
        MultiLayerNetwork net = docsModel();
        E2cnnWeights.load(net, write(state));
        assertOutput(net, Npz.read(fixture("docs_model_io.npz")));
    }

    @Test
    void aCounterMustBeAnIntegerScalar() throws IOException {
        Map<String, INDArray> state = Npz.read(fixture("docs_model.npz"));
        state.put("1.batch_norm_[8].num_batches_tracked", Nd4j.createFromArray(3.0f));
        Path bad = write(state);
        assertRejected(() -> E2cnnWeights.load(docsModel(), bad), "'1.batch_norm_[8].num_batches_tracked'",
                "int64 scalar", "FLOAT");
    }

    private Path write(Map<String, INDArray> state) {
        Path p = dir.resolve("edited" + state.hashCode() + ".npz");
        Npz.write(p, state);
        return p;
    }
}
