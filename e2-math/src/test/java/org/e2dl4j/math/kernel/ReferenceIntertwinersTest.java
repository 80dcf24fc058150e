package org.e2dl4j.math.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.e2dl4j.math.group.Group;
import org.e2dl4j.math.repr.RecipeKey;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The intertwiner bases of {@link FiberIntertwinerSampler}, laid out by {@link LayerBasis}, against escnn 1.0.13's
 * {@code Linear} ({@code reference/data/linear.json}, written by {@code reference/linear.py}): the same number of
 * weights and bias parameters, the same fields (changes of basis), the same He standard deviations, and weight by
 * weight the same basis matrix up to its sign. escnn takes its intertwiners from Clebsch-Gordan coefficients it solves
 * numerically, whose signs are whatever its solver returns (-I for D4's irrep (1, 1)); this library uses the identity
 * and the quarter turn. Each weight's sign is checked: +1 except for the elements of D4's irrep (1, 1).
 */
class ReferenceIntertwinersTest {

    private static final double TOL = 2e-7;

    static Stream<JsonNode> cases() {
        return LinearReference.cases().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void sizesAndFieldsAreEscnns(JsonNode c) {
        String name = c.get("name").asText();
        LayerBasis basis = LinearReference.basis(c);
        assertEquals(c.get("dimension").asInt(), basis.dimension(), name + ": weights");
        assertEquals(c.get("bias_dimension").asInt(), basis.biasDimension(), name + ": bias parameters");
        assertEquals(c.get("trainable_parameters").asInt(), basis.dimension() + basis.biasDimension(),
                name + ": trainable parameters");
        Group g = LinearReference.group(c.get("group"));
        c.get("change_of_basis").fields().forEachRemaining(e -> {
            double[][] q = RecipeKey.parse(g, e.getKey()).build(g).changeOfBasis();
            assertClose(e.getValue(), q, name + ": change of basis of " + e.getKey());
        });
        double[] sd = basis.heStandardDeviations();
        for (int w = 0; w < sd.length; w++) {
            assertEquals(c.get("he_std").get(w).asDouble(), sd[w], TOL, name + ": He standard deviation of weight " + w);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyBasisMatrixIsEscnnsUpToItsSign(JsonNode c) {
        String name = c.get("name").asText();
        LayerBasis basis = LinearReference.basis(c);
        List<BasisElement> elements = LinearReference.elementsInWeightOrder(basis);
        for (int w = 0; w < basis.dimension(); w++) {
            double[] unit = new double[basis.dimension()];
            unit[w] = 1;
            double[] ours = basis.expand(unit);
            JsonNode theirs = c.get("basis").get(w);
            double sign = LinearReference.escnnSign(c, elements.get(w));
            double diff = 0;
            for (int o = 0; o < basis.outChannels(); o++) {
                for (int i = 0; i < basis.inChannels(); i++) {
                    diff = Math.max(diff, Math.abs(sign * ours[o * basis.inChannels() + i]
                            - theirs.get(o).get(i).asDouble()));
                }
            }
            assertTrue(diff <= TOL, name + ": weight " + w + " (" + elements.get(w).id() + ") expands to " + sign
                    + " times escnn's matrix; largest difference " + diff);
        }
    }

    private static void assertClose(JsonNode expected, double[][] actual, String what) {
        for (int r = 0; r < actual.length; r++) {
            for (int k = 0; k < actual[r].length; k++) {
                assertEquals(expected.get(r).get(k).asDouble(), actual[r][k], TOL, what + " at (" + r + ", " + k + ")");
            }
        }
    }
}
