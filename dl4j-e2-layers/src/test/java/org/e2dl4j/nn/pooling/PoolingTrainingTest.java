package org.e2dl4j.nn.pooling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.e2dl4j.math.group.SubgroupId;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.math.repr.Representations;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.conv.R2Conv;
import org.e2dl4j.nn.invariant.GroupPooling;
import org.e2dl4j.nn.invariant.InducedNormPool;
import org.e2dl4j.nn.invariant.NormPool;
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
 * The invariant maps and pooling layers inside DL4J training with workspaces: a fit under SCOPE_PANIC profiling
 * (an array used outside its workspace fails the run) through every layer of the family, with the temporaries
 * of the slow paths (mixed field sizes, ceil mode, windows of different sizes) exercised; and the same
 * parameters with and without workspaces.
 */
class PoolingTrainingTest {

    private static final GSpace C4 = GSpaces.rot2dOnR2(4);
    private static final GSpace C8 = GSpaces.rot2dOnR2(8);
    private static final FieldType C4_MIXED = new FieldType(C4, List.of(C4.regularRepr(), C4.trivialRepr(),
            C4.quotientRepr(SubgroupId.rotations(2)), C4.regularRepr()));
    private static final FieldType C8_IRREPS = new FieldType(C8, List.of(C8.irrep(1), C8.irrep(2), C8.irrep(3)));
    private static final FieldType C8_INDUCED = FieldType.of(C8, C8.inducedRepr(SubgroupId.rotations(4),
            Representations.irrep(C8.fibergroup().subgroup(SubgroupId.rotations(4)).group(), 1)), 2);

    @AfterEach
    void resetProfiling() {
        Nd4j.getExecutioner().setProfilingMode(OpExecutioner.ProfilingMode.DISABLED);
    }

    /** Three branches of the family, each from a 1-channel 9x9 image to 2 classes. */
    private static List<List<Layer>> branches() {
        return List.of(
                List.of(new R2Conv.Builder(FieldType.trivial(C4, 1), C4_MIXED, 3).padding(1).build(),
                        new PointwiseMaxPool.Builder(C4_MIXED, 3).stride(2).padding(1).ceilMode(true).build(),
                        new PointwiseAvgPool.Builder(C4_MIXED, 2).stride(1).ceilMode(true).build(),
                        new PointwiseAvgPoolAntialiased.Builder(C4_MIXED, 0.6, 1).build(),
                        new PointwiseMaxPoolAntialiased.Builder(C4_MIXED, 2).stride(1).build(),
                        new PointwiseAdaptiveMaxPool.Builder(C4_MIXED, 3).build(),
                        new PointwiseAdaptiveAvgPool.Builder(C4_MIXED, 2).build(),
                        new GroupPooling.Builder(C4_MIXED).build()),
                List.of(new R2Conv.Builder(FieldType.trivial(C8, 1), C8_IRREPS, 3).padding(1).build(),
                        new NormMaxPool.Builder(C8_IRREPS, 2).ceilMode(true).build(),
                        new NormPool.Builder(C8_IRREPS).build()),
                List.of(new R2Conv.Builder(FieldType.trivial(C8, 1), C8_INDUCED, 3).padding(1).build(),
                        new InducedNormPool.Builder(C8_INDUCED).build()));
    }

    private static MultiLayerNetwork classifier(List<Layer> layers, WorkspaceMode mode) {
        NeuralNetConfiguration.ListBuilder b = new NeuralNetConfiguration.Builder().seed(3).updater(new Adam(0.01))
                .dataType(DataType.FLOAT).trainingWorkspaceMode(mode).inferenceWorkspaceMode(mode).list();
        layers.forEach(b::layer);
        b.layer(new GlobalPoolingLayer.Builder(PoolingType.AVG).build());
        b.layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).activation(Activation.SOFTMAX).nOut(2)
                .build());
        MultiLayerNetwork net = new MultiLayerNetwork(b.setInputType(InputType.convolutional(9, 9, 1)).build());
        net.init();
        return net;
    }

    private static DataSet data(long seed) {
        INDArray y = Nd4j.zeros(DataType.FLOAT, 6, 2);
        for (int i = 0; i < 6; i++) {
            y.putScalar(i, i % 2, 1);
        }
        return new DataSet(TestNetworks.gaussian(DataType.FLOAT, seed, 6, 1, 9, 9), y);
    }

    @Test
    void fitUnderScopePanicTrainsThroughEveryLayer() {
        for (List<Layer> layers : branches()) {
            MultiLayerNetwork net = classifier(layers, WorkspaceMode.ENABLED);
            INDArray before = net.params().dup();
            Nd4j.getExecutioner().setProfilingMode(OpExecutioner.ProfilingMode.SCOPE_PANIC);
            for (int i = 0; i < 3; i++) {
                net.fit(data(i));
            }
            Nd4j.getExecutioner().setProfilingMode(OpExecutioner.ProfilingMode.DISABLED);
            assertNotEquals(before, net.params(), "fit must update the parameters before " + layers.get(1));
            assertTrue(Double.isFinite(net.score()), "finite loss through " + layers);
        }
    }

    @Test
    void graphFitUnderScopePanicTrainsThroughEveryLayer() {
        for (List<Layer> layers : branches()) {
            ComputationGraphConfiguration.GraphBuilder b = new NeuralNetConfiguration.Builder().seed(3)
                    .updater(new Adam(0.01)).dataType(DataType.FLOAT).graphBuilder().addInputs("in");
            String previous = "in";
            for (int i = 0; i < layers.size(); i++) {
                b.addLayer("l" + i, layers.get(i), previous);
                previous = "l" + i;
            }
            b.addLayer("pool", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), previous)
                    .addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                            .activation(Activation.SOFTMAX).nOut(2).build(), "pool");
            ComputationGraph graph = new ComputationGraph(b.setOutputs("out")
                    .setInputTypes(InputType.convolutional(9, 9, 1)).build());
            graph.init();
            INDArray before = graph.params().dup();
            Nd4j.getExecutioner().setProfilingMode(OpExecutioner.ProfilingMode.SCOPE_PANIC);
            graph.fit(data(5));
            Nd4j.getExecutioner().setProfilingMode(OpExecutioner.ProfilingMode.DISABLED);
            assertNotEquals(before, graph.params(), "graph fit must update the parameters before " + layers.get(1));
        }
    }

    @Test
    void trainingWithoutWorkspacesGivesTheSameParameters() {
        for (int k = 0; k < branches().size(); k++) {
            List<Layer> layers = branches().get(k);
            MultiLayerNetwork a = classifier(layers, WorkspaceMode.ENABLED);
            MultiLayerNetwork b = classifier(branches().get(k), WorkspaceMode.NONE);
            for (int i = 0; i < 2; i++) {
                a.fit(data(i));
                b.fit(data(i));
            }
            double err = a.params().sub(b.params()).amaxNumber().doubleValue();
            assertEquals(0.0, err, 1e-6, "parameters with and without workspaces after training through "
                    + layers.get(1));
        }
    }
}
