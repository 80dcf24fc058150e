package org.e2dl4j.nn.testing;

import static org.e2dl4j.testing.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.function.Executable;

/**
 * Configurations edited after they were written to JSON, as a user editing a {@code configuration.json} would,
 * and the assertion that a bad setting is refused on both paths: by the layer's builder and when the edited JSON
 * is read and the network initialised.
 */
public final class EditedConfigurations {

    private EditedConfigurations() {
    }

    /** The JSON of a one-layer MultiLayerConfiguration holding {@code layer} (no input type, no output layer). */
    public static String networkJson(Layer layer) {
        return new NeuralNetConfiguration.Builder().list().layer(layer).validateOutputLayerConfig(false).build()
                .toJson();
    }

    /** The JSON of a one-layer ComputationGraphConfiguration holding {@code layer} as vertex "layer". */
    public static String graphJson(Layer layer) {
        return new NeuralNetConfiguration.Builder().graphBuilder().addInputs("in").addLayer("layer", layer, "in")
                .setOutputs("layer").validateOutputLayerConfig(false).build().toJson();
    }

    /** Reads a MultiLayerConfiguration from JSON and initialises its network. */
    public static void initNetwork(String json) {
        new MultiLayerNetwork(MultiLayerConfiguration.fromJson(json)).init();
    }

    /** Reads a ComputationGraphConfiguration from JSON and initialises its graph. */
    public static void initGraph(String json) {
        new ComputationGraph(ComputationGraphConfiguration.fromJson(json)).init();
    }

    /**
     * Sets the first JSON property {@code name} whose value is a number, boolean, null or string to
     * {@code value} (JSON text), failing if there is none.
     */
    public static UnaryOperator<String> set(String name, String value) {
        return json -> replaceFirst(json, "(\"" + Pattern.quote(name) + "\"\\s*:\\s*)(-?[0-9.eE+-]+|true|false|null|\"[^\"]*\")",
                "$1" + Matcher.quoteReplacement(value));
    }

    /** Replaces the first match of {@code regex}, failing if there is none. */
    public static UnaryOperator<String> replace(String regex, String replacement) {
        return json -> replaceFirst(json, regex, replacement);
    }

    private static String replaceFirst(String json, String regex, String replacement) {
        String edited = json.replaceFirst(regex, replacement);
        assertNotEquals(json, edited, () -> "the edit " + regex + " matched nothing in " + json);
        return edited;
    }

    /**
     * Asserts that a bad setting is refused by the builder ({@code build}) and, written into the JSON of a valid
     * one-layer network ({@code valid} edited by {@code edit}), when that configuration is read and initialised:
     * both times an {@code IllegalArgumentException} whose message holds every fragment.
     */
    public static void assertRefusedOnBothPaths(Executable build, Layer valid, UnaryOperator<String> edit,
                                                String... fragments) {
        assertRejected(build, fragments);
        String edited = edit.apply(networkJson(valid));
        assertRejected(() -> initNetwork(edited), fragments);
    }
}
