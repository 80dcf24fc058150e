package org.e2dl4j.nn.nonlinear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import java.util.List;

import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.CnnLossLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.nn.EquivarianceCheck;
import org.e2dl4j.nn.EquivarianceReport;
import org.e2dl4j.nn.Export;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.conv.R2Conv;
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
 * {@link GatedNonLinearity2} as a two-input graph vertex (gates and gated tensors from two convolutions):
 * equivariance of the graph, gradients, JSON and ModelSerializer round trips, the export refusal; its
 * identity with {@link GatedNonLinearity1} on the joined tensor; build-time checks.
 */
class GatedNonLinearity2Test {

    private static final GSpace D4 = GSpaces.flipRot2dOnR2(4);
    private static final FieldType IN = FieldType.trivial(D4, 1);
    private static final FieldType GATES = FieldType.trivial(D4, 2);
    private static final FieldType GATED = FieldType.regular(D4, 1).plus(FieldType.irrep(D4, 1, 1, 1));

    /** in -> R2Conv to the gates and R2Conv to the gated fields -> GatedNonLinearity2 -> R2Conv -> loss. */
    private static ComputationGraph graph(DataType dataType, long seed) {
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder().seed(seed).dataType(dataType)
                .updater(new NoOp()).graphBuilder().addInputs("in")
                .addLayer("gates", new R2Conv.Builder(IN, GATES, 3).padding(1).build(), "in")
                .addLayer("gated", new R2Conv.Builder(IN, GATED, 3).padding(1).build(), "in")
                .addLayer("gate", new GatedNonLinearity2.Builder(GATES, GATED).build(), "gates", "gated")
                .addLayer("out", new R2Conv.Builder(GATED, IN, 3).padding(1).build(), "gate")
                .addLayer("loss", new CnnLossLayer.Builder(LossFunctions.LossFunction.MSE)
                        .activation(Activation.IDENTITY).build(), "out")
                .setOutputs("loss").setInputTypes(InputType.convolutional(7, 7, 1)).build();
        ComputationGraph g = new ComputationGraph(conf);
        g.init();
        return g;
    }

    @Test
    void theGraphIsEquivariantOnExactElements() {
        EquivarianceReport report = EquivarianceCheck.of(graph(DataType.FLOAT, 1), IN, IN).inputSize(7, 7).run();
        assertFalse(report.exactErrors().isEmpty(), "no exact element checked");
        assertTrue(report.maxExactRelativeError() <= 1e-5, "expected relative error <= 1e-5, got " + report);
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        DataType previousData = Nd4j.dataType();
        DataType previousFloat = Nd4j.defaultFloatingPointType();
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
        try {
            ComputationGraph g = graph(DataType.DOUBLE, 2);
            INDArray x = TestNetworks.gaussian(DataType.DOUBLE, 3, 2, 1, 5, 5);
            INDArray y = TestNetworks.gaussian(DataType.DOUBLE, 4, g.outputSingle(x).shape());
            assertTrue(GradientCheckUtil.checkGradients(new GradientCheckUtil.GraphConfig().net(g)
                    .inputs(new INDArray[] {x}).labels(new INDArray[] {y}).epsilon(1e-6).maxRelError(1e-5)
                    .minAbsoluteError(1e-9).subset(true).maxPerParam(40)), "graph gradient check");
        } finally {
            Nd4j.setDefaultDataTypes(previousData, previousFloat);
        }
    }

    @Test
    void survivesJsonAndModelSerializer(@TempDir Path dir) throws Exception {
        ComputationGraph g = graph(DataType.FLOAT, 5);
        ComputationGraphConfiguration conf = g.getConfiguration();
        assertEquals(conf, ComputationGraphConfiguration.fromJson(conf.toJson()), "graph JSON round trip");
        File file = dir.resolve("graph.zip").toFile();
        ModelSerializer.writeModel(g, file, true);
        ComputationGraph restored = ModelSerializer.restoreComputationGraph(file, true);
        INDArray x = TestNetworks.gaussian(DataType.FLOAT, 6, 2, 1, 7, 7);
        assertEquals(g.params(), restored.params(), "parameters");
        assertEquals(g.outputSingle(x), restored.outputSingle(x), "output after restore");
    }

    @Test
    void exportIsRefusedNamingTheLayer() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Export.toStandard(graph(DataType.FLOAT, 5)));
        assertTrue(e.getMessage().contains("GatedNonLinearity2"), e.getMessage());
    }

    @Test
    void equalsGatedNonLinearity1OnTheJoinedTensorWithGatesFirst() {
        FieldType joined = GATES.plus(GATED);
        MultiLayerNetwork two = NonlinearityChecks.single(new GatedNonLinearity2.Builder(GATES, GATED).build(),
                DataType.DOUBLE);
        MultiLayerNetwork one = NonlinearityChecks.single(new GatedNonLinearity1.Builder(joined,
                List.of("gate", "gate", "gated", "gated")).build(), DataType.DOUBLE);
        one.setParams(two.params());
        INDArray x = TestNetworks.gaussian(DataType.DOUBLE, 8, 2, joined.size(), 3, 3);
        assertEquals(one.output(x), two.output(x));
        assertEquals(GATED, new GatedNonLinearity2.Builder(GATES, GATED).build().outType(), "output = gated type");
    }

    @Test
    void badGatesAreRejectedAtBuildTime() {
        IllegalArgumentException count = assertThrows(IllegalArgumentException.class,
                () -> new GatedNonLinearity2.Builder(FieldType.trivial(D4, 3), GATED).build());
        assertTrue(count.getMessage().contains("number of gates (3)"), count.getMessage());
        IllegalArgumentException trivial = assertThrows(IllegalArgumentException.class,
                () -> new GatedNonLinearity2.Builder(FieldType.irrep(D4, 2, 1, 0), GATED).build());
        assertTrue(trivial.getMessage().contains("trivial"), trivial.getMessage());
        GSpace c4 = GSpaces.rot2dOnR2(4);
        IllegalArgumentException gspace = assertThrows(IllegalArgumentException.class,
                () -> new GatedNonLinearity2.Builder(FieldType.trivial(c4, 2), GATED).build());
        assertTrue(gspace.getMessage().contains("one G-space"), gspace.getMessage());
    }
}
