package org.e2dl4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.graph.SubsetVertex;
import org.deeplearning4j.nn.conf.layers.CnnLossLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.nn.conv.R2Conv;
import org.e2dl4j.nn.structure.IdentityModule;
import org.e2dl4j.nn.testing.TestNetworks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * {@link EquivariantGraphBuilder}: branching by field labels (stock subset vertices, direct sums of runs where labels are
 * not contiguous) and the direct sum (a stock merge vertex) keep the graph equivariant and typed; the graph
 * passes the gradient check, JSON and ModelSerializer round trips and exports with stock vertices.
 */
class EquivariantGraphBuilderTest {

    private static final GSpace C4 = GSpaces.rot2dOnR2(4);
    private static final GSpace D4 = GSpaces.flipRot2dOnR2(4);
    private static final FieldType IN = FieldType.trivial(C4, 2);
    /** regular (4), irrep 1 (2), regular (4), trivial (1). */
    private static final FieldType MIXED = new FieldType(C4, List.of(C4.regularRepr(), C4.irrep(1), C4.regularRepr(),
            C4.trivialRepr()));
    /** "a" is not contiguous, so its branch is the direct sum of two runs of fields. */
    private static final List<String> LABELS = List.of("a", "b", "a", "c");

    private static final Map<String, Function<FieldType, ? extends TypedLayer>> BRANCHES = Map.of(
            "a", t -> new R2Conv.Builder(t, FieldType.regular(C4, 1), 3).padding(1).build(),
            "b", t -> new IdentityModule.Builder(t).build(),
            "c", t -> new R2Conv.Builder(t, FieldType.irrep(C4, 1, 1), 3).padding(1).build());

    /** Lighter branches for the gradient check: identities and a 1 x 1 convolution. */
    private static final Map<String, Function<FieldType, ? extends TypedLayer>> LIGHT_BRANCHES = Map.of(
            "a", t -> new IdentityModule.Builder(t).build(),
            "b", t -> new IdentityModule.Builder(t).build(),
            "c", t -> new R2Conv.Builder(t, FieldType.trivial(C4, 1), 1).build());

    private static EquivariantGraphBuilder typedGraph(DataType dataType, long seed) {
        return typedGraph(dataType, seed, BRANCHES);
    }

    /** conv to MIXED, split by LABELS, a layer per label, direct sum, conv back to IN, per-pixel MSE. */
    private static EquivariantGraphBuilder typedGraph(DataType dataType, long seed,
                                                      Map<String, Function<FieldType, ? extends TypedLayer>> branches) {
        EquivariantGraphBuilder g = EquivariantGraphBuilder.on(new NeuralNetConfiguration.Builder().seed(seed)
                        .dataType(dataType).updater(new NoOp()).graphBuilder())
                .addInput("in", IN)
                .addLayer("conv", t -> new R2Conv.Builder(t, MIXED, 3).padding(1).build(), "in")
                .addMultiple("multi", "conv", LABELS, branches);
        return g.addLayer("back", t -> new R2Conv.Builder(t, IN, 3).padding(1).build(), "multi")
                .addStockLayer("loss", new CnnLossLayer.Builder(LossFunctions.LossFunction.MSE)
                        .activation(Activation.IDENTITY).build(), "back")
                .setOutputs("loss");
    }

    private static ComputationGraph graph(DataType dataType, long seed) {
        ComputationGraph graph = new ComputationGraph(typedGraph(dataType, seed).build(7, 7));
        graph.init();
        return graph;
    }

    @Test
    void branchTypesAreTheLabelsFieldsAndTheSumIsTheirDirectSum() {
        EquivariantGraphBuilder g = typedGraph(DataType.FLOAT, 1);
        Map<String, FieldType> byLabel = MIXED.groupByLabels(LABELS);
        assertEquals(FieldType.regular(C4, 2), g.typeOf("multi_split_a"), "label a: both regular fields");
        assertEquals(byLabel.get("b"), g.typeOf("multi_split_b"), "label b");
        assertEquals(byLabel.get("c"), g.typeOf("multi_split_c"), "label c");
        assertEquals(FieldType.directSum(List.of(FieldType.regular(C4, 1), byLabel.get("b"), FieldType.irrep(C4, 1, 1))),
                g.typeOf("multi"), "a's output, then b's (its irrep 1 field), then c's, in the order the labels first appear");
        assertTrue(g.graphBuilder().getVertices().get("multi_split_a") instanceof DirectSumVertex,
                "label a is not contiguous: the direct sum of its two runs groups it");
        assertEquals(FieldType.regular(C4, 1), g.typeOf("multi_split_a_run1"), "the second run of a: field 2");
    }

