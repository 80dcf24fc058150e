package org.e2dl4j.math.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.e2dl4j.math.ReferenceData;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.repr.Representation;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Parameter counts and weight layout of every R2Conv config recorded from e2cnn in r2conv_dims.json. */
class ReferenceDimsTest {

    @TestFactory
    List<DynamicTest> weightBiasAndPairLayoutEqualE2cnnForEveryRecordedConfig() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode config : ReferenceData.read("r2conv_dims.json").get("configs")) {
            tests.add(DynamicTest.dynamicTest(config.get("name").asText(), () -> check(config)));
        }
        return tests;
    }

    private static void check(JsonNode ref) {
        String name = ref.get("name").asText();
        JsonNode spec = ref.get("config");
        GSpace gs = ReferenceData.gspace(spec.get("gspace"));
        List<Representation> in = ReferenceData.fieldType(gs, spec.get("in"));
        List<Representation> out = ReferenceData.fieldType(gs, spec.get("out"));
        int k = spec.get("kernel_size").asInt();
        if (ref.hasNonNull("error")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> LayerBasis.of(gs, in, out, k, 1, BasisPolicy.defaults()),
                    name + ": e2cnn reports an empty basis, expected IllegalArgumentException");
            String message = e.getMessage();
            for (Representation r : in) {
                assertTrue(message.contains(r.name()), name + ": message should name input type " + r.name()
                        + ": " + message);
            }
            for (Representation r : out) {
                assertTrue(message.contains(r.name()), name + ": message should name output type " + r.name()
                        + ": " + message);
            }
            assertTrue(message.contains(k + "x" + k), name + ": message should give the kernel size: " + message);
            return;
        }
        LayerBasis layer = LayerBasis.of(gs, in, out, k, 1, BasisPolicy.defaults());
        assertEquals(ref.get("weights").asInt(), layer.dimension(), name + ": number of weights");
        assertEquals(ref.get("bias").asInt(), layer.biasDimension(), name + ": number of bias parameters");
        assertEquals(ref.get("in_type").get("size").asInt(), layer.inChannels(), name + ": input channels");
        assertEquals(ref.get("out_type").get("size").asInt(), layer.outChannels(), name + ": output channels");
        JsonNode blocks = ref.get("blocks");
        assertEquals(blocks.size(), layer.pairs().size(), name + ": number of non-empty pairs");
        for (int b = 0; b < blocks.size(); b++) {
            JsonNode block = blocks.get(b);
            PairBasis pair = layer.pairs().get(b);
            String where = name + ", pair " + b;
            assertEquals(block.get("in_repr").asText(), pair.inRepr().name(), where + ": input representation");
            assertEquals(block.get("out_repr").asText(), pair.outRepr().name(), where + ": output representation");
            assertEquals(block.get("dimension").asInt(), pair.basis().dimension(), where + ": basis dimension");
            assertEquals(block.get("in_count").asInt(), pair.inCount(), where + ": input occurrences");
            assertEquals(block.get("out_count").asInt(), pair.outCount(), where + ": output occurrences");
            assertEquals(block.get("weights_range").get(0).asInt(), pair.weightOffset(), where + ": first weight");
            assertEquals(block.get("weights_range").get(1).asInt(), pair.weightOffset() + pair.weightCount(),
                    where + ": end of weights");
        }
    }
}
