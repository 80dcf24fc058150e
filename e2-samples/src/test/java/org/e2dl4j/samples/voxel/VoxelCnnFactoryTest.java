package org.e2dl4j.samples.voxel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;

/** The conventional baseline: its parameter count by hand, the matching by bisection, and that it learns upright. */
class VoxelCnnFactoryTest {

    @Test
    void parameterCountAsCountedByHand() {
        VoxelModelSpec spec = new VoxelModelSpec(16, 8, 1, 1, 0.005);
        VoxelCnnFactory cnn = VoxelCnnFactory.standard();
        assertArrayEquals(new int[] {12, 24, 24}, cnn.channels(spec));
        // 3^3 weights per channel pair plus a bias per channel; dense 24 -> 32 and output 32 -> 8 with biases
        long byHand = (27 * 12 + 12) + (27 * 12 * 24 + 24) + (27 * 24 * 24 + 24) + (24 * 32 + 32) + (32 * 8 + 8);
        assertEquals(byHand, cnn.parameterCount(spec));
        assertEquals(byHand, cnn.create(spec).numParams());
    }

    @Test
    void matchingFindsTheClosestCount() {
        VoxelModelSpec spec = new VoxelModelSpec(16, 8, 1, 1, 0.005);
        long target = 40_000;
        VoxelCnnFactory matched = VoxelCnnFactory.matchingParameterCount(spec, target);
        long count = matched.parameterCount(spec);
        assertTrue(Math.abs(count - target) < 0.03 * target, "matched count " + count + " for target " + target);
    }

    @Test
    void theBaselineLearnsUprightPieces() {
        TetrisData data = new TetrisData(new TetrisData.Settings(new Voxelizer(12, 2, 1), 0.5, 4, 2, 1, 3));
        VoxelModelSpec spec = new VoxelModelSpec(12, 8, 1, 3, 0.01);
        MultiLayerNetwork network = VoxelCnnFactory.standard().create(spec);
        VoxelSet training = data.training();
        VoxelSet upright = data.testSets().get(0);
        double before = network.evaluate(upright.batches(16)).accuracy();
        Random order = new Random(3);
        for (int epoch = 0; epoch < 10; epoch++) {
            network.fit(training.shuffledBatches(8, order));
        }
        double onTraining = network.evaluate(training.batches(16)).accuracy();
        double after = network.evaluate(upright.batches(16)).accuracy();
        assertTrue(onTraining >= 0.9, "accuracy on the training grids " + onTraining);
        assertTrue(after >= 0.8 && after >= before + 0.4, "upright test accuracy " + before + " before training, "
                + after + " after");
    }
}