    @Test
    void contiguousLabelsAreSplitWithoutAReshuffle() {
        EquivariantGraphBuilder g = EquivariantGraphBuilder.on(new NeuralNetConfiguration.Builder().graphBuilder())
                .addInput("in", MIXED);
        Map<String, String> branches = g.splitByLabels("split", "in", List.of("x", "x", "y", "z"));
        assertEquals(List.of("x", "y", "z"), List.copyOf(branches.keySet()), "labels in order of first appearance");
        assertFalse(g.graphBuilder().getVertices().keySet().stream().anyMatch(v -> v.contains("_run")),
                "contiguous labels need no runs");
        FieldSubsetVertex y = (FieldSubsetVertex) g.graphBuilder().getVertices().get(branches.get("y"));
        assertEquals(6, y.fromChannel(), "y is the second regular field: channels 6..9");
        assertEquals(10, y.toChannel(), "y is the second regular field: channels 6..9");
        assertEquals(Map.of("only", "in"), g.splitByLabels("one", "in", List.of("only", "only", "only", "only")),
                "a single label is the input itself");
    }

    @Test
    void theBranchedGraphIsEquivariantOnExactElements() {
        EquivarianceReport r = EquivarianceCheck.of(graph(DataType.FLOAT, 2), IN, IN).inputSize(7, 7).run();
        assertTrue(r.maxExactRelativeError() < 1e-5, "C4 graph with branches by label:\n" + r);
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        DataType previousData = Nd4j.dataType();
        DataType previousFloat = Nd4j.defaultFloatingPointType();
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
        try {
            ComputationGraph graph = new ComputationGraph(typedGraph(DataType.DOUBLE, 3, LIGHT_BRANCHES).build(5, 5));
            graph.init();
            INDArray x = TestNetworks.gaussian(DataType.DOUBLE, 1, 2, 2, 5, 5);
            INDArray y = TestNetworks.gaussian(DataType.DOUBLE, 2, 2, 2, 5, 5);
            assertTrue(GradientCheckUtil.checkGradients(new GradientCheckUtil.GraphConfig().net(graph)
                    .inputs(new INDArray[] {x}).labels(new INDArray[] {y}).epsilon(1e-6).maxRelError(1e-5)
                    .minAbsoluteError(1e-8).subset(true).maxPerParam(20)), "graph gradient check with branches");
        } finally {
            Nd4j.setDefaultDataTypes(previousData, previousFloat);
        }
    }

    @Test
    void survivesJsonAndModelSerializer(@TempDir Path dir) throws Exception {
        ComputationGraphConfiguration conf = typedGraph(DataType.FLOAT, 4).build(7, 7);
        assertEquals(conf, ComputationGraphConfiguration.fromJson(conf.toJson()), "graph JSON round trip");
        ComputationGraph graph = graph(DataType.FLOAT, 4);
        File file = dir.resolve("graph.zip").toFile();
        ModelSerializer.writeModel(graph, file, true);
        ComputationGraph restored = ModelSerializer.restoreComputationGraph(file, true);
        INDArray x = TestNetworks.gaussian(DataType.FLOAT, 5, 2, 2, 7, 7);
        assertEquals(graph.outputSingle(x), restored.outputSingle(x), "output after restore");
    }

    @Test
    void exportsWithStockSubsetAndMergeVerticesAndTheSameOutput() {
        ComputationGraph graph = graph(DataType.FLOAT, 5);
        ComputationGraph std = Export.toStandard(graph);
        String json = std.getConfiguration().toJson();
        assertFalse(json.contains("org.e2dl4j"), "exported graph still refers to org.e2dl4j");
        assertTrue(std.getConfiguration().getVertices().get("multi") instanceof MergeVertex, "the direct sum");
        assertTrue(std.getConfiguration().getVertices().get("multi_split_a") instanceof MergeVertex, "a branch: its runs merged");
        assertTrue(std.getConfiguration().getVertices().get("multi_split_a_run0") instanceof SubsetVertex, "a run of a");
        INDArray x = TestNetworks.gaussian(DataType.FLOAT, 6, 3, 2, 7, 7);
        INDArray expected = graph.outputSingle(x);
        double err = expected.sub(std.outputSingle(x)).amaxNumber().doubleValue()
                / expected.amaxNumber().doubleValue();
        assertTrue(err < 1e-5, "exported graph output, relative difference " + err);
    }

