package org.e2dl4j.nn;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.function.Supplier;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.updater.graph.ComputationGraphUpdater;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.shade.jackson.databind.JsonNode;
import org.nd4j.shade.jackson.databind.ObjectMapper;

/**
 * Restores networks saved by DL4J's {@code ModelSerializer.writeModel}, as {@code ModelSerializer.restore...}
 * does, but with one clear {@link SavedModelException} for whatever is wrong with the file, naming the file (or
 * stream), the zip entry and, where one is at fault, the layer: a truncated file or one that is not a zip
 * archive; a missing entry; an entry whose bytes do not decompress to the size and checksum the archive
 * records; a configuration that is not JSON, is of the other kind of network, or describes a network that
 * cannot be built (the layers' own checks run here, at load); parameters or updater state that do not fit the
 * configuration (the message names the layer the parameters run out in and lists every layer's count).
 *
 * <p>The restored network is what {@code ModelSerializer} gives: built from {@code configuration.json} in the
 * data type of the stored parameters, initialized with them (not copied), and, if asked, with the stored
 * updater state. The entries {@code preprocessor.bin} and {@code normalizer.bin} are not read (restore a
 * normalizer with {@code ModelSerializer.restoreNormalizerFromFile}).
 */
public final class SavedModels {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STREAM = "model stream";
    private static final String MULTI_LAYER = "confs";
    private static final String GRAPH = "vertices";
    private static final String NOT_READABLE = "cannot be read as a configuration: ";
    private static final String NOT_BUILDABLE = "describes a network that cannot be built: ";

    private SavedModels() {
    }

    /** As {@link #restoreMultiLayerNetwork(Path, boolean)}. */
    public static MultiLayerNetwork restoreMultiLayerNetwork(File file, boolean loadUpdater) {
        return restoreMultiLayerNetwork(file.toPath(), loadUpdater);
    }

    /**
     * A MultiLayerNetwork saved by {@code ModelSerializer.writeModel}.
     *
     * @param file        the model zip
     * @param loadUpdater whether to restore the saved updater state (if the file has one)
     * @throws SavedModelException if the file cannot be restored, naming the file, the entry and the layer
     */
    public static MultiLayerNetwork restoreMultiLayerNetwork(Path file, boolean loadUpdater) {
        try (SavedModelArchive zip = SavedModelArchive.open(file, "model file " + file)) {
            return multiLayerNetwork(zip, loadUpdater);
        }
    }

    /**
     * As {@link #restoreMultiLayerNetwork(Path, boolean)}, from a stream holding the zip, which is read to its
     * end (through a temporary file, deleted afterwards) but not closed.
     */
    public static MultiLayerNetwork restoreMultiLayerNetwork(InputStream in, boolean loadUpdater) {
        Path file = spooled(in);
        try (SavedModelArchive zip = SavedModelArchive.open(file, STREAM)) {
            return multiLayerNetwork(zip, loadUpdater);
        } finally {
            delete(file);
        }
    }

    /** As {@link #restoreComputationGraph(Path, boolean)}. */
    public static ComputationGraph restoreComputationGraph(File file, boolean loadUpdater) {
        return restoreComputationGraph(file.toPath(), loadUpdater);
    }

    /**
     * A ComputationGraph saved by {@code ModelSerializer.writeModel}.
     *
     * @param file        the model zip
     * @param loadUpdater whether to restore the saved updater state (if the file has one)
     * @throws SavedModelException if the file cannot be restored, naming the file, the entry and the vertex
     */
    public static ComputationGraph restoreComputationGraph(Path file, boolean loadUpdater) {
        try (SavedModelArchive zip = SavedModelArchive.open(file, "model file " + file)) {
            return computationGraph(zip, loadUpdater);
        }
    }

    /**
     * As {@link #restoreComputationGraph(Path, boolean)}, from a stream holding the zip, which is read to its end
     * (through a temporary file, deleted afterwards) but not closed.
     */
    public static ComputationGraph restoreComputationGraph(InputStream in, boolean loadUpdater) {
        Path file = spooled(in);
        try (SavedModelArchive zip = SavedModelArchive.open(file, STREAM)) {
            return computationGraph(zip, loadUpdater);
        } finally {
            delete(file);
        }
    }

