package org.e2dl4j.notebooks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JShell runner runs cells as a kernel does, and fails loudly instead of skipping. */
class NotebookRunnerTest {

    @TempDir
    Path images;

    private NotebookRun run(String source) {
        return new NotebookRunner(NotebookRunner.currentClassPath(), images)
                .run(NotebookSource.parse("test-notebook", "---\nmaven: org.e2dl4j:e2-samples:0.1.0-SNAPSHOT\n---\n" + source));
    }

    private static String cells(String... code) {
        StringBuilder text = new StringBuilder();
        for (String cell : code) {
            text.append("Prose.\n```java\n").append(cell).append("\n```\n");
        }
        return text.toString();
    }

    @Test
    void cellsShareOneSessionAndShowPrintedTextThenTheValueOfTheFinalExpression() {
        NotebookRun run = run(cells(
                "int answer = 40;\nSystem.out.println(\"adding two\");\nanswer + 2",
                "String twoLines() {\n    return \"a\\n\\\"b\\\"\";\n}\ntwoLines()",
                "int declaredOnly = answer;"));
        assertTrue(run.complete(), "expected a complete run, got pending " + run.pending());
        assertEquals(List.of(new CellOutput.Stream("stdout", "adding two\n"), new CellOutput.Value("42")),
                run.outputs().get(0));
        assertEquals(List.of(new CellOutput.Value("a\n\"b\"")), run.outputs().get(1),
                "a String value is shown as its text, not as a Java literal");
        assertEquals(List.of(), run.outputs().get(2), "a declaration shows nothing, as in JJava");
    }

    @Test
    void anImageReturnedByDisplayImageAtTheEndOfACellIsItsOutputAndAPngFile() throws Exception {
        NotebookRun run = run(cells(
                "import java.awt.image.BufferedImage;\nimport org.e2dl4j.notebooks.Display;\n"
                        + "Display.image(new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB))"));
        CellOutput.Image image = (CellOutput.Image) run.outputs().get(0).get(0);
        assertEquals(3, image.width());
        assertEquals(2, image.height());
        Path file = images.resolve("test-notebook").resolve("cell-01");
        try (var files = Files.list(file)) {
            List<Path> pngs = files.toList();
            assertEquals(1, pngs.size(), "PNG files written for the cell: " + pngs);
            assertArrayEquals(Files.readAllBytes(pngs.get(0)), image.png());
        }
    }

    @Test
    void anImageThatIsNotTheFinalExpressionFailsBecauseAKernelWouldNotShowIt() {
        NotebookExecutionException e = assertThrows(NotebookExecutionException.class, () -> run(cells(
                "import java.awt.image.BufferedImage;\nimport org.e2dl4j.notebooks.Display;\n"
                        + "Display.image(new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB));\nint after = 1;")));
        assertTrue(e.getMessage().contains("code cell 1 of 1") && e.getMessage().contains("final expression"),
                e.getMessage());
    }

    @Test
    void aCompileErrorFailsTheRunNamingTheCellAndTheError() {
        NotebookExecutionException e = assertThrows(NotebookExecutionException.class,
                () -> run(cells("int fine = 1;", "int wrong = \"text\";")));
        assertTrue(e.getMessage().startsWith("test-notebook, code cell 2 of 2: does not compile"), e.getMessage());
        assertTrue(e.getMessage().contains("incompatible types"), e.getMessage());
    }

    @Test
    void anExceptionFailsTheRunNamingItsClass() {
        NotebookExecutionException e = assertThrows(NotebookExecutionException.class,
                () -> run(cells("Integer.parseInt(\"not a number\")")));
        assertTrue(e.getMessage().contains("threw java.lang.NumberFormatException"), e.getMessage());
    }

    @Test
    void aMethodCallingAnUndefinedMethodFailsInsteadOfWaitingForADefinition() {
        NotebookExecutionException e = assertThrows(NotebookExecutionException.class,
                () -> run(cells("void callsMissing() {\n    missing();\n}")));
        assertTrue(e.getMessage().contains("missing"), e.getMessage());
    }

    @Test
    void aCellImportingAnAbsentProjectClassStopsTheRunAsPendingOnThatClass() {
        NotebookRun run = run(cells("int before = 1;", "import org.e2dl4j.nn.NoSuchLayer;\nint after = 2;", "before"));
        assertEquals(Optional.of(new NotebookRun.Pending(2, "org.e2dl4j.nn.NoSuchLayer")), run.pending());
        assertEquals(1, run.outputs().size(), "only the cell before the pending one ran");
    }
}
