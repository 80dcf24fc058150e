package org.e2dl4j.nn.nonlinear;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.e2dl4j.math.ReferenceData;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.repr.Representation;
import org.e2dl4j.math.repr.Representations;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.testing.ReferenceFiles;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * escnn 1.0.13's outputs (seeded inputs and parameters, {@code reference/normalization.py}) for the nonlinearities
 * that escnn adds to e2cnn: {@code NormNonLinearity} with {@code n_softplus} and {@code GatedNonLinearityUniform}.
 */
class EscnnNonlinearityTest {

    private static List<JsonNode> section(String name) {
        JsonNode all = ReferenceFiles.read("normalization.json").get(name);
        assertTrue(all != null && all.size() > 0, "normalization.json has no section " + name);
        return StreamSupport.stream(all.spliterator(), false).toList();
    }

    static List<JsonNode> softplusCases() {
        return section("n_softplus");
    }

    static List<JsonNode> gatedCases() {
        return section("gated_uniform");
    }

    /** The input of the uniform gated nonlinearity of a case: fields {@code trivial^k + psi_1 + ... + psi_k}. */
    static FieldType gatedInput(JsonNode c) {
        GSpace gs = ReferenceData.gspace(c.get("gspace"));
        List<Representation> parts = new ArrayList<>();
        for (int i = 0; i < c.get("gated").size(); i++) {
            parts.add(gs.trivialRepr());
        }
        for (JsonNode key : c.get("gated")) {
            parts.add(ReferenceData.representation(gs, key.asText()));
        }
        return FieldType.of(gs, Representations.directSum(parts, "gated"), c.get("fields").asInt());
    }

    @ParameterizedTest(name = "{index}")
    @MethodSource("softplusCases")
    void nSoftplusMatchesEscnn(JsonNode c) {
        GSpace gs = ReferenceData.gspace(c.get("gspace"));
        FieldType type = new FieldType(gs, ReferenceData.fieldType(gs, c.get("type")));
        assertMatches(c, new NormNonLinearity.Builder(type).function("n_softplus").build(), "0_logBias", "log_bias",
                "shape");
    }

    @ParameterizedTest(name = "{index}")
    @MethodSource("gatedCases")
    void gatedNonLinearityUniformMatchesEscnn(JsonNode c) {
        assertMatches(c, new GatedNonLinearityUniform.Builder(gatedInput(c)).build(), "0_b", "bias", "out_shape");
    }

    private static void assertMatches(JsonNode c, Layer layer, String param, String values, String outShape) {
        MultiLayerNetwork net = NonlinearityChecks.single(layer, DataType.DOUBLE);
        net.setParam(param, Nd4j.createFromArray(ReferenceData.doubles(c.get(values))));
        INDArray y = net.output(array(c, "input", "shape"));
        INDArray expected = array(c, "output", outShape);
        String name = c.get("name").asText();
        assertArrayEquals(expected.shape(), y.shape(), name + ": output shape");
        double[] e = expected.data().asDouble();
        double[] g = y.dup('c').data().asDouble();
        double max = 0;
        for (int i = 0; i < e.length; i++) {
            double d = Math.abs(e[i] - g[i]);
            max = Double.isNaN(d) ? Double.POSITIVE_INFINITY : Math.max(max, d);
        }
        assertTrue(max <= 1e-9, name + ": expected escnn's output within 1e-9, max difference " + max);
    }

    private static INDArray array(JsonNode c, String values, String shape) {
        long[] s = new long[c.get(shape).size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = c.get(shape).get(i).asLong();
        }
        return Nd4j.createFromArray(ReferenceData.doubles(c.get(values))).reshape('c', s);
    }
}
