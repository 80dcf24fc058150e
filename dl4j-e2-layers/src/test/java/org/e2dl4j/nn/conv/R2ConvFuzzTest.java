package org.e2dl4j.nn.conv;

import static org.e2dl4j.testing.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.e2dl4j.math.ReferenceData;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.kernel.LayerBasis;
import org.e2dl4j.math.kernel.PairBasis;
import org.e2dl4j.nn.FieldType;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Our R2Conv against e2cnn on the 150 seeded random configs of {@code r2conv_fuzz.json} (C_N, D_N with and
 * without another reflection axis, SO(2), O(2), flips, the trivial group; trivial, regular, irrep, quotient and
 * induced fields; kernels 3 to 7): the same number of weights and bias parameters, the same channel counts and
 * the same weight layout pair by pair; and where e2cnn finds no basis at all, our builder refuses the layer too.
 */
class R2ConvFuzzTest {

    private static final String FILE = "r2conv_fuzz.json";

    @TestFactory
    List<DynamicTest> everyRandomConfigHasE2cnnsCountsOrIsRefusedAsE2cnnRefusesIt() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode config : ReferenceData.read(FILE).get("configs")) {
            tests.add(DynamicTest.dynamicTest(config.get("name").asText(), () -> check(config)));
        }
        return tests;
    }

    @Test
    void theFileHoldsBothBuiltAndRefusedConfigs() {
        int refused = 0;
        JsonNode configs = ReferenceData.read(FILE).get("configs");
        for (JsonNode config : configs) {
            refused += config.hasNonNull("error") ? 1 : 0;
        }
        assertEquals(150, configs.size(), "configs in " + FILE);
        assertEquals(9, refused, "configs of " + FILE + " whose basis e2cnn finds empty");
    }

    private static void check(JsonNode ref) {
        String name = ref.get("name").asText();
        JsonNode spec = ref.get("config");
        GSpace gs = ReferenceData.gspace(spec.get("gspace"));
        FieldType in = new FieldType(gs, ReferenceData.fieldType(gs, spec.get("in")));
        FieldType out = new FieldType(gs, ReferenceData.fieldType(gs, spec.get("out")));
        int k = spec.get("kernel_size").asInt();
        if (ref.hasNonNull("error")) {
            assertRejected(() -> new R2Conv.Builder(in, out, k).name("fuzz").build(), "R2Conv layer 'fuzz'",
                    "basis for the steerable filter is empty", k + "x" + k, in.toString(), out.toString());
            return;
        }
        R2Conv conv = new R2Conv.Builder(in, out, k).name("fuzz").build();
        LayerBasis basis = conv.layerBasis();
        long weights = ref.get("weights").asLong();
        long bias = ref.get("bias").asLong();
        assertEquals(weights, basis.dimension(), name + ": number of weights (e2cnn's basis dimension)");
        assertEquals(bias, basis.biasDimension(), name + ": number of bias parameters");
        assertEquals(weights + bias, conv.initializer().numParams(conv), name + ": parameters of the layer");
        assertEquals(ref.get("in_type").get("size").asInt(), in.size(), name + ": input channels");
        assertEquals(ref.get("out_type").get("size").asInt(), out.size(), name + ": output channels");
        JsonNode blocks = ref.get("blocks");
        assertEquals(blocks.size(), basis.pairs().size(), name + ": number of non-empty pairs");
        for (int b = 0; b < blocks.size(); b++) {
            JsonNode block = blocks.get(b);
            PairBasis pair = basis.pairs().get(b);
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