    /**
     * Without the typed builder, DL4J's own type inference carries the field types through the vertices: a layer
     * after the direct sum that expects the sum in the other order is rejected when the graph is built.
     */
    @Test
    void theVerticesHandTheirFieldTypesToTheNextLayer() {
        FieldType first = FieldType.regular(C4, 1);
        FieldType second = FieldType.irrep(C4, 1, 1);
        FieldType wrongOrder = second.plus(first);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new NeuralNetConfiguration
                .Builder().graphBuilder().addInputs("in")
                .addVertex("first", new FieldSubsetVertex(first.plus(second), 0, 1), "in")
                .addVertex("second", new FieldSubsetVertex(first.plus(second), 1, 2), "in")
                .addVertex("sum", new DirectSumVertex(), "second", "first")
                .addLayer("after", new IdentityModule.Builder(first.plus(second)).build(), "sum")
                .setOutputs("after").setInputTypes(FieldInputType.of(first.plus(second), 5, 5)).build());
        assertTrue(e.getMessage().contains("mismatch") && e.getMessage().contains(wrongOrder.toString()),
                "message should report the summed type: " + e.getMessage());
        ComputationGraphConfiguration ok = new NeuralNetConfiguration.Builder().graphBuilder().addInputs("in")
                .addVertex("second", new FieldSubsetVertex(first.plus(second), 1, 2), "in")
                .addVertex("first", new FieldSubsetVertex(first.plus(second), 0, 1), "in")
                .addVertex("sum", new DirectSumVertex(), "second", "first")
                .addLayer("after", new IdentityModule.Builder(wrongOrder).build(), "sum")
                .setOutputs("after").setInputTypes(FieldInputType.of(first.plus(second), 5, 5)).build();
        assertEquals(ok, ComputationGraphConfiguration.fromJson(ok.toJson()), "JSON round trip of both vertices");
    }

    @Test
    void anEmptyOrOutOfRangeFieldSubsetIsRejected() {
        for (int[] range : new int[][] {{1, 1}, {-1, 2}, {2, 5}}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new FieldSubsetVertex(MIXED, range[0], range[1]));
            assertTrue(e.getMessage().contains("FieldSubsetVertex") && e.getMessage().contains("4 fields"),
                    e.getMessage());
        }
    }

    @Test
    void aLayerBuiltForAnotherTypeIsRejectedWithTheVertexAndBothTypes() {
        EquivariantGraphBuilder g = EquivariantGraphBuilder.on(new NeuralNetConfiguration.Builder().graphBuilder())
                .addInput("in", IN);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> g.addLayer("id", new IdentityModule.Builder(MIXED).build(), "in"));
        assertTrue(e.getMessage().contains("'id'") && e.getMessage().contains(IN.toString())
                        && e.getMessage().contains(MIXED.toString()),
                "message should name the vertex and both types: " + e.getMessage());
    }

    @Test
    void badSplitsSumsAndNamesAreRejected() {
        EquivariantGraphBuilder g = EquivariantGraphBuilder.on(new NeuralNetConfiguration.Builder().graphBuilder())
                .addInput("in", MIXED).addInput("flips", FieldType.trivial(D4, 1));
        assertThrows(IllegalArgumentException.class, () -> g.splitByLabels("s", "in", List.of("a", "b")),
                "two labels for four fields");
        IllegalArgumentException sum = assertThrows(IllegalArgumentException.class,
                () -> g.addDirectSum("sum", "in", "flips"));
        assertTrue(sum.getMessage().contains("'sum'") && sum.getMessage().contains("same G-space"), sum.getMessage());
        IllegalArgumentException name = assertThrows(IllegalArgumentException.class, () -> g.addInput("in", IN));
        assertTrue(name.getMessage().contains("already exists"), name.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> g.addMultiple("m", "in", LABELS, Map.of("a", t -> new IdentityModule.Builder(t).build())));
        assertTrue(missing.getMessage().contains("[a, b, c]"), "message should list the labels: " + missing.getMessage());
        IllegalArgumentException untyped = assertThrows(IllegalArgumentException.class, () -> g
                .addStockLayer("stock", new CnnLossLayer.Builder().build(), "in")
                .addLayer("after", new IdentityModule.Builder(MIXED).build(), "stock"));
        assertTrue(untyped.getMessage().contains("no field type"), untyped.getMessage());
    }
}
