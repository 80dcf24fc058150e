package org.e2dl4j.nn.normalization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.e2dl4j.math.ReferenceData;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.nn.FieldType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@link FieldNorm}: escnn 1.0.13's FieldNorm outputs on C4, D4, C8 and SO(2) field types (regular, quotient,
 * irreps, several trivial fields; with and without affine parameters), and hand-derived pixels.
 */
class FieldNormTest {

    private static final GSpace C4 = GSpaces.rot2dOnR2(4);
    private static final double EPS = 1e-5;

    static List<JsonNode> escnnCases() {
        return NormalizationReference.cases("field_norm");
    }

    @ParameterizedTest(name = "{index}")
    @MethodSource("escnnCases")
    void matchesEscnn(JsonNode c) {
        FieldType type = NormalizationReference.fieldType(c);
        boolean affine = c.get("affine").asBoolean();
        FieldNorm layer = new FieldNorm.Builder(type).eps(c.get("eps").asDouble()).affine(affine).build();
        MultiLayerNetwork net = NormalizationReference.single(layer);
        if (affine) {
            net.setParam("0_gamma", Nd4j.createFromArray(ReferenceData.doubles(c.get("weight"))));
            if (c.get("bias").size() > 0) {
                net.setParam("0_beta", Nd4j.createFromArray(ReferenceData.doubles(c.get("bias"))));
            }
        }
        INDArray x = NormalizationReference.array(c, "input", "shape");
        INDArray expected = NormalizationReference.array(c, "output", "shape");
        String name = c.get("name").asText();
        // escnn keeps its trivial projections in float32 (about 1e-8 relative), the data has 10 decimals
        double error = NormalizationReference.maxAbsDifference(expected, net.output(x), name);
        assertTrue(error <= 1e-6, name + ": expected escnn's output within 1e-6, max difference " + error);
        assertEquals(error, NormalizationReference.maxAbsDifference(expected, net.output(x, true), name), 0.0,
                name + ": training and inference compute the same map");
    }

    @Test
    void aRegularFieldIsCentredAndScaledPerPixel() {
        // one pixel of a regular C4 field (1, 2, 3, 6): trivial part = the mean 3, z = (-2, -1, 0, 3), |z|^2 / 4 = 3.5
        INDArray x = Nd4j.createFromArray(1.0, 2, 3, 6).reshape(1, 4, 1, 1);
        INDArray y = NormalizationReference.single(new FieldNorm.Builder(FieldType.regular(C4, 1)).build()).output(x);
        double s = Math.sqrt(3.5 + EPS);
        assertClose(new double[] {-2 / s, -1 / s, 0, 3 / s}, y, "regular field");
    }

    @Test
    void aVectorFieldIsOnlyScaledAndATrivialFieldBecomesItsBias() {
        // [irrep_1, trivial] of C4 at two pixels: (3, 4) -> (3, 4) / sqrt(25 / 2 + eps); the trivial value -> 0 + beta
        FieldType type = FieldType.irrep(C4, 1, 1).plus(FieldType.trivial(C4, 1));
        MultiLayerNetwork net = NormalizationReference.single(new FieldNorm.Builder(type).build());
        assertEquals(List.of("gamma", "beta"), List.copyOf(net.getLayer(0).paramTable().keySet()), "parameters");
        net.setParam("0_gamma", Nd4j.createFromArray(2.0, 5.0));
        net.setParam("0_beta", Nd4j.createFromArray(0.25));
        INDArray x = Nd4j.createFromArray(3.0, 0, 4, 0, -7, 9).reshape(1, 3, 1, 2);
        double s = Math.sqrt(12.5 + EPS);
        // the second pixel's vector is 0: its variance is 0, so it stays 0 (divided by sqrt(eps))
        assertClose(new double[] {2 * 3 / s, 0, 2 * 4 / s, 0, 0.25, 0.25}, net.output(x), "irrep_1 + trivial");
    }

    @Test
    void withoutAffineThereAreNoParameters() {
        MultiLayerNetwork net = NormalizationReference.single(new FieldNorm.Builder(FieldType.regular(C4, 2))
                .affine(false).build());
        assertEquals(0, net.numParams(), "no affine parameters");
    }

    static void assertClose(double[] expected, INDArray got, String what) {
        double[] g = got.dup('c').data().asDouble();
        assertEquals(expected.length, g.length, what + ": length");
        for (int i = 0; i < g.length; i++) {
            assertEquals(expected[i], g[i], 1e-12, what + ": value " + i);
        }
    }
}
