package org.e2dl4j.nn.conv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.math.kernel.ManualCutoff;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.testing.TestNetworks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

class R2ConvSerializationTest {

    private static final GSpace D4 = GSpaces.flipRot2dOnR2(4);
    private static final FieldType IN = FieldType.trivial(D4, 2);
    private static final FieldType HIDDEN = FieldType.regular(D4, 2);
    private static final FieldType MIXED_GROUP = FieldType.irrep(D4, 1, 1, 1).plus(FieldType.trivial(D4, 1));
    private static final FieldType MIXED = MIXED_GROUP.plus(MIXED_GROUP);

    private static MultiLayerConfiguration configuration() {
        return new NeuralNetConfiguration.Builder().seed(5).updater(new Adam(1e-3)).dataType(DataType.FLOAT).list()
                .layer(new R2Conv.Builder(IN, HIDDEN, 5).padding(2).rings(0, 1, 2).sigma(0.5)
                        .frequencyCutoff(ManualCutoff.FCO3).maximumOffset(1)
                        .basisFilter(BasisFilter.maximumFrequency(2)).activation(Activation.RELU).build())
                .layer(new R2Conv.Builder(HIDDEN, MIXED, 3).stride(2).dilation(1).bias(false)
                        .convolutionMode(ConvolutionMode.Same).build())
                .layer(new R2Conv.Builder(MIXED, HIDDEN, 3).groups(2).frequencyCutoffFactor(1.5).build())
                .layer(new R2ConvTransposed.Builder(HIDDEN, IN, 3).stride(2).build())
                .layer(new GlobalPoolingLayer.Builder(PoolingType.AVG).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY).nOut(1)
                        .build())
                .setInputType(InputType.convolutional(11, 11, 2)).build();
    }

    @Test
    void multiLayerConfigurationSurvivesJsonAndYaml() {
        MultiLayerConfiguration conf = configuration();
        String json = conf.toJson();
        assertEquals(conf, MultiLayerConfiguration.fromJson(json), "JSON round trip of a configuration with R2Conv");
        assertEquals(conf, MultiLayerConfiguration.fromYaml(conf.toYaml()), "YAML round trip");
        assertTrue(json.contains("\"gspace\" : \"flipRot2dOnR2\"") || json.contains("\"gspace\":\"flipRot2dOnR2\""),
                "field types are written as short descriptions:\n" + json);
        assertFalse(json.contains("changeOfBasis"), "no representation matrices in the JSON");
    }

    @Test
    void graphConfigurationSurvivesJson() {
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder().seed(5).graphBuilder()
                .addInputs("in")
                .addLayer("conv", new R2Conv.Builder(IN, HIDDEN, 3).padding(1).sigma(0.7).build(), "in")
                .addLayer("up", new R2ConvTransposed.Builder(HIDDEN, MIXED, 3).stride(2).bias(false).build(), "conv")
                .setOutputs("up").setInputTypes(InputType.convolutional(7, 7, 2)).build();
        assertEquals(conf, ComputationGraphConfiguration.fromJson(conf.toJson()), "graph JSON round trip");
    }

    @Test
    void modelSerializerRestoresIdenticalOutputs(@TempDir Path dir) throws Exception {
        MultiLayerNetwork net = new MultiLayerNetwork(configuration());
        net.init();
        INDArray x = TestNetworks.gaussian(DataType.FLOAT, 1, 3, 2, 11, 11);
        net.fit(x, TestNetworks.gaussian(DataType.FLOAT, 2, 3, 1));
        File file = dir.resolve("net.zip").toFile();
        ModelSerializer.writeModel(net, file, true);
        MultiLayerNetwork restored = ModelSerializer.restoreMultiLayerNetwork(file, true);
        assertEquals(net.getLayerWiseConfigurations(), restored.getLayerWiseConfigurations(), "restored configuration");
        assertEquals(net.params(), restored.params(), "restored parameters");
        assertEquals(net.output(x), restored.output(x), "restored network output");
    }

    @Test
    void modelSerializerRestoresAGraphWithIdenticalOutputs(@TempDir Path dir) throws Exception {
        ComputationGraph graph = TestNetworks.graphWithLoss(DataType.FLOAT, 3, InputType.convolutional(7, 7, 2),
                java.util.List.of(new R2Conv.Builder(IN, HIDDEN, 3).padding(1).build(),
                        new R2Conv.Builder(HIDDEN, MIXED, 3).padding(1).build()));
        File file = dir.resolve("graph.zip").toFile();
        ModelSerializer.writeModel(graph, file, true);
        ComputationGraph restored = ModelSerializer.restoreComputationGraph(file, true);
        INDArray x = TestNetworks.gaussian(DataType.FLOAT, 4, 2, 2, 7, 7);
        assertEquals(graph.getConfiguration(), restored.getConfiguration(), "restored graph configuration");
        assertEquals(graph.outputSingle(x), restored.outputSingle(x), "restored graph output");
    }
}
