package org.e2dl4j.math.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.e2dl4j.math.ReferenceData;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class BasisPolicyTest {

    @TestFactory
    List<DynamicTest> defaultPolicyMatchesE2cnnForEveryRecordedKernelSize() {
        JsonNode defaults = ReferenceData.read("r2conv_dims.json").get("default_basis_policy");
        List<DynamicTest> tests = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = defaults.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode ref = entry.getValue();
            tests.add(DynamicTest.dynamicTest("k=" + entry.getKey(), () -> {
                int k = ref.get("kernel_size").asInt();
                int d = ref.get("dilation").asInt();
                SamplingPlan plan = BasisPolicy.defaults().resolve(k, d);
                String where = "default policy, kernel " + k + " dilation " + d;
                assertArrayEquals(ReferenceData.doubles(ref.get("rings")), plan.radialProfile().radii(), 0.0,
                        where + ": rings");
                assertArrayEquals(ReferenceData.doubles(ref.get("sigma")), plan.radialProfile().sigmas(), 1e-12,
                        where + ": sigma");
                assertArrayEquals(ReferenceData.doubles(ref.get("max_frequency_per_ring")), plan.ringCutoffs(), 0.0,
                        where + ": per-ring frequency cut-off");
                assertEquals(ref.get("maximum_frequency").asInt(), plan.maximumFrequency(),
                        where + ": maximum frequency");
                JsonNode grid = ref.get("grid_xy");
                assertEquals(grid.size(), plan.grid().size(), where + ": grid size");
                for (int p = 0; p < grid.size(); p++) {
                    assertEquals(grid.get(p).get(0).asDouble(), plan.grid().x(p), 0.0, where + ": x of point " + p);
                    assertEquals(grid.get(p).get(1).asDouble(), plan.grid().y(p), 0.0, where + ": y of point " + p);
                }
            }));
        }
        return tests;
    }

    @Test
    void manualCutoffsFollowTheirFormulasOnIntegerRings() {
        // fco1 with outer radius 3: r=1 -> min(2, 2-0)=2, r=2 -> min(4, 4-1)=3, r=3 (outer) -> 2
        FrequencyCutoff fco1 = ManualCutoff.FCO1.forOuterRadius(3);
        assertEquals(0.0, fco1.maximumFrequency(0));
        assertEquals(2.0, fco1.maximumFrequency(1));
        assertEquals(3.0, fco1.maximumFrequency(2));
        assertEquals(2.0, fco1.maximumFrequency(3));
        assertEquals(7.0, fco1.maximumFrequency(4), "r=4 beyond the outer radius: min(8, 8 - 1)");
        FrequencyCutoff fco2 = ManualCutoff.FCO2.forOuterRadius(3);
        assertEquals(1.0, fco2.maximumFrequency(3), "fco2 keeps frequency 1 on the outer ring");
        assertEquals(3.0, fco2.maximumFrequency(2));
        FrequencyCutoff fco3 = ManualCutoff.FCO3.forOuterRadius(3);
        assertEquals(2.0, fco3.maximumFrequency(2));
        assertEquals(1.0, fco3.maximumFrequency(3));
        assertEquals(0.0, fco3.maximumFrequency(0));
    }

    @Test
    void dilationScalesRingsButNotTheOuterRadiusOfTheCutoff() {
        SamplingPlan plan = BasisPolicy.defaults().resolve(5, 2);
        assertArrayEquals(new double[] {0, 2, 4}, plan.radialProfile().radii(), 0.0);
        // outer radius stays 5 / 2 = 2: ring 2 is "outer" (2), ring 4 is not (min(8, 7))
        assertArrayEquals(new double[] {0, 2, 7}, plan.ringCutoffs(), 0.0);
        assertEquals(7, plan.maximumFrequency());
    }

    @Test
    void overridesReplaceTheDefaults() {
        BasisPolicy policy = BasisPolicy.builder().rings(0, 1.5).sigma(0.3).frequencyCutoffFactor(2.0)
                .maximumOffset(1).build();
        SamplingPlan plan = policy.resolve(5, 1);
        assertArrayEquals(new double[] {0, 1.5}, plan.radialProfile().radii(), 0.0);
        assertArrayEquals(new double[] {0.3, 0.3}, plan.radialProfile().sigmas(), 0.0);
        assertArrayEquals(new double[] {0, 3}, plan.ringCutoffs(), 0.0);
        assertEquals(3, plan.maximumFrequency());
        assertEquals(1, plan.maximumOffset().getAsInt());

        SamplingPlan custom = BasisPolicy.builder().frequencyCutoff(r -> r == 0 ? 0 : 1.5).build().resolve(3, 1);
        assertArrayEquals(new double[] {0, 1.5}, custom.ringCutoffs(), 0.0);
        assertEquals(1, custom.maximumFrequency(), "int() truncates the largest cut-off");
    }

    @Test
    void ringsOutsideTheGridAndMismatchedSigmasAreRejected() {
        IllegalArgumentException outside = assertThrows(IllegalArgumentException.class,
                () -> BasisPolicy.builder().rings(0, 3).build().resolve(3, 1));
        assertTrue(outside.getMessage().contains("[0.0, 3.0]"), outside.getMessage());
        IllegalArgumentException sigmas = assertThrows(IllegalArgumentException.class,
                () -> BasisPolicy.builder().sigmas(0.5, 0.5, 0.5).build().resolve(3, 1));
        assertTrue(sigmas.getMessage().contains("2 rings, 3 sigmas"), sigmas.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BasisPolicy.builder().sigma(0));
        assertThrows(IllegalArgumentException.class, () -> BasisPolicy.builder().maximumOffset(-1));
    }
}
