package org.e2dl4j.samples.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MnistSplitTest {

    @Test
    void embeddedSubsetHasFourHundredTrainingAndOneHundredTestDigitsOfEachClass() {
        MnistSplit split = MnistSplit.embedded();

        assertEquals(4000, split.train().count(), "embedded training digits");
        assertEquals(1000, split.test().count(), "embedded test digits");
        assertEquals(28, split.train().height(), "embedded image height");
        assertEquals(28, split.train().width(), "embedded image width");
        assertArrayEquals(constant(10, 400), classCounts(split.train()), "training digits per class 0..9");
        assertArrayEquals(constant(10, 100), classCounts(split.test()), "test digits per class 0..9");
    }

    @Test
    void embeddedDigitsLookLikeMnist() {
        LabelledImages train = MnistSplit.embedded().train();
        double sum = 0;
        float max = 0;
        for (int i = 0; i < train.count(); i++) {
            for (float p : train.image(i)) {
                sum += p;
                max = Math.max(max, p);
            }
        }
        double mean = sum / (train.count() * 28.0 * 28.0);
        // MNIST's published mean intensity is 0.1307 (on [0, 1]); a subset of 4,000 digits lies near it.
        assertEquals(0.1307, mean, 0.01, "mean intensity of the embedded training digits");
        assertEquals(1f, max, "brightest pixel (byte 255 scaled to 1)");
        assertEquals(0f, train.image(0)[0], "top-left corner of the first digit (MNIST digits have empty borders)");
    }

    @Test
    void directoryWithPlainAndGzipFilesIsRead(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve("train-images-idx3-ubyte"), IdxExamples.TWO_BY_TWO_BY_THREE);
        Files.write(dir.resolve("train-labels-idx1-ubyte.gz"), IdxExamples.gzip(IdxExamples.TWO_LABELS));
        Files.write(dir.resolve("t10k-images-idx3-ubyte.gz"), IdxExamples.gzip(IdxExamples.TWO_BY_TWO_BY_THREE));
        Files.write(dir.resolve("t10k-labels-idx1-ubyte"), IdxExamples.TWO_LABELS);

        MnistSplit split = MnistSplit.fromDirectory(dir);

        assertEquals(2, split.train().count(), "training images in the hand-made directory");
        assertEquals(2, split.train().height(), "image height of the hand-made files");
        assertEquals(3, split.train().width(), "image width of the hand-made files");
        assertEquals(7, split.train().label(0), "first training label");
        assertEquals(0, split.test().label(1), "second test label");
        assertEquals(255f / 255f, split.test().image(1)[5], "last pixel of the second image (byte 255)");
        assertEquals(128f / 255f, split.test().image(1)[4], 1e-7, "pixel with byte 128");
        assertEquals(10, split.train().classes(), "classes of an MNIST-format set with labels below 10");
    }

    @Test
    void missingFileIsNamedInTheError(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve("train-images-idx3-ubyte"), IdxExamples.TWO_BY_TWO_BY_THREE);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MnistSplit.fromDirectory(dir));
        assertTrue(e.getMessage().contains("train-labels-idx1-ubyte"), "message should name the missing file, got: " + e.getMessage());
    }

    private static int[] classCounts(LabelledImages images) {
        int[] counts = new int[images.classes()];
        for (int i = 0; i < images.count(); i++) {
            counts[images.label(i)]++;
        }
        return counts;
    }

    private static int[] constant(int length, int value) {
        int[] array = new int[length];
        java.util.Arrays.fill(array, value);
        return array;
    }
}
