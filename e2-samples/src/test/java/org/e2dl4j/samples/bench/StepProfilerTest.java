package org.e2dl4j.samples.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

class StepProfilerTest {

    /** Width 0.05: 1, 2, 2, 5, 5, 3 regular C8 fields, so a step takes milliseconds. */
    private static final double TINY = 0.05;

    @Test
    void oneRowPerLayerWithNonNegativePartsThatFitInTheStep() {
        MultiLayerNetwork network = BenchmarkNetworks.c8(TINY);

        StepProfile profile = StepProfiler.profile(network, RandomBatch.of(2), 0, 2);

        List<String> names = new ArrayList<>();
        for (StepProfile.LayerRow row : profile.rows()) {
            names.add(row.name());
            assertTrue(row.forwardMs() > 0, row.name() + " was timed in the forward pass, got " + row.forwardMs());
            assertTrue(row.backwardMs() > 0, row.name() + " was timed in the backward pass, got " + row.backwardMs());
        }
        assertEquals(List.of("mask", "r2conv0", "bn0", "relu0", "r2conv1", "bn1", "relu1", "pool1", "r2conv2", "bn2",
                "relu2", "r2conv3", "bn3", "relu3", "pool3", "r2conv4", "bn4", "relu4", "r2conv5", "bn5", "relu5",
                "pool5", "gpool", "fc1", "bn-fc1", "elu", "fc2"), names, "one row per layer, in the network's order");
        assertEquals(network.getnLayers(), profile.rows().size(), "rows");
        assertEquals("R2Conv", profile.rows().get(1).kind(), "kind of r2conv0");

        assertEquals(2, profile.samples().size(), "timed steps");
        for (StepProfile.Sample sample : profile.samples()) {
            assertTrue(sample.updaterNanos() > 0, "the update was timed");
            assertTrue(sample.restNanos() >= 0, "layers " + sample.layerNanos() + " ns + update " + sample.updaterNanos()
                    + " ns fit in the step of " + sample.stepNanos() + " ns");
        }
        assertTrue(profile.restMs() >= 0 && profile.updaterMs() > 0 && profile.stepMs() > 0, "medians");

        String[] lines = profile.table().split("\n");
        assertEquals(2 + network.getnLayers() + 4, lines.length, "header, layers, sum, update, rest, step:\n" + profile.table());
        assertTrue(lines[2].startsWith("| mask | MaskModule | "), lines[2]);
        assertTrue(lines[lines.length - 1].startsWith("| step | median |  |  | ") && lines[lines.length - 1].endsWith("| 100.0% |"),
                lines[lines.length - 1]);
    }

    @Test
    void profiledStepsTrainTheNetworkExactlyAsFitDoesAndLeaveItAsItWas() {
        MultiLayerNetwork profiled = BenchmarkNetworks.c8(TINY);
        MultiLayerNetwork plain = BenchmarkNetworks.c8(TINY);
        INDArray initial = plain.params().dup();
        assertTrue(initial.equalsWithEps(profiled.params(), 0), "same seed, same initial parameters");
        Layer[] layers = profiled.getLayers().clone();
        DataSet batch = RandomBatch.of(2);

        StepProfiler.profile(profiled, batch, 1, 1);
        plain.fit(batch);
        plain.fit(batch);

        assertFalse(plain.params().equalsWithEps(initial, 1e-6), "two steps changed the parameters");
        assertTrue(plain.params().equalsWithEps(profiled.params(), 1e-6), "parameters after two profiled and two plain steps");
        assertTrue(plain.getUpdater().getStateViewArray().equalsWithEps(profiled.getUpdater().getStateViewArray(), 1e-6),
                "Adam's moments after two profiled and two plain steps");
        for (int i = 0; i < layers.length; i++) {
            assertTrue(layers[i] == profiled.getLayers()[i], "layer " + i + " is the network's own again");
        }
        assertTrue(profiled.getListeners().isEmpty(), "no listener left behind");
    }
}
