package org.e2dl4j.nn.nonlinear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.conv.R2Conv;
import org.e2dl4j.nn.testing.TestNetworks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.executioner.OpExecutioner;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Every nonlinearity implementation inside DL4J training with workspaces, under SCOPE_PANIC profiling (an array
 * used outside its workspace fails the run): the biases of the norm and gated layers learn, and inference
 * after training is repeatable.
 */
@SuppressWarnings("deprecation")
class NonlinearityTrainingTest {

    private static final GSpace C4 = GSpaces.rot2dOnR2(4);

    @AfterEach
    void resetProfiling() {
        Nd4j.getExecutioner().setProfilingMode(OpExecutioner.ProfilingMode.DISABLED);
    }

    private static INDArray labels(int n) {
        INDArray y = Nd4j.zeros(DataType.FLOAT, n, 2);
        for (int i = 0; i < n; i++) {
            y.putScalar(i, i % 2, 1);
        }
        return y;
    }

    @Test
    void aChainOfEveryKindFitsUnderScopePanic() {
        FieldType in = FieldType.trivial(C4, 1);
        FieldType gatedIn = FieldType.trivial(C4, 2).plus(FieldType.regular(C4, 1)).plus(FieldType.irrep(C4, 1, 1));
        FieldType gatedOut = FieldType.regular(C4, 1).plus(FieldType.irrep(C4, 1, 1));
        FieldType regular = FieldType.regular(C4, 2);
        ConcatenatedNonLinearity concatenated = new ConcatenatedNonLinearity.Builder(regular).build();
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(4)
                .updater(new Adam(0.05)).dataType(DataType.FLOAT).trainingWorkspaceMode(WorkspaceMode.ENABLED)
                .inferenceWorkspaceMode(WorkspaceMode.ENABLED).list()
                .layer(new R2Conv.Builder(in, gatedIn, 3).padding(1).build())
                .layer(new GatedNonLinearity1.Builder(gatedIn).build())
                .layer(new NormNonLinearity.Builder(gatedOut).function("n_sigmoid").build())
                .layer(new R2Conv.Builder(gatedOut, regular, 3).padding(1).build())
                .layer(new ELU.Builder(regular).alpha(0.5).build())
                .layer(concatenated)
                .layer(new R2Conv.Builder(concatenated.outType(), FieldType.regular(C4, 1), 3).padding(1).build())
                .layer(new VectorFieldNonLinearity.Builder(FieldType.regular(C4, 1)).build())
                .layer(new R2Conv.Builder(FieldType.irrep(C4, 1, 1), FieldType.trivial(C4, 2), 3).padding(1).build())
                .layer(new GlobalPoolingLayer.Builder(PoolingType.AVG).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).activation(Activation.SOFTMAX).nOut(2)
                        .build())
                .setInputType(InputType.convolutional(7, 7, 1)).build());
        net.init();
        INDArray gateBias = net.getParam("1_b").dup();
        INDArray logBias = net.getParam("2_logBias").dup();
        INDArray x = TestNetworks.gaussian(DataType.FLOAT, 1, 6, 1, 7, 7);
        Nd4j.getExecutioner().setProfilingMode(OpExecutioner.ProfilingMode.SCOPE_PANIC);
        for (int i = 0; i < 3; i++) {
            net.fit(x, labels(6));
        }
        assertNotEquals(gateBias, net.getParam("1_b"), "the gate biases must learn");
        assertNotEquals(logBias, net.getParam("2_logBias"), "the norm biases must learn");
        assertEquals(net.output(x), net.output(x), "inference is repeatable");
    }

    @Test
    void aGraphWithTwoInputGatingFitsUnderScopePanic() {
        FieldType in = FieldType.trivial(C4, 1);
        FieldType gates = FieldType.trivial(C4, 2);
        FieldType gated = FieldType.regular(C4, 1).plus(FieldType.irrep(C4, 1, 1));
        ComputationGraph graph = new ComputationGraph(new NeuralNetConfiguration.Builder().seed(5)
                .updater(new Adam(0.05)).dataType(DataType.FLOAT).graphBuilder().addInputs("in")
                .addLayer("gates", new R2Conv.Builder(in, gates, 3).padding(1).build(), "in")
                .addLayer("gated", new R2Conv.Builder(in, gated, 3).padding(1).build(), "in")
                .addLayer("gate", new GatedNonLinearity2.Builder(gates, gated).build(), "gates", "gated")
                .addLayer("norm", new InducedNormNonLinearity.Builder(FieldType.of(C4, C4.quotientRepr(
                        org.e2dl4j.math.group.SubgroupId.rotations(2)), 2)).build(), "quotient")
                .addLayer("quotient", new R2Conv.Builder(gated, FieldType.of(C4, C4.quotientRepr(
                        org.e2dl4j.math.group.SubgroupId.rotations(2)), 2), 3).padding(1).build(), "gate")
                .addLayer("pool", new GlobalPoolingLayer.Builder(PoolingType.MAX).build(), "norm")
                .addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                        .activation(Activation.SOFTMAX).nOut(2).build(), "pool")
                .setOutputs("out").setInputTypes(InputType.convolutional(7, 7, 1)).build());
        graph.init();
        INDArray before = graph.getParam("gate_b").dup();
        Nd4j.getExecutioner().setProfilingMode(OpExecutioner.ProfilingMode.SCOPE_PANIC);
        INDArray x = TestNetworks.gaussian(DataType.FLOAT, 2, 4, 1, 7, 7);
        for (int i = 0; i < 3; i++) {
            graph.fit(new INDArray[] {x}, new INDArray[] {labels(4)});
        }
        assertNotEquals(before, graph.getParam("gate_b"), "the gate biases must learn");
        assertTrue(graph.outputSingle(x).sumNumber().doubleValue() > 0, "softmax outputs");
    }
}
