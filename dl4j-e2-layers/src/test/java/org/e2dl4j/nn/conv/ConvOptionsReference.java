package org.e2dl4j.nn.conv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.e2dl4j.math.ReferenceData;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.nn.FieldType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The cases of {@code conv_options.json} (written by {@code reference/conv_options.py} with e2cnn 0.2.3): field
 * types, seeded weights, inputs and e2cnn's outputs, and the comparison of a layer's output with them.
 */
final class ConvOptionsReference {

    /** e2cnn computes in float32 and the file keeps 7 decimals: relative to the largest output entry. */
    static final double OUTPUT_TOLERANCE = 2e-5;

    private ConvOptionsReference() {
    }

    /** The cases of one section of the file. */
    static List<JsonNode> cases(String section) {
        List<JsonNode> cases = new ArrayList<>();
        ReferenceData.read("conv_options.json").get(section).forEach(cases::add);
        return cases;
    }

    static GSpace gspace(JsonNode c) {
        return ReferenceData.gspace(c.get("gspace"));
    }

    static FieldType type(JsonNode c, String side) {
        GSpace gs = gspace(c);
        return new FieldType(gs, ReferenceData.fieldType(gs, c.get(side)));
    }

    /** e2cnn's input, as a double array of the file's shape. */
    static INDArray input(JsonNode c) {
        return array(c.get("input"));
    }

    /** Nested JSON arrays of numbers as a double array of their shape. */
    static INDArray array(JsonNode nested) {
        List<Long> shape = new ArrayList<>();
        for (JsonNode n = nested; n.isArray(); n = n.get(0)) {
            shape.add((long) n.size());
        }
        List<Double> values = new ArrayList<>();
        flatten(nested, values);
        double[] flat = values.stream().mapToDouble(Double::doubleValue).toArray();
        return Nd4j.createFromArray(flat).reshape('c', shape.stream().mapToLong(Long::longValue).toArray());
    }

    private static void flatten(JsonNode n, List<Double> out) {
        if (n.isArray()) {
            n.forEach(child -> flatten(child, out));
        } else {
            out.add(n.asDouble());
        }
    }

    /**
     * The output of a one-layer double network holding {@code layer} with e2cnn's weights and bias of the case,
     * compared with e2cnn's output.
     *
     * @return the largest difference relative to the largest entry of e2cnn's output
     */
    static double relativeError(AbstractR2Conv layer, JsonNode c) {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().dataType(DataType.DOUBLE)
                .list().layer(layer).validateOutputLayerConfig(false).build());
        net.init();
        INDArray w = net.getLayer(0).getParam(R2ConvParamInitializer.WEIGHT_KEY);
        assertEquals(c.get("weights").size(), w.length(), c.get("name") + ": number of weights (e2cnn's dimension)");
        w.assign(array(c.get("weights")));
        if (!c.get("bias").isNull()) {
            net.getLayer(0).getParam(R2ConvParamInitializer.BIAS_KEY).assign(array(c.get("bias")));
        }
        INDArray expected = array(c.get("output"));
        INDArray got = net.output(input(c));
        assertArrayEquals(expected.shape(), got.shape(), c.get("name") + ": output shape");
        double scale = expected.amaxNumber().doubleValue();
        assertTrue(scale > 0.1, c.get("name") + ": e2cnn's output is (nearly) zero, the comparison would say nothing");
        return expected.sub(got).amaxNumber().doubleValue() / scale;
    }
}
