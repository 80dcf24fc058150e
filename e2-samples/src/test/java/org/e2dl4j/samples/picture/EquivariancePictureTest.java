package org.e2dl4j.samples.picture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line writes the frames, the GIF and the errors, and refuses turns without quarter-turn frames. */
class EquivariancePictureTest {

    @TempDir
    Path out;

    @Test
    void writesOnePngPerFrameALoopingGifAndTheStabilizedErrors() throws Exception {
        int exit = new CommandLine(new EquivariancePicture()).execute("--out", out.toString(), "--frames", "4",
                "--seed", "3", "--size", "21");
        assertEquals(0, exit, "exit code");
        for (int i = 0; i < 4; i++) {
            Path png = out.resolve("frame-00" + i + ".png");
            BufferedImage frame = ImageIO.read(png.toFile());
            assertTrue(frame != null && frame.getWidth() > 3 * 21 && frame.getHeight() > 2 * 21,
                    "frame " + i + " should be a PNG showing six 21 x 21 panels, got " + frame);
            assertTrue(colours(frame) > 20, "frame " + i + " should show fields in many colours, got "
                    + colours(frame));
        }
        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(out.resolve("equivariance.gif").toFile())) {
            reader.setInput(in);
            assertEquals(4, reader.getNumImages(true), "frames in equivariance.gif");
        } finally {
            reader.dispose();
        }
        List<String> csv = Files.readAllLines(out.resolve("stabilized-errors.csv"));
        assertEquals("degrees,steerable,conventional", csv.get(0));
        assertEquals(5, csv.size(), "header and one line per frame: " + csv);
        assertTrue(csv.get(2).startsWith("90.0000,"), csv.get(2));
    }

    @Test
    void aFrameCountThatSkipsQuarterTurnsIsAUsageError() {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new EquivariancePicture());
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute("--out", out.toString(), "--frames", "6");
        assertEquals(2, exit, "picocli's usage-error exit code");
        assertTrue(err.toString().contains("--frames must be a positive multiple of 4"), err.toString());
    }

    private static int colours(BufferedImage image) {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                seen.add(image.getRGB(x, y));
            }
        }
        return seen.size();
    }
}
