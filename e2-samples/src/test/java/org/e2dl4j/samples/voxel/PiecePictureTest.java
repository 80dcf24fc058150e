package org.e2dl4j.samples.voxel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.hipparchus.geometry.euclidean.threed.Rotation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The picture: its size, and the line seen end-on along z as a 3 x 3 voxel square, along x as a 3 x 12 bar. */
class PiecePictureTest {

    @Test
    void theLineSeenAlongItsAxisIsASquareAndFromTheSideABar(@TempDir Path dir) throws Exception {
        int scale = 2;
        Voxelizer voxelizer = new Voxelizer(16, 3, 2);
        Path png = dir.resolve("line.png");
        new PiecePicture(voxelizer, scale).writePng(List.of(TetrisPieces.all().get(3)), List.of(Rotation.IDENTITY),
                List.of("upright"), png);
        BufferedImage image = ImageIO.read(Files.newInputStream(png));
        int cell = 16 * scale;
        assertEquals(90 + 3 * (cell + 6), image.getWidth());
        assertEquals(40 + (cell + 6), image.getHeight());

        assertEquals(9 * scale * scale, litPixels(image, 90, 40, cell), "the line seen along z (its axis)");
        assertEquals(36 * scale * scale, litPixels(image, 90 + 2 * (cell + 6), 40, cell), "the line seen along x");
    }

    private static int litPixels(BufferedImage image, int left, int top, int cell) {
        int lit = 0;
        for (int y = top; y < top + cell; y++) {
            for (int x = left; x < left + cell; x++) {
                lit += (image.getRGB(x, y) & 0xFFFFFF) != 0 ? 1 : 0;
            }
        }
        assertTrue(lit > 0, "some pixels should be lit");
        return lit;
    }
}
