package org.e2dl4j.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * The notebooks under {@code notebooks/} run and cannot drift from their sources: every code cell of every
 * notebook runs in order in JShell with this module's test class path (as the JJava kernel would run it), and
 * the committed {@code .ipynb} / {@code .zpln} files equal what the generator writes from the source, outputs
 * included up to the digits of numbers.
 *
 * <p>A notebook whose cells import a project class that is not on the class path yet runs up to that cell and
 * is then reported as aborted (pending) with the missing class's name; only the outputs of the cells that ran
 * are compared then. With
 * {@code -Dnotebooks.regenerate=true} the run also rewrites the committed files.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NotebooksTest {

    private static final Path ROOT = NotebookGenerator.repositoryRoot(Path.of(""));
    private static final boolean REGENERATE = Boolean.getBoolean("notebooks.regenerate");
    private static final String REGENERATE_COMMAND = "mvn -B -q -pl notebooks -am test -Dtest=NotebooksTest"
            + " -Dsurefire.failIfNoSpecifiedTests=false -Dnotebooks.regenerate=true";
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");

    static Stream<Named<Notebook>> notebooks() throws IOException {
        return NotebookGenerator.sources(ROOT).stream().map(notebook -> Named.of(notebook.name(), notebook));
    }

    @Order(1)
    @ParameterizedTest(name = "{0}")
    @MethodSource("notebooks")
    void everyCodeCellRunsInOrderAndTheCommittedOutputsAreThoseOfTheRun(Notebook notebook) throws IOException {
        NotebookRunner runner = new NotebookRunner(NotebookRunner.currentClassPath(),
                ROOT.resolve(NotebookGenerator.IMAGE_FOLDER));
        NotebookRun run = runner.run(notebook);
        if (REGENERATE) {
            NotebookGenerator.write(ROOT, run);
        }
        int total = notebook.codeCells().size();
        int ran = run.outputs().size();
        Path jupyter = NotebookGenerator.jupyterFile(ROOT, notebook);
        assertEquals(jupyterOutputs(JupyterFormat.write(run)).subList(0, ran),
                firstCells(jupyterOutputs(read(jupyter)), ran, jupyter),
                jupyter + ": the committed outputs (numbers masked) of cells 1-" + ran
                        + " differ from this run's; regenerate: " + REGENERATE_COMMAND);
        Path zeppelin = NotebookGenerator.zeppelinFile(ROOT, notebook);
        assertEquals(zeppelinOutputs(ZeppelinFormat.write(run)).subList(0, ran),
                firstCells(zeppelinOutputs(read(zeppelin)), ran, zeppelin),
                zeppelin + ": the committed results (numbers masked) of cells 1-" + ran
                        + " differ from this run's; regenerate: " + REGENERATE_COMMAND);
        run.pending().ifPresent(p -> assumeTrue(false, () -> notebook.name() + " is pending: code cell " + p.cell()
                + " of " + total + " imports " + p.missingClass() + ", which is not on the class path yet; "
                + (p.cell() == 1 ? "no cell ran" : "cells 1-" + (p.cell() - 1) + " ran without error")
                + ", cells " + p.cell() + "-" + total + " did not run"));
    }

    @Order(2)
    @ParameterizedTest(name = "{0}")
    @MethodSource("notebooks")
    void committedJupyterNotebookHoldsExactlyTheSourcesCells(Notebook notebook) throws IOException {
        Path file = NotebookGenerator.jupyterFile(ROOT, notebook);
        ObjectNode committed = (ObjectNode) NotebookJson.read(read(file));
        for (JsonNode cell : committed.get("cells")) {
            if (cell.get("cell_type").asText().equals("code")) {
                ((ObjectNode) cell).putNull("execution_count");
                ((ObjectNode) cell).putArray("outputs");
            }
        }
        assertSameText(JupyterFormat.write(notebook), NotebookJson.jupyter(committed), file);
    }

    @Order(2)
    @ParameterizedTest(name = "{0}")
    @MethodSource("notebooks")
    void committedZeppelinNoteHoldsExactlyTheSourcesCells(Notebook notebook) throws IOException {
        Path file = NotebookGenerator.zeppelinFile(ROOT, notebook);
        ObjectNode committed = (ObjectNode) NotebookJson.read(read(file));
        for (JsonNode paragraph : committed.get("paragraphs")) {
            ((ObjectNode) paragraph).remove("results");
            ((ObjectNode) paragraph).put("status", "READY");
        }
        assertSameText(ZeppelinFormat.write(notebook), NotebookJson.zeppelin(committed), file);
    }

    @Order(2)
    @ParameterizedTest(name = "{0}")
    @MethodSource("notebooks")
    void mavenDependenciesAreModulesOfThisBuildAtItsVersion(Notebook notebook) throws Exception {
        Document parent = pom(ROOT.resolve("pom.xml"));
        String version = text(parent, "version");
        List<String> modules = new ArrayList<>();
        NodeList names = parent.getElementsByTagName("module");
        for (int i = 0; i < names.getLength(); i++) {
            String module = names.item(i).getTextContent().trim();
            modules.add(text(pom(ROOT.resolve(module).resolve("pom.xml")), "artifactId"));
        }
        assertTrue(!notebook.maven().isEmpty(), notebook.name() + ": the front matter names no Maven dependency");
        for (String coordinates : notebook.maven()) {
            String[] parts = coordinates.split(":");
            assertEquals("org.e2dl4j", parts[0], notebook.name() + ": group of " + coordinates);
            assertTrue(modules.contains(parts[1]), notebook.name() + ": " + parts[1] + " is not a module of this build "
                    + modules);
            assertEquals(version, parts[2], notebook.name() + ": version of " + coordinates + " vs the build's");
        }
    }

    @Test
    void everyNotebookSourceHasBothCommittedFormats() throws IOException {
        for (Notebook notebook : NotebookGenerator.sources(ROOT)) {
            assertTrue(Files.isRegularFile(NotebookGenerator.jupyterFile(ROOT, notebook)),
                    "missing " + NotebookGenerator.jupyterFile(ROOT, notebook) + "; generate it: " + REGENERATE_COMMAND);
            assertTrue(Files.isRegularFile(NotebookGenerator.zeppelinFile(ROOT, notebook)),
                    "missing " + NotebookGenerator.zeppelinFile(ROOT, notebook) + "; generate it: " + REGENERATE_COMMAND);
        }
    }

    private static List<List<String>> firstCells(List<List<String>> cells, int n, Path file) {
        if (cells.size() < n) {
            fail(file + " has " + cells.size() + " code cells, the source at least " + n + "; regenerate: "
                    + REGENERATE_COMMAND);
        }
        return cells.subList(0, n);
    }

    private static String read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            fail("missing " + file + "; generate it: " + REGENERATE_COMMAND);
        }
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private static void assertSameText(String expected, String committed, Path file) {
        if (expected.equals(committed)) {
            return;
        }
        List<String> want = expected.lines().toList();
        List<String> got = committed.lines().toList();
        int line = 0;
        while (line < Math.min(want.size(), got.size()) && want.get(line).equals(got.get(line))) {
            line++;
        }
        fail(file + " is out of date with its source (outputs aside), first difference at line " + (line + 1)
                + ":\n  expected: " + (line < want.size() ? want.get(line).strip() : "(end of file)")
                + "\n  committed: " + (line < got.size() ? got.get(line).strip() : "(end of file)")
                + "\nregenerate: " + REGENERATE_COMMAND);
    }

    /** Outputs of code cells 1..n (the set-up cell left out), numbers masked and images reduced to their size. */
    private static List<List<String>> jupyterOutputs(String json) {
        List<List<String>> cells = new ArrayList<>();
        for (JsonNode cell : NotebookJson.read(json).get("cells")) {
            if (!cell.get("cell_type").asText().equals("code")) {
                continue;
            }
            List<String> outputs = new ArrayList<>();
            for (JsonNode output : cell.get("outputs")) {
                String type = output.get("output_type").asText();
                if (type.equals("stream")) {
                    outputs.add(type + " " + output.get("name").asText() + ": " + mask(joined(output.get("text"))));
                } else {
                    JsonNode data = output.get("data");
                    outputs.add(type + " text/plain: " + mask(joined(data.get("text/plain"))));
                    if (data.has("image/png")) {
                        outputs.add(type + " image/png " + imageSize(data.get("image/png").asText()));
                    }
                }
            }
            cells.add(outputs);
        }
        return cells.subList(1, cells.size());
    }

    /** Status and results of the paragraphs of code cells 1..n (the set-up paragraphs left out), as above. */
    private static List<List<String>> zeppelinOutputs(String json) {
        List<List<String>> paragraphs = new ArrayList<>();
        for (JsonNode paragraph : NotebookJson.read(json).get("paragraphs")) {
            if (!paragraph.get("text").asText().startsWith(ZeppelinFormat.CODE_INTERPRETER)) {
                continue;
            }
            List<String> outputs = new ArrayList<>();
            outputs.add(paragraph.get("status").asText());
            if (paragraph.has("results")) {
                for (JsonNode message : paragraph.get("results").get("msg")) {
                    String type = message.get("type").asText();
                    String data = message.get("data").asText();
                    outputs.add(type + ": " + (type.equals("IMG") ? imageSize(data) : mask(data)));
                }
            }
            paragraphs.add(outputs);
        }
        return paragraphs.subList(1, paragraphs.size());
    }

    private static String joined(JsonNode lines) {
        StringBuilder text = new StringBuilder();
        lines.forEach(line -> text.append(line.asText()));
        return text.toString();
    }

    private static String mask(String text) {
        Matcher m = NUMBER.matcher(text);
        return m.replaceAll("#");
    }

    private static String imageSize(String base64) {
        try {
            var image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(base64)));
            return image == null ? "(not an image)" : image.getWidth() + " x " + image.getHeight();
        } catch (IOException | IllegalArgumentException e) {
            return "(unreadable image: " + e.getMessage() + ")";
        }
    }

    private static Document pom(Path file) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
    }

    /** The text of the first child element of the project element with that name. */
    private static String text(Document pom, String element) {
        NodeList children = pom.getDocumentElement().getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (element.equals(children.item(i).getNodeName())) {
                return children.item(i).getTextContent().trim();
            }
        }
        throw new IllegalStateException("the POM has no <" + element + ">");
    }
}
