package org.e2dl4j.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.e2dl4j.samples.data.ImageBatchIterator;
import org.e2dl4j.samples.data.MnistSplit;
import org.e2dl4j.samples.train.NamedImages;
import org.e2dl4j.samples.train.RotationExperiment;
import org.e2dl4j.samples.train.TrainingMode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import picocli.CommandLine;

/**
 * The main job end to end on a tiny budget (one short epoch, small width): the command line trains, saves
 * and exports; the saved C8 model is invariant to quarter turns of the 29 x 29 digits (its C8 layers are
 * equivariant to them exactly on the grid, and group pooling makes the head see invariant features), and the
 * exported stock network computes the same probabilities.
 */
class MainJobPipelineTest {

    private static final int TEST_DIGITS = 16;
    private static final long SEED = 42;

    @TempDir
    static Path out;

    private static INDArray upright;
    private static INDArray quarterTurned;

    @BeforeAll
    static void runTheMainJobOnATinyBudget() {
        StringWriter console = new StringWriter();
        CommandLine cli = RotatedMnist.commandLine();
        cli.setOut(new PrintWriter(console));
        int code = cli.execute("--train-size", "32", "--test-size", String.valueOf(TEST_DIGITS), "--epochs", "1",
                "--batch-size", "32", "--width", "0.0625", "--seed", String.valueOf(SEED), "--no-progress",
                "--out", out.toString());
        assertEquals(0, code, "exit code of the tiny main job; console:\n" + console);

        // the same test digits the job evaluated, padded to 29 x 29: upright and turned by 90 degrees
        RotationExperiment experiment = new RotationExperiment(MnistSplit.embedded().first(32, TEST_DIGITS),
                new RotationExperiment.Settings(1, 32, TrainingMode.UPRIGHT, SEED, false));
        upright = features(experiment, "upright");
        quarterTurned = features(experiment, "90 deg");
    }

    @Test
    void c8ModelGivesTheSameClassProbabilitiesOnDigitsTurnedBy90Degrees() throws IOException {
        MultiLayerNetwork c8 = ModelSerializer.restoreMultiLayerNetwork(out.resolve("C8-steerable.zip").toFile());

        float[] onUpright = c8.output(upright).ravel().toFloatVector();
        float[] onTurned = c8.output(quarterTurned).ravel().toFloatVector();

        assertTrue(spread(onUpright) > 1e-3, "the trained C8 model's probabilities should vary over the digits, spread "
                + spread(onUpright));
        assertClose(onUpright, onTurned, 1e-4, 0, "C8 model: class probabilities on upright vs 90-degree-turned digits");
    }

    @Test
    void conventionalBaselineIsNotInvariantSoTheInvarianceCheckCanFail() throws IOException {
        MultiLayerNetwork cnn = ModelSerializer.restoreMultiLayerNetwork(out.resolve("CNN.zip").toFile());

        float[] onUpright = cnn.output(upright).ravel().toFloatVector();
        float[] onTurned = cnn.output(quarterTurned).ravel().toFloatVector();

        assertTrue(maxDifference(onUpright, onTurned) > 1e-3, "the conventional CNN's probabilities on upright vs "
                + "90-degree-turned digits should differ by more than 1e-3, largest difference "
                + maxDifference(onUpright, onTurned));
    }

    @Test
    void exportedC8ModelGivesTheTrainedModelsProbabilities() throws IOException {
        MultiLayerNetwork trained = ModelSerializer.restoreMultiLayerNetwork(out.resolve("C8-steerable.zip").toFile());
        MultiLayerNetwork exported = ModelSerializer.restoreMultiLayerNetwork(
                out.resolve("C8-steerable-standard.zip").toFile());

        for (int i = 0; i < exported.getnLayers(); i++) {
            String layerClass = exported.getLayerWiseConfigurations().getConf(i).getLayer().getClass().getName();
            assertTrue(layerClass.startsWith("org.deeplearning4j."), "exported layer " + i + " should be a stock DL4J layer, got "
                    + layerClass);
        }
        assertClose(trained.output(upright).ravel().toFloatVector(), exported.output(upright).ravel().toFloatVector(),
                1e-7, 1e-5, "class probabilities of the trained vs the exported C8 model on " + TEST_DIGITS + " digits");
    }

    private static INDArray features(RotationExperiment experiment, String set) {
        NamedImages images = experiment.testSets().stream().filter(s -> s.name().equals(set)).findFirst().orElseThrow();
        return ImageBatchIterator.ordered(images.images(), TEST_DIGITS).next().getFeatures();
    }

    private static void assertClose(float[] expected, float[] actual, double absolute, double relative, String what) {
        assertEquals(expected.length, actual.length, what + ": number of values");
        for (int i = 0; i < expected.length; i++) {
            double tolerance = absolute + relative * Math.abs(expected[i]);
            int finalI = i;
            assertTrue(Math.abs(expected[i] - actual[i]) <= tolerance, () -> what + ": digit " + finalI / 10 + ", class "
                    + finalI % 10 + ": expected " + expected[finalI] + ", got " + actual[finalI]);
        }
    }

    private static double maxDifference(float[] a, float[] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }

    private static double spread(float[] values) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (float v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return max - min;
    }
}
