package org.e2dl4j.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine;

/**
 * The voxel sample's command end to end on a tiny budget: the table, the picture, the saved models, the steerable
 * model's equal accuracy upright and at the 24 rotations, its export to stock layers computing the same; and the
 * refusal of settings that cannot work.
 */
class VoxelTetrisTest {

    @Test
    void aTinyRunWritesTheTablePictureAndModels(@TempDir Path out) throws Exception {
        StringWriter console = new StringWriter();
        CommandLine cli = VoxelTetris.commandLine();
        cli.setOut(new PrintWriter(console));
        int code = cli.execute("--grid", "8", "--voxels-per-cube", "1", "--supersampling", "1", "--epochs", "1",
                "--train-per-piece", "1", "--test-per-piece", "1", "--random-per-piece", "1", "--width", "0.25",
                "--batch-size", "8", "--no-progress", "--out", out.toString());
        assertEquals(0, code, "exit code; console:\n" + console);

        List<String> csv = Files.readAllLines(out.resolve("accuracy.csv"));
        assertEquals("model,parameters,training_seconds,upright,24 rotations,random rotation", csv.get(0));
        assertEquals(3, csv.size(), "two models in " + csv);
        String[] steerable = csv.get(1).split(",");
        assertEquals("octa-steerable", steerable[0]);
        assertTrue(csv.get(2).startsWith("CNN,"), "the CNN's row: " + csv.get(2));
        // invariant to the 24 rotations, the steerable model is as accurate on the turned grids as upright
        assertEquals(Double.parseDouble(steerable[3]), Double.parseDouble(steerable[4]), 1e-9, "octa-steerable: upright "
                + "vs 24 rotations");
        assertTrue(Files.size(out.resolve("pieces.png")) > 1000, "pieces.png written");
        assertTrue(console.toString().contains("24 rotations"), "the table printed:\n" + console);

        MultiLayerNetwork trained = ModelSerializer.restoreMultiLayerNetwork(out.resolve("octa-steerable.zip").toFile());
        MultiLayerNetwork exported = ModelSerializer.restoreMultiLayerNetwork(
                out.resolve("octa-steerable-standard.zip").toFile());
        for (int i = 0; i < exported.getnLayers(); i++) {
            String layerClass = exported.getLayerWiseConfigurations().getConf(i).getLayer().getClass().getName();
            assertTrue(layerClass.startsWith("org.deeplearning4j."), "exported layer " + i + " is " + layerClass);
        }
        INDArray grids = Nd4j.rand(DataType.FLOAT, 3, 1, 8, 8, 8);
        float[] expected = trained.output(grids).ravel().toFloatVector();
        float[] actual = exported.output(grids).ravel().toFloatVector();
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-6 + 1e-5 * Math.abs(expected[i]), "exported model, probability " + i);
        }
        assertTrue(Files.exists(out.resolve("CNN.zip")), "CNN.zip written");
    }

    @Test
    void aGridTooSmallForThePiecesEndsTheRunWithTheSideNeeded() {
        StringWriter errors = new StringWriter();
        CommandLine cli = VoxelTetris.commandLine();
        cli.setErr(new PrintWriter(errors));
        int code = cli.execute("--grid", "12", "--no-progress");
        assertEquals(2, code, "exit code of a usage error");
        assertTrue(errors.toString().contains("outside a grid of side 12") && errors.toString().contains("at least 16"),
                errors.toString());
    }

    @Test
    void anUnknownGroupEndsTheRunNamingTheChoices() {
        StringWriter errors = new StringWriter();
        CommandLine cli = VoxelTetris.commandLine();
        cli.setErr(new PrintWriter(errors));
        int code = cli.execute("--group", "ico", "--no-progress");
        assertEquals(2, code, "exit code of a usage error");
        assertTrue(errors.toString().contains("--group must be octa or full-octa, got ico"), errors.toString());
    }
}
