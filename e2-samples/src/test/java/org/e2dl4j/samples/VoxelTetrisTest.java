package org.e2dl4j.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The voxel sample's command end to end on a tiny budget, and its refusal of settings that cannot work. */
class VoxelTetrisTest {

    @Test
    void aTinyRunWritesTheTablePictureAndModels(@TempDir Path out) throws Exception {
        StringWriter console = new StringWriter();
        CommandLine cli = VoxelTetris.commandLine();
        cli.setOut(new PrintWriter(console));
        int code = cli.execute("--grid", "12", "--voxels-per-cube", "2", "--supersampling", "1", "--epochs", "1",
                "--train-per-piece", "1", "--test-per-piece", "1", "--random-per-piece", "1", "--width", "0.25",
                "--batch-size", "8", "--no-progress", "--out", out.toString());
        assertEquals(0, code, "exit code; console:\n" + console);

        List<String> csv = Files.readAllLines(out.resolve("accuracy.csv"));
        assertEquals("model,parameters,training_seconds,upright,24 rotations,random rotation", csv.get(0));
        assertTrue(csv.stream().anyMatch(line -> line.startsWith("CNN,")), "a CNN row in " + csv);
        assertTrue(Files.size(out.resolve("pieces.png")) > 1000, "pieces.png written");
        assertTrue(Files.exists(out.resolve("CNN.zip")), "CNN.zip written");
        assertTrue(console.toString().contains("24 rotations"), "the table printed:\n" + console);
    }

    @Test
    void aGridTooSmallForThePiecesEndsTheRunWithTheSideNeeded() {
        StringWriter errors = new StringWriter();
        CommandLine cli = VoxelTetris.commandLine();
        cli.setErr(new PrintWriter(errors));
        int code = cli.execute("--grid", "8", "--no-progress");
        assertEquals(2, code, "exit code of a usage error");
        assertTrue(errors.toString().contains("outside a grid of side 8") && errors.toString().contains("at least 16"),
                errors.toString());
    }
}
