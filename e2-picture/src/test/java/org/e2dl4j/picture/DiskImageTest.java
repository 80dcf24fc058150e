package org.e2dl4j.picture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The input image: masked to the inscribed disk, turned about the centre pixel counter-clockwise as displayed. */
class DiskImageTest {

    private static final int SIDE = 5;

    private static DiskImage single(int row, int column) {
        float[] pixels = new float[SIDE * SIDE];
        pixels[row * SIDE + column] = 1f;
        return DiskImage.of(pixels, SIDE);
    }

    @Test
    void pixelsOutsideTheInscribedDiskAreZeroAndInsideAreKept() {
        float[] ones = new float[SIDE * SIDE];
        java.util.Arrays.fill(ones, 1f);
        DiskImage image = DiskImage.of(ones, SIDE);
        // radius 2 about (2, 2): the corners (distance sqrt 8) and (0, 1) (distance sqrt 5) are out, (0, 2) is in
        assertEquals(0f, image.pixel(0, 0), "corner (0, 0) of a 5 x 5 image");
        assertEquals(0f, image.pixel(0, 1), "pixel (0, 1), sqrt(5) from the centre, radius 2");
        assertEquals(1f, image.pixel(0, 2), "pixel (0, 2), on the rim");
        assertEquals(1f, image.pixel(1, 1), "pixel (1, 1), sqrt(2) from the centre");
    }

    @Test
    void aQuarterTurnMovesTheTopPixelToTheLeftOneExactly() {
        DiskImage turned = single(0, 2).rotated(Math.PI / 2);
        assertEquals(1f, turned.pixel(2, 0), "the top pixel turned counter-clockwise by 90 degrees lands on the left");
        float sum = 0;
        for (float v : turned.pixels()) {
            sum += v;
        }
        assertEquals(1f, sum, "a quarter turn permutes pixels: nothing is spread");
    }

    @Test
    void anEighthTurnResamplesLikeE2cnn() {
        // turned(p) = image(r_-45 p). Pixel (1, 1) is the point (-1, 1); r_-45 (-1, 1) = (0, sqrt 2), i.e. row
        // 2 - sqrt 2 = 0.586 of column 2, read off e2cnn's order-2 spline of the image: scipy 1.10's
        // ndimage.rotate(image, 45, reshape=False, order=2)[1, 1] = 0.45079082368866485 (bilinear would give
        // sqrt 2 - 1 = 0.414).
        DiskImage turned = single(0, 2).rotated(Math.PI / 4);
        assertEquals(0.45079082368866485, turned.pixel(1, 1), 1e-6, "pixel (1, 1) of the top pixel turned by 45 degrees");
        assertEquals(0f, turned.pixel(1, 0), "pixel (1, 0) is outside the disk (sqrt 5 > 2), masked");
    }

    @Test
    void evenOrTinyGridsAndWrongPixelCountsAreRejected() {
        IllegalArgumentException even = assertThrows(IllegalArgumentException.class,
                () -> DiskImage.of(new float[16], 4));
        assertTrue(even.getMessage().contains("odd") && even.getMessage().contains("4"), even.getMessage());
        IllegalArgumentException count = assertThrows(IllegalArgumentException.class,
                () -> DiskImage.of(new float[24], 5));
        assertTrue(count.getMessage().contains("25") && count.getMessage().contains("24"), count.getMessage());
    }
}