    private static MultiLayerNetwork multiLayerNetwork(SavedModelArchive zip, boolean loadUpdater) {
        String json = configuration(zip, MULTI_LAYER, "a MultiLayerNetwork", "restoreComputationGraph");
        MultiLayerConfiguration conf = step(zip, NOT_READABLE, () -> MultiLayerConfiguration.fromJson(json));
        INDArray params = parameters(zip, step(zip, NOT_BUILDABLE, () -> ParameterLayout.of(conf)));
        if (params != null) {
            conf.setDataType(params.dataType());
        }
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        step(zip, NOT_BUILDABLE, () -> {
            net.init(params, false);
            return net;
        });
        if (loadUpdater && zip.has(SavedModelArchive.UPDATER_STATE)) {
            INDArray state = updaterState(zip, net.getUpdater().getStateViewArray());
            net.getUpdater().setStateViewArray(net, state, false);
        }
        return net;
    }

    private static ComputationGraph computationGraph(SavedModelArchive zip, boolean loadUpdater) {
        String json = configuration(zip, GRAPH, "a ComputationGraph", "restoreMultiLayerNetwork");
        ComputationGraphConfiguration conf = step(zip, NOT_READABLE,
                () -> ComputationGraphConfiguration.fromJson(json));
        INDArray params = parameters(zip, step(zip, NOT_BUILDABLE, () -> ParameterLayout.of(conf)));
        if (params != null) {
            conf.setDataType(params.dataType());
        }
        ComputationGraph graph = new ComputationGraph(conf);
        step(zip, NOT_BUILDABLE, () -> {
            graph.init(params, false);
            return graph;
        });
        if (loadUpdater && zip.has(SavedModelArchive.UPDATER_STATE)) {
            ComputationGraphUpdater updater = graph.getUpdater();
            updater.setStateViewArray(updaterState(zip, updater.getStateViewArray()));
        }
        return graph;
    }

    /** The configuration JSON, checked to be an object with the key of the expected kind of network. */
    private static String configuration(SavedModelArchive zip, String key, String kind, String otherMethod) {
        String json = zip.text(SavedModelArchive.CONFIGURATION);
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw zip.failure(SavedModelArchive.CONFIGURATION, "is not JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw zip.failure(SavedModelArchive.CONFIGURATION, "is not a JSON object", null);
        }
        if (!root.has(key)) {
            String other = key.equals(MULTI_LAYER) ? GRAPH : MULTI_LAYER;
            throw zip.failure(SavedModelArchive.CONFIGURATION, root.has(other)
                    ? "describes the other kind of network, not " + kind + "; restore it with SavedModels."
                            + otherMethod
                    : "has no '" + key + "', so it is not the configuration of " + kind, null);
        }
        return json;
    }

    /** Runs a step on the configuration, turning its failure into one naming the file and the entry. */
    private static <T> T step(SavedModelArchive zip, String problem, Supplier<T> step) {
        try {
            return step.get();
        } catch (RuntimeException e) {
            throw zip.failure(SavedModelArchive.CONFIGURATION, problem + e.getMessage(), e);
        }
    }

    /** The stored parameter vector (null for a model without parameters), checked against the layout. */
    private static INDArray parameters(SavedModelArchive zip, ParameterLayout layout) {
        INDArray params = zip.hasNoParameters() ? null : zip.array(SavedModelArchive.COEFFICIENTS);
        if (params != null && (params.rank() > 2 || params.rank() == 2 && params.size(0) != 1)) {
            throw zip.failure(SavedModelArchive.COEFFICIENTS, "holds an array of shape "
                    + Arrays.toString(params.shape()) + ", not a parameter vector", null);
        }
        if (params != null && !params.dataType().isFPType()) {
            throw zip.failure(SavedModelArchive.COEFFICIENTS, "holds " + params.dataType()
                    + " values, not floating-point parameters", null);
        }
        String misfit = layout.misfit(params == null ? 0 : params.length());
        if (misfit != null) {
            throw zip.failure(SavedModelArchive.CONFIGURATION, "does not fit the parameters in "
                    + SavedModelArchive.COEFFICIENTS + ": " + misfit, null);
        }
        return params;
    }

    /** The stored updater state, checked to have the length of the restored network's updater state. */
    private static INDArray updaterState(SavedModelArchive zip, INDArray expected) {
        INDArray state = zip.array(SavedModelArchive.UPDATER_STATE);
        long needed = expected == null ? 0 : expected.length();
        if (state.length() != needed) {
            throw zip.failure(SavedModelArchive.UPDATER_STATE, "holds " + state.length() + " values, the updater "
                    + "of the configuration in " + SavedModelArchive.CONFIGURATION + " has " + needed
                    + " (was the updater changed after saving? restore without the updater to skip it)", null);
        }
        return state;
    }

    private static Path spooled(InputStream in) {
        Path file = null;
        try {
            file = Files.createTempFile("e2dl4j-model", ".zip");
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            delete(file);
            throw new SavedModelException(STREAM, null, "cannot be read: " + e, e);
        }
    }

    private static void delete(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                file.toFile().deleteOnExit();
            }
        }
    }
}
