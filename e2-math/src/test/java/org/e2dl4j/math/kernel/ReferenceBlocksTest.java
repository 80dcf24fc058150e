package org.e2dl4j.math.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.e2dl4j.math.ReferenceData;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.repr.Representation;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every sampled block recorded from e2cnn (r2conv_blocks.json): the same elements in the same order, with the
 * same attributes (irreps and their positions, ring, sigma, frequency, gamma, s, offset, inner / polar indices).
 */
class ReferenceBlocksTest {

    /** The SO(2) / O(2) G-spaces of the reference configs were built with irreps up to frequency 4. */
    private static final int REFERENCE_CONTINUOUS_FREQUENCY = 4;

    @TestFactory
    List<DynamicTest> sampledElementsAndTheirOrderEqualE2cnnForEveryRecordedBlock() {
        List<DynamicTest> tests = new ArrayList<>();
        JsonNode blocks = ReferenceData.read("r2conv_blocks.json").get("blocks");
        for (Iterator<Map.Entry<String, JsonNode>> it = blocks.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            tests.add(DynamicTest.dynamicTest(entry.getKey(), () -> check(entry.getKey(), entry.getValue())));
        }
        return tests;
    }

    private static void check(String key, JsonNode ref) {
        String[] parts = key.split("\\|");
        GSpace gs = ReferenceData.gspaceOfGroupName(parts[0], REFERENCE_CONTINUOUS_FREQUENCY);
        Representation in = ReferenceData.representationNamed(gs, parts[1]);
        Representation out = ReferenceData.representationNamed(gs, parts[2]);
        int k = Integer.parseInt(parts[3].substring(1));
        SampledBasis basis = new SteerableKernelSampler(BasisPolicy.defaults()).sample(gs, in, out, k, 1)
                .orElseThrow(() -> new AssertionError(key + ": e2cnn has a basis, ours is empty"));
        JsonNode shape = ref.get("shape");
        assertEquals(shape.get(0).asInt(), basis.dimension(), key + ": dimension");
        assertEquals(shape.get(1).asInt(), basis.outSize(), key + ": output size");
        assertEquals(shape.get(2).asInt(), basis.inSize(), key + ": input size");
        assertEquals(shape.get(3).asInt(), basis.grid().size(), key + ": grid points");
        List<String> names = new ArrayList<>();
        ref.get("attr_names").forEach(n -> names.add(n.asText()));
        JsonNode attrs = ref.get("attrs");
        for (int b = 0; b < attrs.size(); b++) {
            JsonNode a = attrs.get(b);
            BasisElement e = (BasisElement) basis.elements().get(b);
            String where = key + ", element " + b + " (" + e + ")";
            assertEquals(a.get(names.indexOf("in_irrep")).asText(), e.inIrrep(), where + ": in_irrep");
            assertEquals(a.get(names.indexOf("out_irrep")).asText(), e.outIrrep(), where + ": out_irrep");
            assertEquals(a.get(names.indexOf("in_irrep_idx")).asInt(), e.inIrrepIndex(), where + ": in_irrep_idx");
            assertEquals(a.get(names.indexOf("out_irrep_idx")).asInt(), e.outIrrepIndex(), where + ": out_irrep_idx");
            assertEquals(a.get(names.indexOf("radius")).asDouble(), e.radius(), 1e-12, where + ": radius");
            assertEquals(a.get(names.indexOf("sigma")).asDouble(), e.sigma(), 1e-12, where + ": sigma");
            assertEquals(a.get(names.indexOf("frequency")).asInt(), e.frequency(), where + ": frequency");
            assertEquals(a.get(names.indexOf("gamma")).asDouble(), e.gamma(), 1e-6, where + ": gamma");
            assertOptional(a.get(names.indexOf("s")), e.s(), where + ": s");
            assertOptional(a.get(names.indexOf("offset")), e.offset(), where + ": offset");
            assertEquals(a.get(names.indexOf("inner_idx")).asInt(), e.innerIndex(), where + ": inner_idx");
            assertEquals(a.get(names.indexOf("idx")).asInt(), e.index(), where + ": idx");
            assertEquals(a.get(names.indexOf("idx1")).asInt(), e.ringIndex(), where + ": idx1 (ring)");
            assertEquals(a.get(names.indexOf("idx2")).asInt(), e.angularIndex(), where + ": idx2 (angular)");
        }
    }

    private static void assertOptional(JsonNode expected, OptionalInt got, String what) {
        if (expected.isNull()) {
            assertTrue(got.isEmpty(), what + ": e2cnn has none, got " + got);
        } else {
            assertEquals(expected.asInt(), got.orElseThrow(() -> new AssertionError(what + ": expected "
                    + expected.asInt() + ", got none")), what);
        }
    }
}
