package org.e2dl4j.samples.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;

import org.junit.jupiter.api.Test;

class ImageRotationTest {

    @Test
    void oneQuarterTurnOfThreeByThreeIsCounterClockwiseAsDisplayed() {
        float[] image = {
            1, 2, 3,
            4, 5, 6,
            7, 8, 9};
        // Turned counter-clockwise as displayed: the right column becomes the top row, the top-centre
        // pixel (2) goes to the left-centre, the top-right corner (3) to the top-left.
        float[] expected = {
            3, 6, 9,
            2, 5, 8,
            1, 4, 7};

        assertArrayEquals(expected, ImageRotation.quarterTurns(1).apply(image, 3), "one quarter turn of the 3x3 image 1..9");
    }

    @Test
    void fourQuarterTurnsAreTheIdentity() {
        for (int side : new int[] {28, 29}) {
            float[] image = randomImage(side, 1);
            float[] turned = image;
            for (int k = 0; k < 4; k++) {
                turned = ImageRotation.quarterTurns(1).apply(turned, side);
            }
            assertArrayEquals(image, turned, "four quarter turns of a random " + side + "x" + side + " image");
        }
    }

    @Test
    void kQuarterTurnsAreOneTurnAppliedKTimes() {
        float[] image = randomImage(29, 2);
        float[] stepwise = image;
        for (int k = 0; k < 8; k++) {
            assertArrayEquals(stepwise, ImageRotation.quarterTurns(k).apply(image, 29), k + " quarter turns at once vs one by one");
            stepwise = ImageRotation.quarterTurns(1).apply(stepwise, 29);
        }
        assertArrayEquals(ImageRotation.quarterTurns(3).apply(image, 29), ImageRotation.quarterTurns(-1).apply(image, 29),
                "-1 quarter turn vs 3 quarter turns");
    }

    @Test
    void bilinearRotationByQuarterTurnsMatchesTheExactPermutation() {
        for (int side : new int[] {28, 29}) {
            float[] image = randomImage(side, 3);
            for (int k = 0; k < 4; k++) {
                float[] exact = ImageRotation.quarterTurns(k).apply(image, side);
                float[] bilinear = ImageRotation.byAngle(k * Math.PI / 2).apply(image, side);
                assertArrayEquals(exact, bilinear, 1e-5f, "bilinear vs exact rotation by " + (90 * k) + " degrees, side " + side);
            }
        }
    }

    @Test
    void bilinearRotationTurnsABlobCounterClockwiseAboutTheCentre() {
        int side = 29;
        double centre = 14;
        float[] blob = new float[side * side];
        // a Gaussian blob 6 pixels right of the centre (x = 6, y = 0 with y up)
        for (int r = 0; r < side; r++) {
            for (int c = 0; c < side; c++) {
                double dx = c - (centre + 6);
                double dy = r - centre;
                blob[r * side + c] = (float) Math.exp(-(dx * dx + dy * dy) / 2.0);
            }
        }
        double angle = Math.toRadians(30);

        float[] turned = ImageRotation.byAngle(angle).apply(blob, side);

        double mass = 0;
        double x = 0;
        double y = 0;
        for (int r = 0; r < side; r++) {
            for (int c = 0; c < side; c++) {
                float v = turned[r * side + c];
                mass += v;
                x += v * (c - centre);
                y += v * (centre - r);
            }
        }
        assertEquals(6 * Math.cos(angle), x / mass, 0.05, "x of the blob's centroid after 30 degrees (y up)");
        assertEquals(6 * Math.sin(angle), y / mass, 0.05, "y of the blob's centroid after 30 degrees: above the centre row");
    }

    @Test
    void wrongImageSizeIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ImageRotation.quarterTurns(1).apply(new float[10], 3));
        assertEquals("image rotation: expected a square image of 3 x 3 = 9 pixels, got 10", e.getMessage());
    }

    private static float[] randomImage(int side, long seed) {
        Random random = new Random(seed);
        float[] image = new float[side * side];
        for (int i = 0; i < image.length; i++) {
            image[i] = random.nextFloat();
        }
        return image;
    }
}
