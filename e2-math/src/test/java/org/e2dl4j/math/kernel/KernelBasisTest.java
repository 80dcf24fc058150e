package org.e2dl4j.math.kernel;

import static org.e2dl4j.testing.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import org.e2dl4j.math.ReferenceData;
import org.e2dl4j.math.group.GroupElement;
import org.e2dl4j.math.gspace.Action;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.math.repr.Representation;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The public analytic kernel basis: its values at arbitrary points equal e2cnn's {@code KernelBasis.sample(points)}
 * ({@code conv_options.json}, written by {@code reference/conv_options.py}), element by element in e2cnn's order;
 * they satisfy the kernel constraint {@code k(g x) = rho_out(g) k(x) rho_in(g)^-1} off the grid for every
 * testing element (rotations by any angle for SO(2) and O(2)); and on the pixel grid, normalized, they are the
 * layer's sampled basis.
 */
class KernelBasisTest {

    /** The reference values carry 7 decimals. */
    private static final double REFERENCE_TOLERANCE = 1e-6;
    private static final double CONSTRAINT_TOLERANCE = 1e-10;

    @TestFactory
    List<DynamicTest> samplesAtRandomPointsAreE2cnns() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : ReferenceData.read("conv_options.json").get("analytic_bases")) {
            tests.add(DynamicTest.dynamicTest(c.get("name").asText(), () -> {
                GSpace gs = ReferenceData.gspace(c.get("gspace"));
                KernelBasis basis = KernelBasis.of(gs, ReferenceData.representation(gs, c.get("in").asText()),
                        ReferenceData.representation(gs, c.get("out").asText()), ReferenceData.doubles(c.get("rings")),
                        ReferenceData.doubles(c.get("sigma")), c.get("maximum_frequency").asInt());
                assertEquals(c.get("dimension").asInt(), basis.dimension(), "dimension");
                for (int b = 0; b < basis.dimension(); b++) {
                    JsonNode a = c.get("attributes").get(b);
                    BasisElement e = basis.elements().get(b);
                    assertEquals(a.get("frequency").asInt(), e.frequency(), "frequency of element " + b);
                    assertEquals(a.get("radius").asDouble(), e.radius(), 1e-7, "radius of element " + b);
                    assertEquals(a.get("gamma").asDouble(), e.gamma(), 1e-7, "gamma of element " + b);
                    assertEquals(a.get("in_irrep").asText(), e.inIrrep(), "input irrep of element " + b);
                    assertEquals(a.get("out_irrep").asText(), e.outIrrep(), "output irrep of element " + b);
                    assertEquals(a.get("in_irrep_idx").asInt(), e.inIrrepIndex(), "input irrep index of " + b);
                    assertEquals(a.get("out_irrep_idx").asInt(), e.outIrrepIndex(), "output irrep index of " + b);
                    assertEquals(a.get("inner_idx").asInt(), e.innerIndex(), "inner index of element " + b);
                }
                double[][][][] got = basis.sample(ReferenceData.matrix(c.get("points")));
                JsonNode expected = c.get("samples");
                double err = 0;
                for (int b = 0; b < got.length; b++) {
                    for (int o = 0; o < got[b].length; o++) {
                        for (int i = 0; i < got[b][o].length; i++) {
                            for (int p = 0; p < got[b][o][i].length; p++) {
                                err = Math.max(err, Math.abs(got[b][o][i][p]
                                        - expected.get(b).get(o).get(i).get(p).asDouble()));
                            }
                        }
                    }
                }
                assertTrue(err <= REFERENCE_TOLERANCE, "largest difference from e2cnn's samples: " + err);
            }));
        }
        return tests;
    }

    @TestFactory
    List<DynamicTest> theConstraintHoldsOffTheGrid() {
        List<DynamicTest> tests = new ArrayList<>();
        for (GSpace gs : List.of(GSpaces.rot2dOnR2(4), GSpaces.rot2dOnR2(5), GSpaces.flipRot2dOnR2(3),
                GSpaces.flip2dOnR2(), GSpaces.rot2dOnR2(-1, 3), GSpaces.flipRot2dOnR2(-1, 2, 0.4))) {
            tests.add(DynamicTest.dynamicTest(gs.name(), () -> {
                List<Representation> reprs = new ArrayList<>(gs.irreps().subList(0, Math.min(3, gs.irreps().size())));
                if (gs.fibergroup().isFinite()) {
                    reprs.add(gs.regularRepr());
                }
                Random rnd = new Random(3);
                double[][] points = new double[6][];
                for (int p = 0; p < points.length; p++) {
                    points[p] = new double[] {4 * rnd.nextDouble() - 2, 4 * rnd.nextDouble() - 2};
                }
                List<GroupElement> elements = new ArrayList<>(gs.testingElements());
                if (!gs.fibergroup().isFinite()) {
                    elements.add(GroupElement.continuous(0, 0.7321));
                    if (gs.action() == Action.FLIPS_AND_ROTATIONS) {
                        elements.add(GroupElement.continuous(1, 0.7321));
                    }
                }
                int checked = 0;
                for (Representation in : reprs) {
                    for (Representation out : reprs) {
                        KernelBasis basis;
                        try {
                            basis = KernelBasis.of(gs, in, out, new double[] {0, 0.8, 1.9},
                                    new double[] {0.5, 0.6, 0.7}, 4);
                        } catch (IllegalArgumentException e) {
                            assertTrue(e.getMessage().contains("is empty"), e.getMessage());
                            continue;
                        }
                        for (GroupElement g : elements) {
                            checkConstraint(gs, basis, in, out, g, points);
                        }
                        checked++;
                    }
                }
                assertTrue(checked >= reprs.size(), gs.name() + ": only " + checked + " non-empty pairs");
            }));
        }
        return tests;
    }

    private static void checkConstraint(GSpace gs, KernelBasis basis, Representation in, Representation out,
                                        GroupElement g, double[][] points) {
        double[][] m = gs.planeMatrix(g);
        double[][] moved = new double[points.length][];
        for (int p = 0; p < points.length; p++) {
            moved[p] = new double[] {m[0][0] * points[p][0] + m[0][1] * points[p][1],
                    m[1][0] * points[p][0] + m[1][1] * points[p][1]};
        }
        double[][][][] at = basis.sample(points);
        double[][][][] atMoved = basis.sample(moved);
        double[][] rhoOut = out.matrix(g);
        double[][] rhoInInverse = in.matrix(gs.fibergroup().inverse(g));
        for (int b = 0; b < basis.dimension(); b++) {
            for (int p = 0; p < points.length; p++) {
                for (int o = 0; o < out.size(); o++) {
                    for (int i = 0; i < in.size(); i++) {
                        double sum = 0;
                        for (int a = 0; a < out.size(); a++) {
                            for (int c = 0; c < in.size(); c++) {
                                sum += rhoOut[o][a] * at[b][a][c][p] * rhoInInverse[c][i];
                            }
                        }
                        double expected = sum;
                        double got = atMoved[b][o][i][p];
                        assertTrue(Math.abs(got - expected) <= CONSTRAINT_TOLERANCE,
                                () -> in.name() + " -> " + out.name() + ", " + g + ": k(g x) = " + got
                                        + ", rho_out(g) k(x) rho_in(g)^-1 = " + expected);
                    }
                }
            }
        }
    }

    @Test
    void onTheGridAndNormalizedItIsTheLayersSampledBasis() {
        GSpace gs = GSpaces.flipRot2dOnR2(4);
        Representation in = gs.regularRepr();
        Representation out = gs.irrep(1, 1);
        double[] rings = {0, 1, 2};
        double[] sigmas = {0.3, 0.6, 0.4};
        int k = 5;
        SampledBasis sampled = new SteerableKernelSampler(BasisPolicy.builder().rings(rings).sigmas(sigmas)
                .frequencyCutoff(r -> 3).build()).sample(gs, in, out, k, 1).orElseThrow();
        KernelBasis analytic = KernelBasis.of(gs, in, out, rings, sigmas, 3);
        SamplingGrid grid = sampled.grid();
        double[][] points = new double[grid.size()][];
        for (int p = 0; p < grid.size(); p++) {
            points[p] = new double[] {grid.x(p), grid.y(p)};
        }
        double[][][][] values = analytic.sample(points);
        assertTrue(sampled.dimension() > 10 && sampled.dimension() <= analytic.dimension(),
                "kept " + sampled.dimension() + " of " + analytic.dimension());
        for (int s = 0; s < sampled.dimension(); s++) {
            BasisElement e = (BasisElement) sampled.elements().get(s);
            double[][][] v = values[e.index()];
            double squares = 0;
            for (double[][] row : v) {
                for (double[] cell : row) {
                    for (double x : cell) {
                        squares += x * x;
                    }
                }
            }
            double norm = Math.sqrt(squares / e.outIrrepSize());
            for (int o = 0; o < out.size(); o++) {
                for (int i = 0; i < in.size(); i++) {
                    for (int p = 0; p < grid.size(); p++) {
                        assertEquals(sampled.get(s, o, i, p), v[o][i][p] / norm, 1e-12,
                                "element " + e.id() + " at point " + p);
                    }
                }
            }
        }
    }

    @Test
    void badArgumentsAreRefused() {
        GSpace gs = GSpaces.rot2dOnR2(4);
        KernelBasis basis = KernelBasis.of(gs, gs.trivialRepr(), gs.regularRepr(), new double[] {1}, new double[] {0.5}, 2);
        assertRejected(() -> basis.sample(new double[][] {{0, Double.NaN}}), "point 0", "finite", "NaN");
        assertRejected(() -> basis.sample(new double[][] {{1, 2, 3}}), "point 0", "{x, y}");
        assertRejected(() -> KernelBasis.of(gs, gs.trivialRepr(), GSpaces.rot2dOnR2(8).regularRepr(),
                new double[] {1}, new double[] {0.5}, 2), "G-space");
        assertRejected(() -> KernelBasis.of(gs, gs.trivialRepr(), gs.trivialRepr(), new double[] {1},
                new double[] {0.5}, -1), "maximum frequency", "-1");
        assertRejected(() -> KernelBasis.of(gs, gs.trivialRepr(), gs.trivialRepr(), new double[] {1, 2},
                new double[] {0.5}, 2), "one sigma per ring");
        assertRejected(() -> KernelBasis.of(gs, gs.trivialRepr(), gs.trivialRepr(), new double[] {1},
                new double[] {0.5}, 2, -1), "maximum offset", "-1");
    }
}
