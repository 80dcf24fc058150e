package org.e2dl4j.samples.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.e2dl4j.samples.data.ImageBatchIterator;
import org.e2dl4j.samples.data.ImageRotation;
import org.e2dl4j.samples.data.LabelledImages;
import org.e2dl4j.samples.data.MnistSplit;
import org.e2dl4j.samples.model.ConventionalCnnFactory;
import org.e2dl4j.samples.model.ModelSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

class RotationExperimentTest {

    private static final MnistSplit TINY = MnistSplit.embedded().first(400, 100);

    @Test
    void baselineOnATinyBudgetBeatsChanceAndItsSavedModelRestoresToIdenticalOutputs(@TempDir Path out) throws IOException {
        RotationExperiment experiment = new RotationExperiment(TINY,
                new RotationExperiment.Settings(1, 16, TrainingMode.UPRIGHT, 5, false));
        ModelSpec spec = new ModelSpec(experiment.imageSide(), experiment.classes(), 0.125, 5, 1e-2);

        ModelResult result = experiment.run(ConventionalCnnFactory.standard(), spec, out);

        double upright = result.accuracies().get(0);
        // 25 steps leave batch norm's running statistics rough, so inference accuracy is far below training
        // accuracy; it must still be well above chance (0.1).
        assertTrue(upright > 0.25, "upright accuracy after one epoch on 400 digits should be well above chance (0.1), got " + upright);
        MultiLayerNetwork restored = ModelSerializer.restoreMultiLayerNetwork(result.savedModel().toFile());
        INDArray digits = ImageBatchIterator.ordered(experiment.testSets().get(0).images(), 100).next().getFeatures();
        assertArrayEquals(result.network().output(digits).ravel().toFloatVector(), restored.output(digits).ravel().toFloatVector(), 0f,
                "class probabilities of the trained and the restored " + result.model() + " on 100 test digits");
    }

    @Test
    void testSetsAreTheTestDigitsPaddedTo29AndTurned() {
        RotationExperiment experiment = new RotationExperiment(TINY,
                new RotationExperiment.Settings(1, 32, TrainingMode.UPRIGHT, 5, false));
        List<NamedImages> sets = experiment.testSets();
        LabelledImages upright = sets.get(0).images();

        assertEquals(List.of("upright", "90 deg", "180 deg", "270 deg", "random angle"), experiment.testSetNames(), "test set names");
        assertEquals(29, experiment.imageSide(), "side of the padded digits");
        assertArrayEquals(TINY.test().image(0), cropTo28(upright.image(0)), "first test digit inside the padding");
        for (int k = 1; k <= 3; k++) {
            assertArrayEquals(ImageRotation.quarterTurns(k).apply(upright.image(3), 29), sets.get(k).images().image(3),
                    "digit 3 of the " + sets.get(k).name() + " set");
        }
    }

    @Test
    void rotatedModeTurnsTheTrainingDigitsAndKeepsTheirLabels() {
        RotationExperiment upright = new RotationExperiment(TINY, new RotationExperiment.Settings(1, 32, TrainingMode.UPRIGHT, 5, false));
        RotationExperiment rotated = new RotationExperiment(TINY, new RotationExperiment.Settings(1, 32, TrainingMode.ROTATED, 5, false));

        for (int i = 0; i < 5; i++) {
            assertEquals(upright.training().label(i), rotated.training().label(i), "label of training digit " + i);
            assertNotEquals(Arrays.toString(upright.training().image(i)), Arrays.toString(rotated.training().image(i)),
                    "training digit " + i + " in upright vs rotated mode");
        }
    }

    private static float[] cropTo28(float[] padded) {
        float[] cropped = new float[28 * 28];
        for (int r = 0; r < 28; r++) {
            System.arraycopy(padded, r * 29, cropped, r * 28, 28);
        }
        return cropped;
    }
}
