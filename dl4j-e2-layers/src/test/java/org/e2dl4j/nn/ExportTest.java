package org.e2dl4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Deconvolution2D;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.nn.conv.R2Conv;
import org.e2dl4j.nn.conv.R2ConvTransposed;
import org.e2dl4j.nn.testing.TestNetworks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

class ExportTest {

    private static final double TOLERANCE = 1e-5;

    private static final GSpace C4 = GSpaces.rot2dOnR2(4);

    private static MultiLayerNetwork trainedNetwork() {
        FieldType in = FieldType.trivial(C4, 3);
        FieldType hidden = FieldType.regular(C4, 3);
        FieldType mixed = FieldType.irrep(C4, 2, 1).plus(FieldType.trivial(C4, 2));
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(7).updater(new Adam(1e-2))
                .dataType(DataType.FLOAT).list()
                .layer(new R2Conv.Builder(in, hidden, 5).padding(2).build())
                .layer(new BatchNormalization.Builder().build())
                .layer(new R2Conv.Builder(hidden, mixed, 3).stride(2).dilation(1).build())
                .layer(new R2Conv.Builder(mixed, hidden, 3).convolutionMode(ConvolutionMode.Same).bias(false).build())
                .layer(new R2ConvTransposed.Builder(hidden, mixed, 3).stride(2).build())
                .layer(new GlobalPoolingLayer.Builder(PoolingType.AVG).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY).nOut(2)
                        .build())
                .setInputType(InputType.convolutional(13, 13, 3)).build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        INDArray x = TestNetworks.gaussian(DataType.FLOAT, 1, 4, 3, 13, 13);
        INDArray y = TestNetworks.gaussian(DataType.FLOAT, 2, 4, 2);
        for (int i = 0; i < 3; i++) {
            net.fit(x, y);
        }
        return net;
    }

    private static void assertClose(INDArray expected, INDArray got, String what) {
        double scale = Math.max(1e-12, expected.amaxNumber().doubleValue());
        double err = expected.sub(got).amaxNumber().doubleValue() / scale;
        assertTrue(err <= TOLERANCE, what + ": expected relative difference <= " + TOLERANCE + ", got " + err);
    }

    @Test
    void exportedMultiLayerNetworkHasOnlyStockLayersAndTheSameOutput() {
        MultiLayerNetwork net = trainedNetwork();
        MultiLayerNetwork std = Export.toStandard(net);
        assertFalse(std.getLayerWiseConfigurations().toJson().contains("org.e2dl4j"),
                "exported configuration still refers to org.e2dl4j classes");
        assertTrue(std.getLayer(0).conf().getLayer() instanceof ConvolutionLayer, "R2Conv -> ConvolutionLayer");
        assertTrue(std.getLayer(4).conf().getLayer() instanceof Deconvolution2D, "R2ConvTransposed -> Deconvolution2D");
        INDArray x = TestNetworks.gaussian(DataType.FLOAT, 3, 2, 3, 13, 13);
        assertClose(net.output(x), std.output(x), "exported MultiLayerNetwork output");
    }

    @Test
    void exportedGraphHasOnlyStockLayersAndTheSameOutput() {
        FieldType in = FieldType.trivial(C4, 2);
        FieldType hidden = FieldType.regular(C4, 2);
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder().seed(3).dataType(DataType.FLOAT)
                .graphBuilder().addInputs("in")
                .addLayer("a", new R2Conv.Builder(in, hidden, 3).padding(1).build(), "in")
                .addLayer("b", new R2Conv.Builder(hidden, hidden, 3).padding(1).build(), "a")
                .addVertex("sum", new org.deeplearning4j.nn.conf.graph.ElementWiseVertex(
                        org.deeplearning4j.nn.conf.graph.ElementWiseVertex.Op.Add), "a", "b")
                .addLayer("up", new R2ConvTransposed.Builder(hidden, in, 3).stride(2).build(), "sum")
                .setOutputs("up").setInputTypes(InputType.convolutional(9, 9, 2)).build();
        ComputationGraph graph = new ComputationGraph(conf);
        graph.init();
        ComputationGraph std = Export.toStandard(graph);
        assertFalse(std.getConfiguration().toJson().contains("org.e2dl4j"),
                "exported graph configuration still refers to org.e2dl4j classes");
        INDArray x = TestNetworks.gaussian(DataType.FLOAT, 4, 2, 2, 9, 9);
        assertClose(graph.outputSingle(x), std.outputSingle(x), "exported ComputationGraph output");
    }

    @Test
    void layerThatIsNeitherStockNorEquivariantIsNamedInTheError() {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().list()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(2).build())
                .layer(new UnexportableLayer())
                .setInputType(InputType.convolutional(5, 5, 1)).build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Export.toStandard(net));
        assertTrue(e.getMessage().contains("layer 1") && e.getMessage().contains(UnexportableLayer.class.getName()),
                "message should name layer 1 and its class, got: " + e.getMessage());
    }

    @Test
    void exportedNetworkLoadsAndRunsWithoutThisLibrary(@TempDir Path dir) throws Exception {
        MultiLayerNetwork net = trainedNetwork();
        File model = dir.resolve("exported.zip").toFile();
        ModelSerializer.writeModel(Export.toStandard(net), model, false);
        INDArray x = TestNetworks.gaussian(DataType.FLOAT, 5, 2, 3, 13, 13);
        File input = dir.resolve("x.bin").toFile();
        File output = dir.resolve("y.bin").toFile();
        Nd4j.saveBinary(x, input);
        String log = runIsolated(model, "MLN", input, output, dir);
        assertTrue(log.contains("isolated: org.e2dl4j not visible"), "the child class loader must not see org.e2dl4j:\n"
                + log);
        assertClose(net.output(x), Nd4j.readBinary(output), "output of the exported model run without the library");
    }

    private static String runIsolated(File model, String kind, File input, File output, Path dir)
            throws IOException, InterruptedException {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String runnerHome = new File(IsolatedModelRunner.class.getProtectionDomain().getCodeSource().getLocation()
                .getPath()).getPath();
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g", "-cp", runnerHome,
                IsolatedModelRunner.class.getName(), classPath, model.getPath(), kind, input.getPath(),
                output.getPath()));
        File log = dir.resolve("child.log").toFile();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "isolated run timed out");
        String text = Files.readString(log.toPath());
        assertEquals(0, p.exitValue(), "isolated run failed:\n" + text);
        return text;
    }
}
