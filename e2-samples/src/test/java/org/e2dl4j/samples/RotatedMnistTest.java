package org.e2dl4j.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RotatedMnistTest {

    @Test
    void helpListsEveryOptionAndExitsWithZero() {
        StringWriter out = new StringWriter();
        CommandLine cli = RotatedMnist.commandLine();
        cli.setOut(new PrintWriter(out));

        int code = cli.execute("--help");

        assertEquals(0, code, "exit code of --help");
        for (String option : List.of("--epochs", "--train-size", "--width", "--data", "--mode", "--seed", "--out", "--dl4j-mnist")) {
            assertTrue(out.toString().contains(option), "help should list " + option + ", got:\n" + out);
        }
    }

    @Test
    void conflictingDataSourcesAreAUsageError(@TempDir Path dir) {
        StringWriter err = new StringWriter();
        CommandLine cli = RotatedMnist.commandLine();
        cli.setErr(new PrintWriter(err));

        int code = cli.execute("--data", dir.toString(), "--dl4j-mnist");

        assertEquals(2, code, "exit code of a usage error");
        assertTrue(err.toString().contains("--data and --dl4j-mnist exclude each other"), "error output, got:\n" + err);
    }

    @Test
    void dataDirectoryWithoutIdxFilesEndsWithAMessageNamingTheMissingFile(@TempDir Path dir) {
        StringWriter err = new StringWriter();
        CommandLine cli = RotatedMnist.commandLine();
        cli.setErr(new PrintWriter(err));

        int code = cli.execute("--data", dir.toString(), "--out", dir.resolve("out").toString());

        assertEquals(1, code, "exit code for a directory without IDX files");
        assertTrue(err.toString().contains("train-images-idx3-ubyte"), "error output should name the missing file, got:\n" + err);
    }

    @Test
    void tinyRunWritesTableChartAndModel(@TempDir Path out) throws IOException {
        StringWriter console = new StringWriter();
        CommandLine cli = RotatedMnist.commandLine();
        cli.setOut(new PrintWriter(console));

        int code = cli.execute("--train-size", "32", "--test-size", "32", "--epochs", "1", "--batch-size", "32",
                "--width", "0.125", "--mode", "ROTATED", "--no-progress", "--out", out.toString());

        assertEquals(0, code, "exit code of a tiny run; console:\n" + console);
        List<String> csv = Files.readAllLines(out.resolve("accuracy.csv"));
        assertEquals("model,parameters,training_seconds,upright,90 deg,180 deg,270 deg,random angle", csv.get(0), "CSV header");
        assertEquals(3, csv.size(), "CSV lines (header, C8 model, baseline)");
        BufferedImage chart = ImageIO.read(out.resolve("accuracy.png").toFile());
        assertNotNull(chart, "accuracy.png should be a readable PNG");
        assertEquals(900, chart.getWidth(), "chart width");
        for (String file : List.of("CNN.zip", "C8-steerable.zip", "C8-steerable-standard.zip")) {
            assertTrue(Files.size(out.resolve(file)) > 0, "saved model " + file);
        }
        assertTrue(console.toString().contains("CNN test error on randomly rotated digits"), "rotated-mode report, got:\n" + console);
    }
}
