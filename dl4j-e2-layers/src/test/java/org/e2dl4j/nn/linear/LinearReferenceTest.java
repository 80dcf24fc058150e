package org.e2dl4j.nn.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.e2dl4j.math.group.Group;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.math.kernel.BasisElement;
import org.e2dl4j.math.kernel.LinearReference;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.testing.TestNetworks;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@link Linear} against escnn 1.0.13's {@code Linear} ({@code reference/data/linear.json}): with escnn's seeded
 * weights and bias loaded (each weight times the sign of escnn's basis matrix relative to ours, see
 * {@link LinearReference#escnnSign}), the layer expands escnn's matrix and bias and computes escnn's outputs.
 */
class LinearReferenceTest {

    /** The reference numbers are rounded to 8 decimals. */
    private static final double TOL = 1e-6;

    static Stream<JsonNode> cases() {
        return LinearReference.cases().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void escnnWeightsGiveEscnnsMatrixAndOutputs(JsonNode c) {
        String name = c.get("name").asText();
        Group g = LinearReference.group(c.get("group"));
        GSpace point = GSpaces.noBaseSpace(g);
        FieldType in = new FieldType(point, LinearReference.fields(g, c.get("in_fields")));
        FieldType out = new FieldType(point, LinearReference.fields(g, c.get("out_fields")));
        Linear layer = new Linear.Builder(in, out).build();
        assertEquals(c.get("trainable_parameters").asLong(), layer.initializer().numParams(layer), name + ": parameters");
        MultiLayerNetwork net = TestNetworks.withLoss(DataType.DOUBLE, 1, TestNetworks.fibers(in), List.of(layer));
        List<BasisElement> elements = LinearReference.elementsInWeightOrder(layer.layerBasis());
        double[] w = new double[elements.size()];
        for (int k = 0; k < w.length; k++) {
            w[k] = LinearReference.escnnSign(c, elements.get(k)) * c.get("weights").get(k).asDouble();
        }
        net.getLayer(0).setParam("W", Nd4j.createFromArray(w));
        net.getLayer(0).setParam("b", array(c.get("bias")));
        LinearLayer trained = (LinearLayer) net.getLayer(0);
        assertClose(matrix(c.get("matrix")), trained.expandedMatrix(), name + ": expanded matrix");
        assertClose(array(c.get("expanded_bias")).reshape(1, out.size()), trained.expandedBias(), name + ": bias");
        assertClose(matrix(c.get("output")), net.output(matrix(c.get("input"))), name + ": output");
    }

    private static INDArray array(JsonNode values) {
        double[] v = new double[values.size()];
        for (int k = 0; k < v.length; k++) {
            v[k] = values.get(k).asDouble();
        }
        return Nd4j.createFromArray(v);
    }

    private static INDArray matrix(JsonNode rows) {
        double[][] m = new double[rows.size()][];
        for (int r = 0; r < m.length; r++) {
            m[r] = array(rows.get(r)).toDoubleVector();
        }
        return Nd4j.createFromArray(m);
    }

    private static void assertClose(INDArray expected, INDArray actual, String what) {
        assertEquals(List.of(expected.shape()[0], expected.shape()[1]), List.of(actual.shape()[0], actual.shape()[1]),
                what + ": shape");
        double err = expected.sub(actual.castTo(DataType.DOUBLE)).amaxNumber().doubleValue();
        assertEquals(0, err, TOL, what + ": largest difference");
    }
}
