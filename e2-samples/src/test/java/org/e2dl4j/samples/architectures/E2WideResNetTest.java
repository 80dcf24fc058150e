package org.e2dl4j.samples.architectures;

import static org.e2dl4j.testing.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.e2dl4j.math.group.GroupElement;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.nn.EquivarianceCheck;
import org.e2dl4j.nn.EquivarianceReport;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.testing.ReferenceFiles;
import org.junit.jupiter.api.Test;

/**
 * {@link E2WideResNet}: every layer trains what e2cnn's model of architectures.json trains; small variants init
 * and are invariant under the exact elements of the group they end on, and not under those they were restricted
 * away from.
 */
class E2WideResNetTest {

    private static final int CLASSES = 10;
    private static final int SIDE = 17;

    private static List<JsonNode> wrnEntries() {
        List<JsonNode> entries = new ArrayList<>();
        for (JsonNode model : ReferenceFiles.read("architectures.json").get("models")) {
            if (model.get("configuration").get("model").asText().equals("E2WRN")) {
                entries.add(model);
            }
        }
        return entries;
    }

    @Test
    void everyLayerTrainsWhatE2cnnsModelTrains() {
        List<JsonNode> entries = wrnEntries();
        assertTrue(entries.size() >= 5, "architectures.json holds the E2WRN models, the paper's WRN-28-10 included");
        for (JsonNode entry : entries) {
            JsonNode c = entry.get("configuration");
            E2WideResNet model = new E2WideResNet(c.get("depth").asInt(), c.get("widen").asInt(), c.get("N").asInt(),
                    c.get("flip").asBoolean(), c.get("restrict").asInt(), c.get("fix_params").asBoolean());
            assertEquals(entry.get("name").asText(), model.name(), "name of " + c);
            TrainableParameters counted = TrainableParameters.of(model.configuration(32, c.get("classes").asInt(), 0));
            List<String> expected = new ArrayList<>();
            for (JsonNode layer : entry.get("layers")) {
                expected.add(layer.get("layer").asText() + "=" + layer.get("parameters").asLong());
            }
            List<String> actual = counted.layers().stream().map(l -> l.name() + "=" + l.parameters()).toList();
            assertEquals(expected, actual, "per-layer trainable parameters of " + model.name());
            assertEquals(entry.get("parameters").asLong(), counted.total(), "total of " + model.name());
        }
    }

    @Test
    void aSmallD8D4D4ModelIsInvariantUnderTheQuarterTurnsAndFlipsOfD4() {
        E2WideResNet model = E2WideResNet.of(10, 1, 8, true, 1);
        EquivarianceReport report = check(model, GSpaces.flipRot2dOnR2(4));
        assertFalse(report.degenerate(), model.name() + ": " + report);
        assertTrue(report.exactErrors().size() >= 7, model.name() + " has D4's non-identity elements: " + report);
        assertTrue(report.maxExactRelativeError() < 1e-4, model.name() + ": " + report);
    }

    @Test
    void aSmallC8C4C1ModelIsNotInvariantUnderQuarterTurns() {
        // the control: restricted to C1 after stage 2, nothing makes the model invariant under quarter turns
        E2WideResNet model = E2WideResNet.of(10, 1, 8, false, 3);
        EquivarianceReport report = check(model, GSpaces.rot2dOnR2(4));
        assertTrue(report.maxExactRelativeError() > 1e-3, model.name() + " under quarter turns: " + report);
    }

    /**
     * The class probabilities under the elements of {@code space} that permute the pixel grid, on 17 x 17 inputs:
     * odd sizes all along (17, 9, 5), so that the strided convolutions sample a grid symmetric about the centre
     * (on 16 x 16 inputs a stride of 2 keeps pixels 0, 2, ..., 14, which a quarter turn does not map to itself).
     */
    private static EquivarianceReport check(E2WideResNet model, GSpace space) {
        ComputationGraph network = new ComputationGraph(model.configuration(SIDE, CLASSES, 7));
        network.init();
        FieldType image = FieldType.trivial(space, 3);
        FieldType classes = FieldType.trivial(space, CLASSES);
        List<GroupElement> exact = space.testingElements().stream().filter(space::preservesGrid).toList();
        return EquivarianceCheck.of(x -> network.outputSingle(x).reshape(x.size(0), CLASSES, 1, 1), image, classes)
                .inputSize(SIDE, SIDE)
                .elements(exact)
                .run();
    }

    @Test
    void badSettingsAreRejectedNamingWhatCame() {
        assertRejected(() -> E2WideResNet.of(12, 1, 8, true, 3), "E2WRN", "6 n + 4", "got 12");
        assertRejected(() -> E2WideResNet.of(10, 0, 8, true, 3), "widen factor", "got 0");
        assertRejected(() -> E2WideResNet.of(10, 1, 3, true, 3), "even number of rotations", "got 3");
        assertRejected(() -> E2WideResNet.of(10, 1, 8, true, -1), "restriction level", "got -1");
        assertRejected(() -> E2WideResNet.of(10, 1, 8, true, 3).configuration(3, CLASSES, 0), "E2WRN-10-1 D8D4D1",
                "at least 4 x 4", "got 3");
        assertRejected(() -> E2WideResNet.of(10, 1, 8, true, 3).configuration(32, 1, 0), "at least 2 classes");
        assertRejected(() -> new E2WideResNet(10, 1, 32, true, 0, false).configuration(32, CLASSES, 0),
                "E2WRN-10-1 D32D32D32", "no fields");
    }
}
