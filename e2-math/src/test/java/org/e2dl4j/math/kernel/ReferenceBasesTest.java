package org.e2dl4j.math.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.e2dl4j.math.ReferenceData;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.repr.Representation;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.SingularValueDecomposition;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The expanded filters of small layers against e2cnn's (reference/bases): same span, and where recorded the same
 * elements one by one (order, sign, normalization) and the same parameter names.
 */
class ReferenceBasesTest {

    /**
     * Largest principal-angle sine (spectral norm of the projector difference) allowed between our span and
     * e2cnn's. The reference rows are float32 rounded to 7 decimals: e2cnn's own two copies of one span (its Q
     * and its raw basis) differ by up to 1.02e-6, which is therefore also accepted against Q.
     */
    private static final double SPAN_TOLERANCE = 1e-6;
    private static final double RAW_TOLERANCE = 1e-5;

    @TestFactory
    List<DynamicTest> expandedBasisEqualsE2cnnForEveryRecordedConfig() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode entry : ReferenceData.read("bases/index.json").get("bases")) {
            String file = entry.get("file").asText();
            tests.add(DynamicTest.dynamicTest(entry.get("name").asText(), () -> check(ReferenceData.read(file))));
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
        LayerBasis layer = LayerBasis.of(gs, in, out, k, 1, BasisPolicy.defaults());
        int d = layer.dimension();
        assertEquals(ref.get("dimension").asInt(), d, name + ": dimension");
        double[][] ours = new double[d][];
        for (int j = 0; j < d; j++) {
            double[] w = new double[d];
            w[j] = 1;
            ours[j] = layer.expand(w);
        }
        assertEquals(ref.get("D").asInt(), ours[0].length, name + ": flattened filter size");

        double[][] q = ReferenceData.matrix(ref.get("Q"));
        double toQ = spanDistance(ours, q);
        if (ref.has("raw")) {
            double[][] raw = ReferenceData.matrix(ref.get("raw"));
            double toRaw = spanDistance(ours, raw);
            assertTrue(toRaw < SPAN_TOLERANCE, name + ": largest principal-angle sine between our span and e2cnn's"
                    + " sampled basis is " + toRaw + ", expected < " + SPAN_TOLERANCE);
            // e2cnn's Q and raw basis are two rounded copies of one span; ours may not be farther from Q than that
            double referenceNoise = spanDistance(raw, q);
            assertTrue(toQ < Math.max(SPAN_TOLERANCE, referenceNoise), name + ": largest principal-angle sine"
                    + " between our span and e2cnn's Q is " + toQ + ", expected < max(" + SPAN_TOLERANCE
                    + ", e2cnn's own Q-vs-raw distance " + referenceNoise + ")");
        } else {
            assertTrue(toQ < SPAN_TOLERANCE, name + ": largest principal-angle sine between our span and e2cnn's Q"
                    + " is " + toQ + ", expected < " + SPAN_TOLERANCE);
        }

        if (ref.has("raw")) {
            List<String> ids = layer.weightIds();
            JsonNode names = ref.get("basis_names");
            JsonNode raw = ref.get("raw");
            for (int j = 0; j < d; j++) {
                assertEquals(names.get(j).asText(), ids.get(j), name + ": name of weight " + j);
                double[] expected = ReferenceData.doubles(raw.get(j));
                for (int x = 0; x < expected.length; x++) {
                    if (Math.abs(expected[x] - ours[j][x]) > RAW_TOLERANCE) {
                        throw new AssertionError(name + ", element " + j + " (" + ids.get(j) + "), filter entry " + x
                                + ": e2cnn " + expected[x] + ", ours " + ours[j][x]);
                    }
                }
            }
        }
    }

    /** ||(I - P_ref) U||_2 for an orthonormal basis U of our span, after checking both spans have one rank. */
    private static double spanDistance(double[][] ours, double[][] reference) {
        RealMatrix u = orthonormalColumns(ours);
        RealMatrix v = orthonormalColumns(reference);
        assertEquals(v.getColumnDimension(), u.getColumnDimension(), "rank of our span vs e2cnn's");
        RealMatrix residual = u.subtract(v.multiply(v.transpose().multiply(u)));
        return new SingularValueDecomposition(residual).getNorm();
    }

    /** Orthonormal columns spanning the rows of {@code rows} (rank cut at 1e-5 of the largest singular value). */
    private static RealMatrix orthonormalColumns(double[][] rows) {
        SingularValueDecomposition svd = new SingularValueDecomposition(MatrixUtils.createRealMatrix(rows).transpose());
        double[] s = svd.getSingularValues();
        int rank = 0;
        while (rank < s.length && s[rank] > 1e-5 * s[0]) {
            rank++;
        }
        return svd.getU().getSubMatrix(0, rows[0].length - 1, 0, rank - 1);
    }
}
