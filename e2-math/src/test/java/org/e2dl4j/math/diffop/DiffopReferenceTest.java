package org.e2dl4j.math.diffop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import org.e2dl4j.math.ReferenceData;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.math.kernel.LayerBasis;
import org.e2dl4j.math.repr.Representation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The layer basis of steerable PDOs against e2cnn 0.2.3's R2Diffop ({@code reference/diffops.py}): for every
 * configuration the basis dimension, e2cnn's basis names in weight order and the filter of every unit weight
 * vector, element for element (e2cnn samples in float32 and the file keeps 6 decimals).
 */
class DiffopReferenceTest {

    /** The rounding to 6 decimals (5e-7) plus e2cnn's float32 sampling and normalization. */
    private static final double TOLERANCE = 1e-6;

    static Stream<Arguments> configs() {
        JsonNode configs = ReferenceData.read("diffops.json").get("configs");
        List<Arguments> args = new ArrayList<>();
        configs.fieldNames().forEachRemaining(name -> args.add(Arguments.of(name, configs.get(name))));
        return args.stream();
    }

    static GSpace gspace(JsonNode spec) {
        String kind = spec.get(0).asText();
        return switch (kind) {
            case "rot" -> spec.get(2).isNull() ? GSpaces.rot2dOnR2(spec.get(1).asInt())
                    : GSpaces.rot2dOnR2(spec.get(1).asInt(), spec.get(2).asInt());
            case "fliprot" -> spec.get(2).isNull() ? GSpaces.flipRot2dOnR2(spec.get(1).asInt())
                    : GSpaces.flipRot2dOnR2(spec.get(1).asInt(), spec.get(2).asInt());
            case "flip" -> GSpaces.flip2dOnR2();
            default -> throw new IllegalArgumentException("unknown G-space kind " + kind);
        };
    }

    static List<Representation> fields(GSpace gs, JsonNode names) {
        List<Representation> fields = new ArrayList<>();
        names.forEach(n -> fields.add(ReferenceData.representationNamed(gs, n.asText())));
        return fields;
    }

    /** The policy of e2cnn's R2Diffop options (kernel_size is the layer's). */
    static DiffopPolicy policy(JsonNode options) {
        DiffopPolicy.Builder b = DiffopPolicy.builder();
        for (Map.Entry<String, JsonNode> o : (Iterable<Map.Entry<String, JsonNode>>) options::fields) {
            JsonNode v = o.getValue();
            switch (o.getKey()) {
                case "kernel_size" -> { }
                case "accuracy" -> b.accuracy(v.asInt());
                case "maximum_order" -> b.maximumOrder(v.asInt());
                case "maximum_power" -> b.maximumPower(v.asInt());
                case "maximum_offset" -> b.maximumOffset(v.asInt());
                case "angle_offset" -> b.angleOffset(v.asDouble());
                case "smoothing" -> b.smoothing(v.asDouble());
                default -> throw new IllegalArgumentException("unknown option " + o.getKey());
            }
        }
        return b.build();
    }

    static LayerBasis layerBasis(JsonNode config) {
        GSpace gs = gspace(config.get("gspace"));
        return LayerBasis.of(gs, fields(gs, config.get("in_repr_names")), fields(gs, config.get("out_repr_names")),
                config.get("kernel_size").asInt(), 1, new SteerableDiffopSampler(policy(config.get("options"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configs")
    void basisEqualsE2cnns(String name, JsonNode config) {
        LayerBasis basis = layerBasis(config);
        assertEquals(config.get("dimension").asInt(), basis.dimension(), name + ": basis dimension");
        assertEquals(ReferenceData.strings(config.get("basis_names")), basis.weightIds(), name + ": basis names");
        JsonNode filters = config.get("filters");
        double max = 0;
        long compared = 0;
        for (int w = 0; w < basis.dimension(); w++) {
            double[] unit = new double[basis.dimension()];
            unit[w] = 1.0;
            double[] filter = basis.expand(unit);
            double[] expected = flatten(filters.get(w));
            assertEquals(expected.length, filter.length, name + ": filter size of weight " + w);
            for (int v = 0; v < filter.length; v++) {
                max = Math.max(max, Math.abs(filter[v] - expected[v]));
                compared++;
            }
        }
        assertTrue(compared > 0, name + ": nothing compared");
        assertTrue(max <= TOLERANCE, name + ": largest difference to e2cnn's filter basis " + max);
    }

    static double[] flatten(JsonNode nested) {
        List<Double> values = new ArrayList<>();
        collect(nested, values);
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static void collect(JsonNode node, List<Double> values) {
        if (node.isArray()) {
            node.forEach(child -> collect(child, values));
        } else {
            values.add(node.asDouble());
        }
    }
}
