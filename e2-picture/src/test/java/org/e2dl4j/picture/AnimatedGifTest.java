package org.e2dl4j.picture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The GIF reads back with every frame, its colours, its delay and the loop-forever extension. */
class AnimatedGifTest {

    private static final String FORMAT = "javax_imageio_gif_image_1.0";

    @TempDir
    Path folder;

    private static BufferedImage filled(Color colour) {
        BufferedImage image = new BufferedImage(6, 4, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 6; x++) {
                image.setRGB(x, y, colour.getRGB());
            }
        }
        return image;
    }

    @Test
    void framesDelayAndLoopingReadBack() throws Exception {
        Path file = folder.resolve("three.gif");
        List<Color> colours = List.of(Color.RED, Color.GREEN, Color.BLUE);
        AnimatedGif.write(colours.stream().map(AnimatedGifTest::filled).toList(), 200, file);
        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            reader.setInput(in);
            assertEquals(3, reader.getNumImages(true), "frames in the GIF");
            for (int i = 0; i < 3; i++) {
                assertEquals(colours.get(i).getRGB(), reader.read(i).getRGB(2, 1), "colour of frame " + i);
                IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(i).getAsTree(FORMAT);
                IIOMetadataNode control = (IIOMetadataNode) root.getElementsByTagName("GraphicControlExtension").item(0);
                assertEquals("20", control.getAttribute("delayTime"), "delay of frame " + i + " in 1/100 s");
            }
            IIOMetadataNode first = (IIOMetadataNode) reader.getImageMetadata(0).getAsTree(FORMAT);
            IIOMetadataNode application = (IIOMetadataNode) first.getElementsByTagName("ApplicationExtension").item(0);
            assertNotNull(application, "the first frame carries the NETSCAPE2.0 looping extension");
            assertEquals("NETSCAPE", application.getAttribute("applicationID"));
            byte[] loop = (byte[]) application.getUserObject();
            assertEquals(0, (loop[1] & 0xff) | (loop[2] & 0xff) << 8, "loop count 0: forever");
        } finally {
            reader.dispose();
        }
    }

    @Test
    void noFramesOrAnImpossibleDelayIsRejected() {
        Path file = folder.resolve("bad.gif");
        assertThrows(IllegalArgumentException.class, () -> AnimatedGif.write(List.of(), 100, file));
        assertThrows(IllegalArgumentException.class, () -> AnimatedGif.write(List.of(filled(Color.RED)), 5, file));
    }
}
