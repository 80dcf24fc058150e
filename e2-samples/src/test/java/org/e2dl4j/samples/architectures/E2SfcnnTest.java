package org.e2dl4j.samples.architectures;

import static org.e2dl4j.testing.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.e2dl4j.math.group.GroupElement;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.nn.EquivarianceCheck;
import org.e2dl4j.nn.EquivarianceReport;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.testing.ReferenceFiles;
import org.junit.jupiter.api.Test;

class E2SfcnnTest {

    private static final int CLASSES = 10;

    /** The models of architectures.json that e2cnn built as E2SFCNNs. */
    private static List<JsonNode> e2sfcnnEntries() {
        List<JsonNode> entries = new ArrayList<>();
        for (JsonNode model : ReferenceFiles.read("architectures.json").get("models")) {
            if (model.get("configuration").get("model").asText().equals("E2SFCNN")) {
                entries.add(model);
            }
        }
        return entries;
    }

    private static E2Sfcnn fromConfiguration(JsonNode configuration) {
        return new E2Sfcnn(configuration.get("N").asInt(), configuration.get("flip").asBoolean(),
                configuration.get("restrict").asInt(), configuration.get("fix_params").asBoolean(), 1);
    }

    @Test
    void everyLayerTrainsWhatE2cnnsModelTrains() {
        List<JsonNode> entries = e2sfcnnEntries();
        assertTrue(entries.size() >= 4, "architectures.json holds the E2SFCNN models");
        for (JsonNode entry : entries) {
            E2Sfcnn model = fromConfiguration(entry.get("configuration"));
            assertEquals(entry.get("name").asText(), model.name(), "name of " + entry.get("configuration"));
            TrainableParameters counted = TrainableParameters.of(model.configuration(28, CLASSES, 0));
            List<String> expected = new ArrayList<>();
            for (JsonNode layer : entry.get("layers")) {
                expected.add(layer.get("layer").asText() + "=" + layer.get("parameters").asLong());
            }
            List<String> actual = counted.layers().stream().map(c -> c.name() + "=" + c.parameters()).toList();
            assertEquals(expected, actual, "per-layer trainable parameters of " + model.name());
            assertEquals(entry.get("parameters").asLong(), counted.total(), "total of " + model.name());
        }
    }

    @Test
    void restrictedModelHasTheHandDerivedWidths() {
        // D16 has order 32: int(24 / sqrt(2)) = 16, int(32 / sqrt(2)) = 22, 25, 25, int(64 / sqrt(2)) = 45; the
        // sixth convolution is on C16 (order 16): 96 fields.
        assertArrayEquals(new int[] {16, 22, 25, 25, 45, 96}, E2Sfcnn.restricted(16, 5).fields(), "D16|5 C16");
        assertArrayEquals(new int[] {24, 32, 36, 36, 64, 96}, E2Sfcnn.of(16, false).fields(), "C16");
        assertArrayEquals(new int[] {16, 22, 25, 25, 45, 67}, E2Sfcnn.of(16, true).fields(), "D16");
    }

    @Test
    void c16ModelIsInvariantUnderTheExactRotations() {
        assertInvariant(E2Sfcnn.of(16, false).withWidthScale(0.25));
    }

    @Test
    void d16ModelIsInvariantUnderTheExactRotationsAndReflections() {
        assertInvariant(E2Sfcnn.of(16, true).withWidthScale(0.25));
    }

    @Test
    void restrictedModelIsInvariantUnderTheExactRotationsOfC16() {
        assertInvariant(E2Sfcnn.restricted(16, 5).withWidthScale(0.25));
    }

    @Test
    void restrictedModelIsNotInvariantUnderReflections() {
        // the control: after the restriction to C16 the model has no reason to be invariant under the reflections
        E2Sfcnn model = E2Sfcnn.restricted(16, 5).withWidthScale(0.25);
        EquivarianceReport report = check(model, model.inputSpace());
        assertTrue(report.maxExactRelativeError() > 1e-2, model.name() + " under D16's reflections: " + report);
    }

    private static void assertInvariant(E2Sfcnn model) {
        EquivarianceReport report = check(model, model.outputSpace());
        assertFalse(report.degenerate(), model.name() + ": " + report);
        assertFalse(report.exactErrors().isEmpty(), model.name() + " has exact elements: " + report);
        assertTrue(report.maxExactRelativeError() < 1e-4, model.name() + ": " + report);
    }

    /** The model's class probabilities under the elements of {@code space} that permute the pixel grid. */
    private static EquivarianceReport check(E2Sfcnn model, GSpace space) {
        MultiLayerNetwork network = new MultiLayerNetwork(model.configuration(28, CLASSES, 7));
        network.init();
        FieldType image = FieldType.trivial(space, 1);
        FieldType classes = FieldType.trivial(space, CLASSES);
        List<GroupElement> exact = space.testingElements().stream().filter(space::preservesGrid).toList();
        return EquivarianceCheck.of(x -> network.output(x).reshape(x.size(0), CLASSES, 1, 1), image, classes)
                .inputSize(28, 28)
                .elements(exact)
                .run();
    }

    @Test
    void badSettingsAreRejectedNamingWhatCame() {
        assertRejected(() -> new E2Sfcnn(1, false, 0, true, 1), "E2SFCNN", "at least 2 rotations", "got 1");
        assertRejected(() -> new E2Sfcnn(16, false, 5, true, 1), "needs flip = true", "C16");
        assertRejected(() -> new E2Sfcnn(16, true, 7, true, 1), "convolution 1 to 6", "got 7");
        assertRejected(() -> new E2Sfcnn(16, true, 0, true, Double.NaN), "positive finite width scale", "NaN");
        assertRejected(() -> E2Sfcnn.of(16, false).withWidthScale(0.01).fields(), "E2SFCNN C16",
                "without fields");
        assertRejected(() -> E2Sfcnn.of(16, false).configuration(27, CLASSES, 0), "at least 28 x 28", "got 27");
        assertRejected(() -> E2Sfcnn.of(16, false).configuration(28, 1, 0), "at least 2 classes", "got 1");
    }
}
