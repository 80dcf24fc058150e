package org.e2dl4j.nn;

import static org.e2dl4j.testing.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.CnnLossLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.nn.conv.R2Conv;
import org.e2dl4j.nn.testing.TestNetworks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Saved models are restored as ModelSerializer restores them, and every damaged file gives one
 * {@link SavedModelException} naming the file, the entry and (where one is at fault) the layer: truncated files,
 * corrupt bytes in the compressed parameters, missing entries, configurations edited so that they no longer
 * fit their parameters or cannot be built, updater state of the wrong length.
 */
class SavedModelsTest {

    private static final GSpace C4 = GSpaces.rot2dOnR2(4);
    private static final FieldType IN = FieldType.trivial(C4, 1);
    private static final FieldType HIDDEN = FieldType.regular(C4, 2);
    private static final InputType INPUT = InputType.convolutional(9, 9, IN.size());
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    private static MultiLayerNetwork trained;
    private static Path saved;
    private static INDArray x;

    /** Two R2Conv layers and a loss, one Adam step taken (so the updater state is not zero), saved with it. */
    @BeforeAll
    static void saveATrainedNetwork() throws IOException {
        trained = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(7).dataType(DataType.DOUBLE)
                .updater(new Adam(1e-2)).list()
                .layer(new R2Conv.Builder(IN, HIDDEN, 3).name("first").build())
                .layer(new R2Conv.Builder(HIDDEN, HIDDEN, 3).name("second").build())
                .layer(new CnnLossLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY).build())
                .setInputType(INPUT).build());
        trained.init();
        x = TestNetworks.gaussian(DataType.DOUBLE, 1, 2, IN.size(), 9, 9);
        trained.fit(x, TestNetworks.gaussian(DataType.DOUBLE, 2, 2, HIDDEN.size(), 5, 5));
        saved = dir.resolve("trained.zip");
        ModelSerializer.writeModel(trained, saved.toFile(), true);
    }

    // ---- good files -------------------------------------------------------------------------------------------

    @Test
    void aGoodFileGivesTheSavedNetworkWithItsOutputAndUpdaterState() throws IOException {
        MultiLayerNetwork restored = SavedModels.restoreMultiLayerNetwork(saved, true);
        assertEquals(trained.params(), restored.params(), "parameters");
        assertEquals(trained.getUpdater().getStateViewArray(), restored.getUpdater().getStateViewArray(),
                "updater state");
        assertEquals(trained.output(x), restored.output(x), "output");
        assertEquals(trained.getLayerWiseConfigurations(), restored.getLayerWiseConfigurations(), "configuration");
        try (InputStream in = Files.newInputStream(saved)) {
            assertEquals(trained.output(x), SavedModels.restoreMultiLayerNetwork(in, false).output(x),
                    "output of the network restored from a stream");
        }
    }

    @Test
    void aGoodGraphFileGivesTheSavedGraphWithItsOutput() throws IOException {
        ComputationGraph graph = TestNetworks.graphWithLoss(DataType.DOUBLE, 3, INPUT,
                List.of(new R2Conv.Builder(IN, HIDDEN, 3).build(), new R2Conv.Builder(HIDDEN, HIDDEN, 3).build()));
        Path file = dir.resolve("graph.zip");
        ModelSerializer.writeModel(graph, file.toFile(), true);
        ComputationGraph restored = SavedModels.restoreComputationGraph(file, true);
        assertEquals(graph.params(), restored.params(), "parameters");
        assertEquals(graph.outputSingle(x), restored.outputSingle(x), "output");
    }

    // ---- the archive ------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "cut to {0} of the file")
    @ValueSource(doubles = {0.0, 0.001, 0.25, 0.5, 0.75, 0.99, 0.999})
    void aTruncatedFileIsNotACompleteZipArchive(double fraction) throws IOException {
        byte[] bytes = Files.readAllBytes(saved);
        int length = (int) (bytes.length * fraction);
        Path cut = Files.write(dir.resolve("cut" + length + ".zip"), Arrays.copyOf(bytes, length));
        SavedModelException e = assertRejected(SavedModelException.class,
                () -> SavedModels.restoreMultiLayerNetwork(cut, true), "model file " + cut,
                "not a complete zip archive", "truncated");
        assertEquals(null, e.entry(), "no single entry is at fault");
    }

    @ParameterizedTest(name = "byte at {0} of the compressed parameters")
    @ValueSource(doubles = {0.1, 0.3, 0.5, 0.7, 0.9})
    void aCorruptByteInTheCompressedParametersNamesTheEntry(double fraction) throws IOException {
        byte[] bytes = Files.readAllBytes(saved);
        long[] data = compressedData(saved, SavedModelArchive.COEFFICIENTS);
        int position = (int) (data[0] + data[1] * fraction);
        bytes[position] = (byte) ~bytes[position];
        Path corrupt = Files.write(dir.resolve("corrupt" + position + ".zip"), bytes);
        SavedModelException e = assertRejected(SavedModelException.class,
                () -> SavedModels.restoreMultiLayerNetwork(corrupt, true), "model file " + corrupt,
                "entry 'coefficients.bin'", "corrupt");
        assertEquals("coefficients.bin", e.entry());
    }

    @Test
    void aMissingEntryIsNamedWithTheEntriesThereAre() throws IOException {
        Path noCoefficients = rewritten("no-coefficients.zip", Map.of(SavedModelArchive.COEFFICIENTS, new byte[0]),
                true);
        assertRejected(SavedModelException.class, () -> SavedModels.restoreMultiLayerNetwork(noCoefficients, true),
                "model file " + noCoefficients, "entry 'coefficients.bin'", "is missing",
                "[configuration.json, updaterState.bin]");
        Path noConfiguration = rewritten("no-configuration.zip",
                Map.of(SavedModelArchive.CONFIGURATION, new byte[0]), true);
        assertRejected(SavedModelException.class, () -> SavedModels.restoreMultiLayerNetwork(noConfiguration, true),
                "entry 'configuration.json'", "is missing");
    }

    @Test
    void emptyParametersWithoutTheNoParametersMarkerAreRefused() throws IOException {
        Path empty = rewritten("empty-coefficients.zip", Map.of(SavedModelArchive.COEFFICIENTS, new byte[0]), false);
        assertRejected(SavedModelException.class, () -> SavedModels.restoreMultiLayerNetwork(empty, true),
                "entry 'coefficients.bin'", "is empty", "noParams.marker");
    }

    @Test
    void aFileThatIsNotThereIsNamed() {
        Path missing = dir.resolve("nothing-here.zip");
        assertRejected(SavedModelException.class, () -> SavedModels.restoreMultiLayerNetwork(missing, true),
                "model file " + missing, "does not exist");
    }

    // ---- the configuration ------------------------------------------------------------------------------------

    @Test
    void aLayerEditedToMoreFieldsNamesTheLayerTheParametersRunOutIn() throws IOException {
        Path edited = withConfiguration("more-fields.zip", editOutType(configuration(), "second", "regular*3"));
        long first = layerParams(0);
        long second = layerParams(1);
        long needed = second * 3 / 2;
        assertRejected(SavedModelException.class, () -> SavedModels.restoreMultiLayerNetwork(edited, true),
                "model file " + edited, "entry 'configuration.json'", "does not fit the parameters in coefficients.bin",
                "needs " + (first + needed) + " parameters, the model holds " + (first + second),
                "they run out in layer index 1 'second' (R2Conv)", "values " + first + " to " + (first + needed),
                "layer index 0 'first' (R2Conv) " + first);
    }

    @Test
    void aLayerEditedToFewerFieldsSaysHowManyValuesAreLeftOver() throws IOException {
        Path edited = withConfiguration("fewer-fields.zip", editOutType(configuration(), "second", "regular"));
        long second = layerParams(1);
        assertRejected(SavedModelException.class, () -> SavedModels.restoreMultiLayerNetwork(edited, true),
                "entry 'configuration.json'", (second / 2) + " values are left over",
                "last layer with parameters, layer index 1 'second' (R2Conv)");
    }

    @Test
    void aGraphVertexEditedToMoreFieldsIsNamed() throws IOException {
        ComputationGraph graph = TestNetworks.graphWithLoss(DataType.DOUBLE, 3, INPUT,
                List.of(new R2Conv.Builder(IN, HIDDEN, 3).build(), new R2Conv.Builder(HIDDEN, HIDDEN, 3).build()));
        Path file = dir.resolve("graph-to-edit.zip");
        ModelSerializer.writeModel(graph, file.toFile(), false);
        String json = graph.getConfiguration().toJson();
        Path edited = withConfiguration(file, "graph-more-fields.zip", editOutType(json, "l1", "regular*3"));
        assertRejected(SavedModelException.class, () -> SavedModels.restoreComputationGraph(edited, false),
                "entry 'configuration.json'", "they run out in vertex 'l1' (R2Conv)");
    }

    @Test
    void aLayerTheConfigurationCannotBuildIsNamedAtLoad() throws IOException {
        ObjectNode root = (ObjectNode) JSON.readTree(configuration());
        layerNamed(root, "second").put("kernelSize", 0);
        Path edited = withConfiguration("kernel-0.zip", JSON.writeValueAsString(root));
        assertRejected(SavedModelException.class, () -> SavedModels.restoreMultiLayerNetwork(edited, true),
                "entry 'configuration.json'", "R2Conv layer 'second'", "kernel");
    }

    @Test
    void aConfigurationThatIsNotJsonOrNotAConfigurationIsNamed() throws IOException {
        Path notJson = withConfiguration("not-json.zip", "{\"confs\": [");
        assertRejected(SavedModelException.class, () -> SavedModels.restoreMultiLayerNetwork(notJson, true),
                "entry 'configuration.json'", "is not JSON");
        Path unknownLayer = withConfiguration("unknown-layer.zip",
                configuration().replace("org.e2dl4j.nn.conv.R2Conv", "org.e2dl4j.nn.conv.NoSuchLayer"));
        assertRejected(SavedModelException.class, () -> SavedModels.restoreMultiLayerNetwork(unknownLayer, true),
                "entry 'configuration.json'", "cannot be read as a configuration");
        Path array = withConfiguration("array.zip", "[1, 2]");
        assertRejected(SavedModelException.class, () -> SavedModels.restoreMultiLayerNetwork(array, true),
                "entry 'configuration.json'", "is not a JSON object");
    }

    @Test
    void theOtherKindOfNetworkPointsToTheOtherMethod() {
        assertRejected(SavedModelException.class, () -> SavedModels.restoreComputationGraph(saved, true),
                "entry 'configuration.json'", "describes the other kind of network, not a ComputationGraph",
                "SavedModels.restoreMultiLayerNetwork");
    }

    // ---- the updater state ------------------------------------------------------------------------------------

    @Test
    void updaterStateOfTheWrongLengthIsNamedAndCanBeSkipped() throws IOException {
        long length = trained.getUpdater().getStateViewArray().length();
        Path shorter = rewritten("short-updater.zip", Map.of(SavedModelArchive.UPDATER_STATE,
                nd4jBytes(Nd4j.zeros(DataType.DOUBLE, 1, 10))), false);
        assertRejected(SavedModelException.class, () -> SavedModels.restoreMultiLayerNetwork(shorter, true),
                "entry 'updaterState.bin'", "holds 10 values", "has " + length);
        assertEquals(trained.output(x), SavedModels.restoreMultiLayerNetwork(shorter, false).output(x),
                "restored without the updater");
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private static long layerParams(int index) {
        return trained.getLayer(index).numParams();
    }

    private static String configuration() {
        return trained.getLayerWiseConfigurations().toJson();
    }

    /** The JSON with the output field type of the named layer given the one field key. */
    private static String editOutType(String json, String layer, String fields) throws IOException {
        JsonNode root = JSON.readTree(json);
        ((ArrayNode) layerNamed(root, layer).get("outType").get("fields")).removeAll().add(fields);
        return JSON.writeValueAsString(root);
    }

    /** The JSON object of the layer with that name, anywhere in a configuration. */
    private static ObjectNode layerNamed(JsonNode node, String name) {
        if (node.isObject() && name.equals(node.path("layerName").asText(null)) && node.has("outType")) {
            return (ObjectNode) node;
        }
        for (JsonNode child : node) {
            ObjectNode found = layerNamed(child, name);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static Path withConfiguration(String name, String json) throws IOException {
        return withConfiguration(saved, name, json);
    }

    private static Path withConfiguration(Path source, String name, String json) throws IOException {
        return rewritten(source, name, Map.of(SavedModelArchive.CONFIGURATION, json.getBytes(StandardCharsets.UTF_8)),
                false);
    }

    private static Path rewritten(String name, Map<String, byte[]> replaced, boolean dropReplaced) throws IOException {
        return rewritten(saved, name, replaced, dropReplaced);
    }

    /** A copy of a model zip with some entries' content replaced, or (dropReplaced) those entries left out. */
    private static Path rewritten(Path source, String name, Map<String, byte[]> replaced, boolean dropReplaced)
            throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(source.toFile())) {
            for (ZipEntry e : Collections.list(zip.entries())) {
                try (InputStream in = zip.getInputStream(e)) {
                    entries.put(e.getName(), in.readAllBytes());
                }
            }
        }
        Path target = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(target); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                boolean replace = replaced.containsKey(e.getKey());
                if (replace && dropReplaced) {
                    continue;
                }
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(replace ? replaced.get(e.getKey()) : e.getValue());
                zip.closeEntry();
            }
        }
        assertTrue(Files.size(target) > 0, "rewritten zip " + target);
        return target;
    }

    private static byte[] nd4jBytes(INDArray array) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            Nd4j.write(array, out);
        }
        return bytes.toByteArray();
    }

    /**
     * Where an entry's compressed bytes lie in a zip: {offset, length}, read from its local header (signature
     * PK\3\4, name length at +26, extra length at +28, name at +30) and the compressed size of the central
     * directory.
     */
    private static long[] compressedData(Path file, String entry) throws IOException {
        long compressed;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            compressed = zip.getEntry(entry).getCompressedSize();
        }
        byte[] bytes = Files.readAllBytes(file);
        byte[] name = entry.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i + 30 + name.length <= bytes.length; i++) {
            if (bytes[i] == 'P' && bytes[i + 1] == 'K' && bytes[i + 2] == 3 && bytes[i + 3] == 4
                    && u16(bytes, i + 26) == name.length
                    && Arrays.equals(Arrays.copyOfRange(bytes, i + 30, i + 30 + name.length), name)) {
                return new long[] {i + 30 + name.length + u16(bytes, i + 28), compressed};
            }
        }
        throw new AssertionError("no local header of " + entry + " in " + file);
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8;
    }
}
