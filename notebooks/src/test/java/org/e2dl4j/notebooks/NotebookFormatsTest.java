package org.e2dl4j.notebooks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Base64;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** The .ipynb and .zpln writers produce what Jupyter (JJava) and Zeppelin read, with the run's outputs. */
class NotebookFormatsTest {

    private static final Notebook NOTEBOOK = NotebookSource.parse("demo", String.join("\n",
            "---", "maven: org.e2dl4j:e2-samples:0.1.0-SNAPSHOT", "---",
            "# Demo", "```java", "System.out.println(\"hi\");", "6 * 7", "```",
            "A picture:", "```java", "Display.image(picture)", "```"));
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G'};
    private static final NotebookRun RUN = new NotebookRun(NOTEBOOK, List.of(
            List.of(new CellOutput.Stream("stdout", "hi\n"), new CellOutput.Value("42")),
            List.of(new CellOutput.Image(PNG, 5, 3))), Optional.empty());

    @Test
    void jsonIsLaidOutAsNbformatWritesIt() {
        ObjectNode tree = NotebookJson.MAPPER.createObjectNode();
        tree.putObject("b").put("y", 1);
        tree.putArray("a");
        tree.putObject("c");
        // json.dumps(tree, indent=1, sort_keys=True) + "\n"
        assertEquals("{\n \"a\": [],\n \"b\": {\n  \"y\": 1\n },\n \"c\": {}\n}\n", NotebookJson.jupyter(tree));
    }

    @Test
    void jupyterNotebookUsesTheJavaKernelLoadsTheProjectWithMavenMagicAndEmbedsOutputs() {
        JsonNode nb = NotebookJson.read(JupyterFormat.write(RUN));
        assertEquals("java", nb.at("/metadata/kernelspec/name").asText());
        assertEquals("Java", nb.at("/metadata/kernelspec/display_name").asText());
        assertEquals("java", nb.at("/metadata/kernelspec/language").asText());
        assertEquals(4, nb.get("nbformat").asInt());
        JsonNode cells = nb.get("cells");
        assertEquals(List.of("markdown", "code", "code", "markdown", "code"),
                List.of(cells.get(0), cells.get(1), cells.get(2), cells.get(3), cells.get(4)).stream()
                        .map(c -> c.get("cell_type").asText()).toList());
        assertEquals("%maven org.e2dl4j:e2-samples:0.1.0-SNAPSHOT", cells.at("/1/source/1").asText());
        assertEquals(List.of("System.out.println(\"hi\");\n", "6 * 7"),
                List.of(cells.at("/2/source/0").asText(), cells.at("/2/source/1").asText()));
        assertEquals(2, cells.at("/2/execution_count").asInt());
        assertEquals("stream", cells.at("/2/outputs/0/output_type").asText());
        assertEquals("hi\n", cells.at("/2/outputs/0/text/0").asText());
        assertEquals("execute_result", cells.at("/2/outputs/1/output_type").asText());
        assertEquals("42", cells.at("/2/outputs/1/data/text~1plain/0").asText());
        assertArrayEquals(PNG, Base64.getDecoder().decode(cells.at("/4/outputs/0/data/image~1png").asText()));
    }

    @Test
    void jupyterNotebookWithoutARunHasNoOutputsAndNoExecutionCounts() {
        JsonNode nb = NotebookJson.read(JupyterFormat.write(NOTEBOOK));
        for (JsonNode cell : nb.get("cells")) {
            if (cell.get("cell_type").asText().equals("code")) {
                assertEquals(0, cell.get("outputs").size());
                assertEquals(true, cell.get("execution_count").isNull());
            }
        }
    }

    @Test
    void zeppelinNoteDocumentsTheSetUpThenHasOneParagraphPerCellOnTheJavaKernel() {
        JsonNode note = NotebookJson.read(ZeppelinFormat.write(RUN));
        JsonNode paragraphs = note.get("paragraphs");
        assertEquals(6, paragraphs.size(), "set-up, %maven, then the 4 cells");
        assertEquals("%md", paragraphs.at("/0/text").asText().lines().findFirst().orElseThrow());
        assertEquals("%jupyter(kernel=java)", paragraphs.at("/1/text").asText().lines().findFirst().orElseThrow());
        assertEquals(true, paragraphs.at("/1/text").asText().contains("\n%maven org.e2dl4j:e2-samples:0.1.0-SNAPSHOT"));
        assertEquals("%md\n# Demo", paragraphs.at("/2/text").asText());
        assertEquals("%jupyter(kernel=java)\nSystem.out.println(\"hi\");\n6 * 7", paragraphs.at("/3/text").asText());
        assertEquals("TEXT", paragraphs.at("/3/results/msg/0/type").asText());
        assertEquals("hi\n42\n", paragraphs.at("/3/results/msg/0/data").asText());
        assertEquals("IMG", paragraphs.at("/5/results/msg/0/type").asText());
        assertArrayEquals(PNG, Base64.getDecoder().decode(paragraphs.at("/5/results/msg/0/data").asText()));
        assertEquals("demo", note.get("name").asText());
        assertEquals(9, note.get("id").asText().length());
        assertFalse(NotebookJson.read(ZeppelinFormat.write(NOTEBOOK)).at("/paragraphs/3").has("results"));
    }
}
