package org.e2dl4j.math.kernel;

import static org.e2dl4j.testing.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.e2dl4j.math.ReferenceData;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The k x k x k grid and R3Conv's default basis parameters against escnn ({@code bases3d.json}). */
class SamplingGrid3dTest {

    @TestFactory
    List<DynamicTest> defaultPolicyMatchesEscnnsR3ConvForEveryRecordedKernelSize() {
        JsonNode defaults = ReferenceData.read("bases3d.json").get("default_basis_policy");
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode ref : defaults) {
            int k = ref.get("kernel_size").asInt();
            int d = ref.get("dilation").asInt();
            tests.add(DynamicTest.dynamicTest("k=" + k + " dilation " + d, () -> {
                SamplingPlan plan = BasisPolicy.defaults().resolve(k, d, 3);
                String where = "3D default policy, kernel " + k + " dilation " + d;
                assertArrayEquals(ReferenceData.doubles(ref.get("rings")), plan.radialProfile().radii(), 1e-12,
                        where + ": rings");
                assertArrayEquals(ReferenceData.doubles(ref.get("sigma")), plan.radialProfile().sigmas(), 1e-12,
                        where + ": sigma");
                double[] cutoffs = plan.ringCutoffs();
                JsonNode degrees = ref.get("max_degree_per_ring");
                for (int r = 0; r < cutoffs.length; r++) {
                    assertEquals(degrees.get(r).asInt(), (int) Math.floor(cutoffs[r]), where + ": cut-off of ring " + r);
                }
                assertEquals(ref.get("maximum_frequency").asInt(), plan.maximumFrequency(), where + ": maximum degree");
                JsonNode grid = ref.get("grid_xyz");
                assertEquals(grid.size(), plan.grid().size(), where + ": grid size");
                for (int p = 0; p < grid.size(); p++) {
                    assertEquals(grid.get(p).get(0).asDouble(), plan.grid().x(p), 1e-12, where + ": x of point " + p);
                    assertEquals(grid.get(p).get(1).asDouble(), plan.grid().y(p), 1e-12, where + ": y of point " + p);
                    assertEquals(grid.get(p).get(2).asDouble(), plan.grid().z(p), 1e-12, where + ": z of point " + p);
                }
            }));
        }
        return tests;
    }

    @Test
    void pointsFollowTheNcdhwLayout() {
        SamplingGrid grid = new SamplingGrid(3, 1, 3);
        assertEquals(27, grid.size());
        assertEquals(3, grid.dimensionality());
        // p = (depth * k + row) * k + col -> (col - 1, 1 - row, 1 - depth)
        int p = (2 * 3 + 0) * 3 + 1;
        assertEquals(0.0, grid.x(p));
        assertEquals(1.0, grid.y(p));
        assertEquals(-1.0, grid.z(p));
        assertEquals(Math.sqrt(3), grid.maximumRadius(), 1e-12);
        assertEquals("3x3x3", grid.toString());
        assertNotEquals(new SamplingGrid(3, 1), grid);
        assertEquals(new SamplingGrid(3, 1, 3), grid);
    }

    @Test
    void otherDimensionalitiesAreRefused() {
        assertRejected(IllegalArgumentException.class, () -> new SamplingGrid(3, 1, 4), "plane (2) or in space (3)",
                "got dimensionality 4");
    }

    @Test
    void escnnsThreeDimensionalDefaultCutoffDiffersFromThePlanarOne() {
        // escnn R3Conv 'default1': min(2r, R - r + 2); e2cnn R2Conv FCO1: 2 on the outer ring, else 2r - (r+1) mod 2
        assertEquals(3.0, ManualCutoff.FCO1.forOuterRadius(3, 3).maximumFrequency(2.0));
        assertEquals(2.0, ManualCutoff.FCO1.forOuterRadius(3, 3).maximumFrequency(3.0));
        assertEquals(3.0, ManualCutoff.FCO1.forOuterRadius(3, 2).maximumFrequency(2.0));
        assertEquals(2.0, ManualCutoff.FCO1.forOuterRadius(3, 3).maximumFrequency(1.0));
        assertEquals(1.0, ManualCutoff.FCO2.forOuterRadius(3, 3).maximumFrequency(3.0));
    }
}
