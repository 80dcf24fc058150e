package org.e2dl4j.math.gspace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.e2dl4j.testing.Rejections.assertRejected;

import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import org.e2dl4j.math.ReferenceData;
import org.e2dl4j.math.group.GroupElement;
import org.e2dl4j.math.repr.Representation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SplineResamplingTest {

    /**
     * tensors.json has 10 decimals, and e2cnn transformed the input as written there: its outputs carry the
     * rounding (half a unit, 5e-11); the rest is float64 arithmetic (below 1e-13 here).
     */
    private static final double TENSORS_TOLERANCE = 6e-11;

    @Test
    void prefilterOfTwoSamplesIsTheHandInverse() {
        // [[6, 2], [2, 6]] / 8 has the inverse [[3/2, -1/2], [-1/2, 3/2]]
        double[][] p = SplineResampling.prefilter(2);
        assertArrayEquals(new double[] {1.5, -0.5}, p[0], 1e-15);
        assertArrayEquals(new double[] {-0.5, 1.5}, p[1], 1e-15);
        assertArrayEquals(new double[] {1.0}, SplineResampling.prefilter(1)[0], 0, "one sample is its coefficient");
    }

    @ParameterizedTest(name = "n = {0}")
    @ValueSource(ints = {2, 3, 5, 9, 33})
    void prefilterInvertsTheMirroredSplineMatrix(int n) {
        double[][] p = SplineResampling.prefilter(n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                // (A P)[i][j] with A's row i: c[i-1] + 6 c[i] + c[i+1] over 8, c[-1] = c[1], c[n] = c[n-2]
                int before = i == 0 ? 1 : i - 1;
                int after = i == n - 1 ? n - 2 : i + 1;
                double v = (p[before][j] + 6 * p[i][j] + p[after][j]) / 8;
                assertEquals(i == j ? 1 : 0, v, 1e-14, "(A P)[" + i + "][" + j + "] for n = " + n);
            }
        }
    }

    @Test
    void atTheKnotsTheSamplesComeBackAndAConstantStaysConstantInsideTheGrid() {
        int h = 5;
        int w = 7;
        double[] plane = gaussian(h * w, 1);
        double[][] knots = new double[h * w][];
        for (int p = 0; p < h * w; p++) {
            knots[p] = new double[] {p / w, p % w};
        }
        assertArrayEquals(plane, SplineResampling.at(knots, h, w).apply(plane), 1e-13, "interpolation at the knots");

        double[] ones = new double[h * w];
        java.util.Arrays.fill(ones, 1);
        double[][] points = {{0, 0}, {4, 6}, {2.3, 0.01}, {3.9, 5.5}, {-0.01, 3}, {2, 6.0001}, {5, 1}};
        double[] expected = {1, 1, 1, 1, 0, 0, 0};
        assertArrayEquals(expected, SplineResampling.at(points, h, w).apply(ones), 1e-14,
                "1 on the closed rectangle [0, 4] x [0, 6], cval 0 outside");
    }

    @Test
    void halfWayBetweenKnotsOfALineTheValueIsTheSplineOfTheCoefficients() {
        // a 1 x 3 grid: coefficients c = P_3 x; at column 0.5 the knots 0, 1, 2 (t = -0.5) weigh 1/2, 1/2, 0
        double[] x = {1, 2, 4};
        double[][] p = SplineResampling.prefilter(3);
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            for (int k = 0; k < 3; k++) {
                c[i] += p[i][k] * x[k];
            }
        }
        double[] at = SplineResampling.at(new double[][] {{0, 0.5}}, 1, 3).apply(x);
        assertEquals(0.5 * c[0] + 0.5 * c[1], at[0], 1e-14);
        // c solves (6 c0 + 2 c1) / 8 = 1, (c0 + 6 c1 + c2) / 8 = 2, (2 c1 + 6 c2) / 8 = 4
        assertEquals(1, (6 * c[0] + 2 * c[1]) / 8, 1e-14);
        assertEquals(2, (c[0] + 6 * c[1] + c[2]) / 8, 1e-14);
        assertEquals(4, (2 * c[1] + 6 * c[2]) / 8, 1e-14);
    }

    @Test
    void badGridsAndPointsAreRefused() {
        assertRejected(() -> SplineResampling.at(new double[0][], 0, 3), "at least 1 x 1", "0 x 3");
        assertRejected(() -> SplineResampling.at(new double[][] {{1}}, 2, 2), "(row, column)", "1 coordinates");
        assertRejected(() -> SplineResampling.at(new double[][] {{Double.NaN, 0}}, 2, 2), "finite", "NaN");
        assertRejected(() -> SplineResampling.at(new double[][] {{0, 0}}, 2, 2).apply(new double[3]),
                "2 x 2", "4 samples", "got 3");
        assertRejected(() -> SplineResampling.prefilter(0), "n >= 1", "got 0");
    }

    /** Every case of tensors.json, channel by channel: the spline (or the pixel permutation), then rho(g). */
    @Test
    void fieldActionsMatchE2cnnScipyRotations() {
        int compared = 0;
        for (JsonNode c : ReferenceData.read("tensors.json").get("transforms")) {
            GSpace gs = ReferenceData.gspace(c.get("gspace"));
            List<Representation> fields = ReferenceData.fieldType(gs, c.get("fields"));
            int n = c.get("shape").get(0).asInt();
            int channels = c.get("shape").get(1).asInt();
            int h = c.get("shape").get(2).asInt();
            int w = c.get("shape").get(3).asInt();
            double[] input = ReferenceData.doubles(c.get("input"));
            for (JsonNode t : c.get("transforms")) {
                GroupElement g = ReferenceData.element(gs.fibergroup(), t.get("element"));
                double[] expected = ReferenceData.doubles(t.get("output"));
                double[] actual = fieldAction(gs, fields, g, input, n, channels, h, w);
                String where = c.get("name").asText() + " at " + g;
                double err = 0;
                for (int i = 0; i < expected.length; i++) {
                    err = Math.max(err, Math.abs(expected[i] - actual[i]));
                }
                assertTrue(err <= TENSORS_TOLERANCE, where + ": max error " + err);
                compared += expected.length;
            }
        }
        assertEquals(1 * 10 * 81 * 3 + 2 * 3 * 81 * 2 + 5 * 56 * 2 + 5 * 81 * 3 + 16 * 64 * 2 + 2 * 42, compared,
                "entries compared");
    }

    private static double[] fieldAction(GSpace gs, List<Representation> fields, GroupElement g, double[] x, int n,
                                        int channels, int h, int w) {
        int pixels = h * w;
        double[] moved = new double[x.length];
        for (int plane = 0; plane < n * channels; plane++) {
            double[] in = java.util.Arrays.copyOfRange(x, plane * pixels, (plane + 1) * pixels);
            double[] out;
            if (gs.preservesGrid(g)) {
                int[] source = gs.gridPermutation(g, h, w);
                out = new double[pixels];
                for (int p = 0; p < pixels; p++) {
                    out[p] = in[source[p]];
                }
            } else {
                out = SplineResampling.of(gs, g, h, w).apply(in);
            }
            System.arraycopy(out, 0, moved, plane * pixels, pixels);
        }
        double[] result = new double[x.length];
        for (int b = 0; b < n; b++) {
            int start = 0;
            for (Representation r : fields) {
                double[][] rho = r.matrix(g);
                for (int i = 0; i < r.size(); i++) {
                    for (int j = 0; j < r.size(); j++) {
                        for (int p = 0; p < pixels; p++) {
                            result[((b * channels) + start + i) * pixels + p] +=
                                    rho[i][j] * moved[((b * channels) + start + j) * pixels + p];
                        }
                    }
                }
                start += r.size();
            }
        }
        return result;
    }

    private static double[] gaussian(int length, long seed) {
        Random rnd = new Random(seed);
        double[] v = new double[length];
        for (int i = 0; i < length; i++) {
            v[i] = rnd.nextGaussian();
        }
        return v;
    }
}
