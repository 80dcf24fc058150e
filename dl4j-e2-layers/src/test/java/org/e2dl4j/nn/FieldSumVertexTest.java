package org.e2dl4j.nn;

import static org.e2dl4j.testing.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;

import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
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
 * {@link FieldSumVertex} through {@link EquivariantGraphBuilder#addSum}: a residual graph
 * ({@code x -> x + conv(x)}) is equivariant on the exact elements of D4, its output is the sum of its branches,
 * it passes the gradient check, the JSON and ModelSerializer round trips and exports to a stock
 * {@code ElementWiseVertex(Add)} with the same output; inputs of different field types are refused.
 */
class FieldSumVertexTest {

    private static final GSpace D4 = GSpaces.flipRot2dOnR2(4);
    private static final FieldType IN = FieldType.trivial(D4, 2);
    private static final FieldType HIDDEN = FieldType.regular(D4, 1);

    /**
     * conv to HIDDEN ("stem"), residual conv ("branch"), sum of both, 3 x 3 conv back to IN, per-pixel MSE (a 1 x 1
     * conv back to trivial fields would see only the invariant part of the sum, leaving some of the branch's weights
     * without gradient).
     */
    private static EquivariantGraphBuilder residualGraph(DataType dataType, long seed) {
        return EquivariantGraphBuilder.on(new NeuralNetConfiguration.Builder().seed(seed).dataType(dataType)
                        .updater(new NoOp()).graphBuilder())
                .addInput("in", IN)
                .addLayer("stem", t -> new R2Conv.Builder(t, HIDDEN, 3).padding(1).build(), "in")
                .addLayer("branch", t -> new R2Conv.Builder(t, HIDDEN, 3).padding(1).build(), "stem")
                .addSum("sum", "stem", "branch")
                .addLayer("back", t -> new R2Conv.Builder(t, IN, 3).padding(1).build(), "sum")
                .addStockLayer("loss", new CnnLossLayer.Builder(LossFunctions.LossFunction.MSE)
                        .activation(Activation.IDENTITY).build(), "back")
                .setOutputs("loss");
    }

    private static ComputationGraph graph(DataType dataType, long seed, int size) {
        ComputationGraph graph = new ComputationGraph(residualGraph(dataType, seed).build(size, size));
        graph.init();
        return graph;
    }

    @Test
    void theSumHasTheInputsTypeAndIsTheSumOfTheBranches() {
        EquivariantGraphBuilder g = residualGraph(DataType.FLOAT, 1);
        assertEquals(HIDDEN, g.typeOf("sum"), "the sum has its inputs' type");
        ComputationGraph graph = graph(DataType.FLOAT, 1, 7);
        INDArray x = TestNetworks.gaussian(DataType.FLOAT, 2, 2, 2, 7, 7);
        java.util.Map<String, INDArray> acts = graph.feedForward(x, false);
        INDArray expected = acts.get("stem").add(acts.get("branch"));
        assertEquals(0.0, expected.sub(acts.get("sum")).amaxNumber().doubleValue(), 1e-6,
                "the vertex's output is stem + branch");
    }

    @Test
    void theResidualGraphIsEquivariantOnExactElements() {
        EquivarianceReport r = EquivarianceCheck.of(graph(DataType.FLOAT, 3, 7), IN, IN).inputSize(7, 7).run();
        assertTrue(r.maxExactRelativeError() < 1e-5, "D4 residual graph:\n" + r);
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        DataType previousData = Nd4j.dataType();
        DataType previousFloat = Nd4j.defaultFloatingPointType();
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
        try {
            ComputationGraph graph = graph(DataType.DOUBLE, 4, 5);
            INDArray x = TestNetworks.gaussian(DataType.DOUBLE, 5, 2, 2, 5, 5);
            INDArray y = TestNetworks.gaussian(DataType.DOUBLE, 6, 2, 2, 5, 5);
            assertTrue(GradientCheckUtil.checkGradients(new GradientCheckUtil.GraphConfig().net(graph)
                    .inputs(new INDArray[] {x}).labels(new INDArray[] {y}).epsilon(1e-6).maxRelError(1e-5)
                    .minAbsoluteError(1e-8).subset(true).maxPerParam(20)), "residual graph gradient check");
        } finally {
            Nd4j.setDefaultDataTypes(previousData, previousFloat);
        }
    }

    @Test
    void survivesJsonAndModelSerializer(@TempDir Path dir) throws Exception {
        ComputationGraphConfiguration conf = residualGraph(DataType.FLOAT, 7).build(7, 7);
        ComputationGraphConfiguration back = ComputationGraphConfiguration.fromJson(conf.toJson());
        assertEquals(conf, back, "graph JSON round trip");
        assertTrue(back.getVertices().get("sum") instanceof FieldSumVertex, "the sum vertex after JSON");
        ComputationGraph graph = graph(DataType.FLOAT, 7, 7);
        File file = dir.resolve("residual.zip").toFile();
        ModelSerializer.writeModel(graph, file, true);
        ComputationGraph restored = ModelSerializer.restoreComputationGraph(file, true);
        INDArray x = TestNetworks.gaussian(DataType.FLOAT, 8, 2, 2, 7, 7);
        assertEquals(graph.outputSingle(x), restored.outputSingle(x), "output after restore");
    }

    @Test
    void exportsToAStockAddVertexWithTheSameOutput() {
        ComputationGraph graph = graph(DataType.FLOAT, 9, 7);
        ComputationGraph std = Export.toStandard(graph);
        assertFalse(std.getConfiguration().toJson().contains("org.e2dl4j"), "exported graph refers to org.e2dl4j");
        ElementWiseVertex add = (ElementWiseVertex) std.getConfiguration().getVertices().get("sum");
        assertEquals(ElementWiseVertex.Op.Add, add.getOp(), "the sum exports to an add vertex");
        INDArray x = TestNetworks.gaussian(DataType.FLOAT, 10, 3, 2, 7, 7);
        INDArray expected = graph.outputSingle(x);
        double err = expected.sub(std.outputSingle(x)).amaxNumber().doubleValue()
                / expected.amaxNumber().doubleValue();
        assertTrue(err < 1e-5, "exported graph output, relative difference " + err);
    }

    /** A regular D4 field and eight trivial ones have the same channel count; the builder refuses their sum. */
    @Test
    void theBuilderRefusesASumOfDifferentTypes() {
        FieldType trivial = FieldType.trivial(D4, 8);
        EquivariantGraphBuilder g = EquivariantGraphBuilder.on(new NeuralNetConfiguration.Builder().graphBuilder())
                .addInput("a", HIDDEN).addInput("b", trivial);
        assertRejected(() -> g.addSum("sum", "a", "b"), "sum 'sum'", "same field type", "'a'", "'b'",
                HIDDEN.toString(), trivial.toString());
        assertRejected(() -> g.addSum("single", "a"), "sum 'single'", "at least two inputs");
    }

    /** Without the typed builder, DL4J's type inference meets the vertex's check when the graph is built. */
    @Test
    void theVertexRefusesDifferentTypesWhenTheGraphIsBuilt() {
        FieldType trivial = FieldType.trivial(D4, 8);
        assertRejected(() -> new NeuralNetConfiguration.Builder().graphBuilder().addInputs("a", "b")
                        .addVertex("sum", new FieldSumVertex(), "a", "b")
                        .addLayer("after", new IdentityModule.Builder(HIDDEN).build(), "sum")
                        .setOutputs("after")
                        .setInputTypes(FieldInputType.of(HIDDEN, 5, 5), FieldInputType.of(trivial, 5, 5)).build(),
                "FieldSumVertex", "layer index", "input 1", "same field type", HIDDEN.toString(), trivial.toString());
    }
}
