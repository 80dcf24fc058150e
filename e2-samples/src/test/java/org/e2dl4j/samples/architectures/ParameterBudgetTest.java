package org.e2dl4j.samples.architectures;

import static org.e2dl4j.testing.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleToLongFunction;

import com.fasterxml.jackson.databind.JsonNode;
import org.e2dl4j.testing.ReferenceFiles;
import org.junit.jupiter.api.Test;

class ParameterBudgetTest {

    /** A dense layer of floor(10 s) inputs and outputs with bias: n^2 + n parameters. */
    private static final DoubleToLongFunction SQUARE_DENSE = s -> {
        long n = (long) Math.floor(10 * s);
        return n * n + n;
    };

    @Test
    void aSquareDenseLayerMatchesTheHandCount() {
        // n = 8: 72, n = 9: 90, n = 10: 110; 84 is 12 above 72 and 6 below 90, so n = 9 wins
        ParameterBudget.Match match = ParameterBudget.closest(SQUARE_DENSE, 84, 0.5, 2);

        assertEquals(90, match.parameters(), "closest count");
        assertEquals(6, match.difference(), "parameters - target");
        assertEquals(9, (long) Math.floor(10 * match.scale()), "width at the matched scale");
    }

    @Test
    void aTieGoesToTheSmallerModelAndAnExactHitIsKept() {
        assertEquals(72, ParameterBudget.closest(SQUARE_DENSE, 81, 0.5, 2).parameters(), "81 is 9 from 72 and from 90");
        assertEquals(110, ParameterBudget.closest(SQUARE_DENSE, 110, 0.5, 2).parameters(), "110 is a count");
        assertEquals(30, ParameterBudget.closest(SQUARE_DENSE, 30, 0.5, 2).parameters(), "the count at low");
    }

    @Test
    void e2sfcnnC16IsScaledToTheConventionalCnnsCount() {
        long cnn = modelParameters("CNN");
        E2Sfcnn c16 = E2Sfcnn.of(16, false);
        DoubleToLongFunction count = s -> TrainableParameters.of(c16.withWidthScale(s).configuration(28, 10, 0)).total();

        ParameterBudget.Match match = ParameterBudget.closest(count, cnn, 0.5, 1);

        // the neighbouring models: one field fewer or more in the layer whose width steps next
        int[] fields = c16.withWidthScale(match.scale()).fields();
        int[] widths = c16.fields();
        double previous = 0;
        double next = Double.MAX_VALUE;
        for (int i = 0; i < widths.length; i++) {
            previous = Math.max(previous, (double) fields[i] / widths[i]);
            next = Math.min(next, (fields[i] + 1.0) / widths[i]);
        }
        long smaller = count.applyAsLong(Math.nextDown(previous) - 1e-9);
        long larger = count.applyAsLong(next + 1e-9);
        assertTrue(smaller < match.parameters() && match.parameters() < larger, "neighbours " + smaller + ", "
                + match.parameters() + ", " + larger);
        assertTrue(smaller <= cnn && cnn <= larger, "the target " + cnn + " lies between the neighbours " + smaller
                + " and " + larger);
        assertTrue(Math.abs(match.difference()) <= Math.min(cnn - smaller, larger - cnn), "closest: " + match);
        assertTrue(Math.abs(match.difference()) < 0.01 * cnn, "within 1% of the CNN's " + cnn + ": " + match);
    }

    @Test
    void badSearchesAreRejectedNamingWhatCame() {
        assertRejected(() -> ParameterBudget.closest(SQUARE_DENSE, 84, 0, 2), "0 < low < high", "low 0.0");
        assertRejected(() -> ParameterBudget.closest(SQUARE_DENSE, 84, 2, 1), "0 < low < high", "high 1.0");
        assertRejected(() -> ParameterBudget.closest(SQUARE_DENSE, 84, 0.5, Double.NaN), "finite", "NaN");
        assertRejected(() -> ParameterBudget.closest(SQUARE_DENSE, 0, 0.5, 2), "positive target", "got 0");
        assertRejected(() -> ParameterBudget.closest(SQUARE_DENSE, 421, 0.5, 2), "target 421", "outside",
                "30", "420");
        DoubleToLongFunction bump = s -> s == 1 ? 10 : s == 2 ? 30 : 50;
        assertRejected(() -> ParameterBudget.closest(bump, 20, 1, 2), "decreases", "50 at scale 1.5");
    }

    private static long modelParameters(String name) {
        for (JsonNode model : ReferenceFiles.read("architectures.json").get("models")) {
            if (model.get("name").asText().equals(name)) {
                return model.get("parameters").asLong();
            }
        }
        throw new AssertionError("architectures.json has no model " + name);
    }
}
