package org.e2dl4j.samples.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class LabelledImagesTest {

    private static final LabelledImages TWO_IMAGES = LabelledImages.of(2, 2, 10,
            new float[] {0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f, 0.7f, 0.8f}, new int[] {3, 9});

    @Test
    void paddingAddsZeroRowsAtTheBottomAndZeroColumnsOnTheRight() {
        LabelledImages padded = TWO_IMAGES.paddedBottomRight(1, 1);

        assertEquals(3, padded.height(), "padded height");
        assertArrayEquals(new float[] {0.5f, 0.6f, 0f, 0.7f, 0.8f, 0f, 0f, 0f, 0f}, padded.image(1), "second image padded to 3x3");
        assertEquals(9, padded.label(1), "label kept by padding");
    }

    @Test
    void randomRotationsAreReproducibleFromTheSeedAndDifferAcrossSeeds() {
        LabelledImages digits = MnistSplit.embedded().test().first(20).paddedBottomRight(1, 1);

        LabelledImages first = digits.rotatedRandomly(7);
        LabelledImages again = digits.rotatedRandomly(7);
        LabelledImages other = digits.rotatedRandomly(8);

        for (int i = 0; i < digits.count(); i++) {
            assertArrayEquals(first.image(i), again.image(i), "digit " + i + " rotated twice with seed 7");
            assertEquals(digits.label(i), first.label(i), "label of digit " + i + " after rotation");
        }
        assertNotEquals(Arrays.toString(first.image(0)), Arrays.toString(other.image(0)), "digit 0 with seeds 7 and 8");
    }

    @Test
    void labelOutsideTheClassesIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LabelledImages.of(1, 1, 10, new float[] {0f}, new int[] {10}));
        assertTrue(e.getMessage().contains("[0, 10)") && e.getMessage().contains("got 10"), "message, got: " + e.getMessage());
    }

    @Test
    void intensityOutsideUnitIntervalIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LabelledImages.of(1, 1, 10, new float[] {255f}, new int[] {1}));
        assertTrue(e.getMessage().contains("[0, 1]"), "message, got: " + e.getMessage());
    }
}
