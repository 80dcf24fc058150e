package org.e2dl4j.nn.structure;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.e2dl4j.math.group.SubgroupId;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.nn.EquivariantGraphBuilder;
import org.e2dl4j.nn.EquivariantSequence;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.conv.R2Conv;
import org.e2dl4j.nn.testing.TestNetworks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.executioner.OpExecutioner;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The structure modules inside real DL4J training with workspaces: a fit under SCOPE_PANIC profiling (arrays leaking
 * out of their workspace fail the run) of a network using every one of them, as a MultiLayerNetwork and as a
 * ComputationGraph with branches, and the same parameters with workspaces on and off.
 */
class StructureTrainingTest {

    private static final GSpace D4 = GSpaces.flipRot2dOnR2(4);
    private static final FieldType IN = FieldType.trivial(D4, 1);
    private static final FieldType MIXED = new FieldType(D4, List.of(D4.irrep(1, 1), D4.regularRepr(),
            D4.inducedRepr(SubgroupId.dihedral(null, 4), GSpaces.rot2dOnR2(4).irrep(1))));

    @AfterEach
    void resetProfiling() {
        Nd4j.getExecutioner().setProfilingMode(OpExecutioner.ProfilingMode.DISABLED);
    }

    /** conv, reshuffle, upsampling, mask, restriction to the flips, disentangling, conv, pooling, softmax. */
    private static MultiLayerNetwork network(WorkspaceMode mode) {
        EquivariantSequence body = EquivariantSequence.builder(IN)
                .add(t -> new R2Conv.Builder(t, MIXED, 3).padding(1).build())
                .add(t -> new ReshuffleModule.Builder(t, 2, 0, 1).build())
                .add(t -> new R2Upsampling.Builder(t, 2).build())
                .add(t -> new MaskModule.Builder(t, 10).build())
                .add(t -> new RestrictionModule.Builder(t, SubgroupId.dihedral(0, 1)).build())
                .add(t -> new DisentangleModule.Builder(t).build())
                .add(t -> new R2Conv.Builder(t, FieldType.trivial(t.gspace(), 2), 3).build())
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(body.listBuilder(new NeuralNetConfiguration.Builder().seed(1)
                        .updater(new Adam(0.01)).dataType(DataType.FLOAT).trainingWorkspaceMode(mode)
                        .inferenceWorkspaceMode(mode))
                .layer(new GlobalPoolingLayer.Builder(PoolingType.AVG).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).activation(Activation.SOFTMAX)
                        .nOut(2).build())
                .setInputType(body.inputType(5, 5)).build());
        net.init();
        return net;
    }

    private static DataSet data(long seed) {
        INDArray x = TestNetworks.gaussian(DataType.FLOAT, seed, 4, 1, 5, 5);
        INDArray y = Nd4j.zeros(DataType.FLOAT, 4, 2);
        for (int i = 0; i < 4; i++) {
            y.putScalar(i, i % 2, 1);
        }
        return new DataSet(x, y);
    }

    @Test
    void fitUnderScopePanicUpdatesTheParameters() {
        MultiLayerNetwork net = network(WorkspaceMode.ENABLED);
        INDArray before = net.params().dup();
        Nd4j.getExecutioner().setProfilingMode(OpExecutioner.ProfilingMode.SCOPE_PANIC);
        for (int i = 0; i < 2; i++) {
            net.fit(data(1));
        }
        net.output(data(2).getFeatures());
        assertNotEquals(before, net.params(), "fit must update the parameters");
    }

    @Test
    void trainingWithoutWorkspacesGivesTheSameParameters() {
        MultiLayerNetwork a = network(WorkspaceMode.ENABLED);
        MultiLayerNetwork b = network(WorkspaceMode.NONE);
        for (int i = 0; i < 2; i++) {
            a.fit(data(3));
            b.fit(data(3));
        }
        double diff = a.params().sub(b.params()).amaxNumber().doubleValue();
        assertTrue(diff < 1e-5, "workspace modes ENABLED and NONE should train alike, max difference " + diff);
    }

    @Test
    void graphWithBranchesFitsUnderScopePanic() {
        EquivariantGraphBuilder g = EquivariantGraphBuilder.on(new NeuralNetConfiguration.Builder().seed(2)
                        .updater(new Adam(0.01)).dataType(DataType.FLOAT).graphBuilder())
                .addInput("in", IN)
                .addLayer("conv", t -> new R2Conv.Builder(t, MIXED, 3).padding(1).build(), "in")
                .addMultiple("multi", "conv", List.of("v", "r", "v"), Map.of(
                        "v", t -> new IdentityModule.Builder(t).build(),
                        "r", t -> new R2Conv.Builder(t, FieldType.regular(D4, 1), 3).padding(1).build()))
                .addLayer("back", t -> new R2Conv.Builder(t, FieldType.trivial(D4, 2), 3).build(), "multi")
                .addStockLayer("pool", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), "back")
                .addStockLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                        .activation(Activation.SOFTMAX).nOut(2).build(), "pool")
                .setOutputs("out");
        ComputationGraph graph = new ComputationGraph(g.build(5, 5));
        graph.init();
        INDArray before = graph.params().dup();
        Nd4j.getExecutioner().setProfilingMode(OpExecutioner.ProfilingMode.SCOPE_PANIC);
        graph.fit(data(4));
        graph.fit(data(5));
        assertNotEquals(before, graph.params(), "fit must update the parameters");
    }
}
