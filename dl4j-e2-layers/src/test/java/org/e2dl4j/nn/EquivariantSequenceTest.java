package org.e2dl4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.CnnLossLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.e2dl4j.math.group.SubgroupId;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.nn.conv.R2Conv;
import org.e2dl4j.nn.structure.IdentityModule;
import org.e2dl4j.nn.structure.R2Upsampling;
import org.e2dl4j.nn.structure.RestrictionModule;
import org.e2dl4j.nn.testing.TestNetworks;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** {@link EquivariantSequence}: the type threads through the layers, mismatches fail early, copies are handed out. */
class EquivariantSequenceTest {

    private static final GSpace C8 = GSpaces.rot2dOnR2(8);
    private static final FieldType IN = FieldType.trivial(C8, 3);
    private static final FieldType HIDDEN = FieldType.regular(C8, 2);

    private static EquivariantSequence sequence() {
        return EquivariantSequence.builder(IN)
                .add(t -> new R2Conv.Builder(t, HIDDEN, 3).padding(1).build())
                .add(t -> new IdentityModule.Builder(t).build())
                .add(t -> new R2Upsampling.Builder(t, 2).build())
                .add(t -> new RestrictionModule.Builder(t, SubgroupId.rotations(4)).build())
                .add(t -> new R2Conv.Builder(t, FieldType.trivial(t.gspace(), 1), 3).build())
                .build();
    }

    @Test
    void eachLayerGetsThePreviousLayersOutputType() {
        EquivariantSequence s = sequence();
        assertEquals(IN, s.inType(), "input type");
        assertEquals(FieldType.trivial(GSpaces.rot2dOnR2(4), 1), s.outType(), "after restricting to C4 and a convolution");
        assertEquals(5, s.layers().size(), "layers");
        assertEquals(HIDDEN.restrict(SubgroupId.rotations(4)), ((TypedLayer) s.layers().get(4)).getInType(),
                "the last convolution was built for the restricted type");
    }

    @Test
    void theConfigurationRunsOnTheGivenSize() {
        MultiLayerConfiguration conf = sequence().configuration(new NeuralNetConfiguration.Builder().seed(1), 5, 5);
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        INDArray y = net.output(TestNetworks.gaussian(DataType.FLOAT, 1, 2, 3, 5, 5));
        assertArrayEquals(new long[] {2, 1, 8, 8}, y.shape(), "5 x 5, upsampled to 10 x 10, then a 3 x 3 convolution");
    }

    @Test
    void stockLayersCanFollowInTheListBuilderAndTheNetworkTrains() {
        EquivariantSequence s = sequence();
        MultiLayerConfiguration conf = s.listBuilder(new NeuralNetConfiguration.Builder().seed(1).updater(new Adam(0.01)))
                .layer(new CnnLossLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY).build())
                .setInputType(s.inputType(5, 5)).build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        INDArray x = TestNetworks.gaussian(DataType.FLOAT, 1, 2, 3, 5, 5);
        INDArray y = TestNetworks.gaussian(DataType.FLOAT, 2, 2, 1, 8, 8);
        net.fit(x, y);
        double first = net.score();
        for (int i = 0; i < 5; i++) {
            net.fit(x, y);
        }
        assertTrue(net.score() < first, "loss should drop: " + first + " -> " + net.score());
    }

    @Test
    void everyNetworkGetsItsOwnCopiesOfTheLayers() {
        EquivariantSequence s = sequence();
        MultiLayerConfiguration a = s.configuration(new NeuralNetConfiguration.Builder(), 5, 5);
        MultiLayerConfiguration b = s.configuration(new NeuralNetConfiguration.Builder(), 5, 5);
        for (int i = 0; i < 5; i++) {
            assertNotSame(a.getConf(i).getLayer(), b.getConf(i).getLayer(), "layer " + i + " shared between networks");
            assertEquals(a.getConf(i).getLayer(), b.getConf(i).getLayer(), "layer " + i + " differs");
        }
    }

    @Test
    void theSameLayersInAGraphGiveTheSameOutput() {
        EquivariantSequence s = sequence();
        MultiLayerNetwork net = new MultiLayerNetwork(s.configuration(new NeuralNetConfiguration.Builder().seed(3), 5, 5));
        net.init();
        ComputationGraph graph = new ComputationGraph(EquivariantGraphBuilder
                .on(new NeuralNetConfiguration.Builder().seed(4).graphBuilder())
                .addInput("in", IN).addSequence("body", s, "in").setOutputs("body").build(5, 5));
        graph.init();
        graph.setParams(net.params());
        INDArray x = TestNetworks.gaussian(DataType.FLOAT, 5, 2, 3, 5, 5);
        assertEquals(net.output(x), graph.outputSingle(x), "a chain has the same parameter order in both");
    }

    @Test
    void aLayerBuiltForAnotherTypeIsRejectedWithItsPositionAndBothTypes() {
        EquivariantSequence.Builder b = EquivariantSequence.builder(IN)
                .add(t -> new R2Conv.Builder(t, HIDDEN, 3).build());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> b.add(new IdentityModule.Builder(IN).build()));
        assertTrue(e.getMessage().contains("layer 1") && e.getMessage().contains("IdentityModule")
                        && e.getMessage().contains(IN.toString()) && e.getMessage().contains(HIDDEN.toString()),
                "message should give the position, the layer and both types: " + e.getMessage());
        assertEquals(HIDDEN, b.currentType(), "a rejected layer is not added");
    }

    @Test
    void anEmptySequenceIsRejected() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> EquivariantSequence.builder(IN).build());
        assertTrue(e.getMessage().contains("at least one layer"), e.getMessage());
    }
}
