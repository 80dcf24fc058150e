package org.e2dl4j.benchmarks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openjdk.jmh.annotations.Param;

class LayerCatalogTest {

    static Stream<LayerCase> cases() {
        return LayerCatalog.all().stream();
    }

    @Test
    void theBenchmarkMeasuresEveryCatalogCaseInCatalogOrder() throws NoSuchFieldException {
        Param param = LayerBenchmark.class.getField("layer").getAnnotation(Param.class);
        List<String> names = LayerCatalog.all().stream().map(LayerCase::name).toList();
        assertEquals(names, List.of(param.value()));
    }

    @Test
    void everyComparedLayerHasAnEarlierBaselineOfTheSameInputShape() {
        Map<String, LayerCase> seen = new HashMap<>();
        for (LayerCase c : LayerCatalog.all()) {
            c.baseline().ifPresent(b -> {
                assertTrue(seen.containsKey(b), c + ": baseline " + b);
                assertArrayEquals(seen.get(b).batch(), c.batch(), c + " vs " + b);
            });
            seen.put(c.name(), c);
        }
        assertTrue(seen.values().stream().anyMatch(c -> c.baseline().isPresent()));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void aTrainingStepGivesAnInputGradientOfTheInputShape(LayerCase c) {
        LayerStep step = new LayerStep(c, 3);
        assertArrayEquals(step.inputShape(), step.inputGradientShape(), c.toString());
        assertTrue(Double.isFinite(step.infer()), c.toString());
    }

    @Test
    void anUnknownNameIsRefusedWithTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LayerCatalog.named("R4Conv"));
        assertTrue(e.getMessage().contains("R4Conv") && e.getMessage().contains("InnerBatchNorm"), e.getMessage());
    }
}
