package org.e2dl4j.notebooks;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.IntFunction;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes a notebook as a Jupyter notebook (nbformat 4.5) for the JJava kernel (kernelspec {@code java}):
 * a first code cell loads the project with JJava's {@code %maven} magic, then the source's cells follow; the
 * outputs of a run are embedded (printed text as streams, final values as {@code text/plain}, images as
 * base64 {@code image/png}) so that the notebook reads well on a code host without running it.
 */
public final class JupyterFormat {

    /** File name extension. */
    public static final String EXTENSION = ".ipynb";

    private JupyterFormat() {
    }

    /** The notebook with the outputs of the run; cells the run did not reach have none. */
    public static String write(NotebookRun run) {
        return write(run.notebook(), run::outputsOf);
    }

    /** The notebook without any output, as before it was ever run. */
    public static String write(Notebook notebook) {
        return write(notebook, number -> Optional.empty());
    }

    private static String write(Notebook notebook, IntFunction<Optional<List<CellOutput>>> outputsOf) {
        boolean ran = outputsOf.apply(1).isPresent();
        ArrayNode cells = NotebookJson.MAPPER.createArrayNode();
        boolean setupWritten = false;
        for (NotebookCell cell : notebook.cells()) {
            if (cell instanceof NotebookCell.Markdown) {
                cells.add(cell("markdown", cells.size(), cell.text()));
                continue;
            }
            if (!setupWritten) {
                ObjectNode setup = cell("code", cells.size(), mavenMagic(notebook));
                setup.put("execution_count", ran ? 1 : null);
                setup.putArray("outputs");
                cells.add(setup);
                setupWritten = true;
            }
            NotebookCell.Code code = (NotebookCell.Code) cell;
            Optional<List<CellOutput>> outputs = outputsOf.apply(code.number());
            Integer count = outputs.isPresent() ? code.number() + 1 : null;
            ObjectNode node = cell("code", cells.size(), code.text());
            node.put("execution_count", count);
            ArrayNode array = node.putArray("outputs");
            outputs.orElse(List.of()).forEach(output -> array.add(output(output, count)));
            cells.add(node);
        }
        ObjectNode root = NotebookJson.MAPPER.createObjectNode();
        root.set("cells", cells);
        ObjectNode metadata = root.putObject("metadata");
        ObjectNode kernelspec = metadata.putObject("kernelspec");
        kernelspec.put("display_name", "Java");
        kernelspec.put("language", "java");
        kernelspec.put("name", "java");
        ObjectNode language = metadata.putObject("language_info");
        language.put("codemirror_mode", "java");
        language.put("file_extension", ".jshell");
        language.put("mimetype", "text/x-java-source");
        language.put("name", "java");
        language.put("pygments_lexer", "java");
        language.put("version", "17");
        root.put("nbformat", 4);
        root.put("nbformat_minor", 5);
        return NotebookJson.jupyter(root);
    }

    /** The JJava line magics that put the notebook's Maven dependencies (and theirs) on its class path. */
    static String mavenMagic(Notebook notebook) {
        List<String> lines = new ArrayList<>();
        lines.add("// Loads this project from the local Maven repository (run `mvn install` in the project first).");
        notebook.maven().forEach(coordinates -> lines.add("%maven " + coordinates));
        return String.join("\n", lines);
    }

    private static ObjectNode cell(String type, int index, String text) {
        ObjectNode cell = NotebookJson.MAPPER.createObjectNode();
        cell.put("cell_type", type);
        cell.put("id", String.format(Locale.ROOT, "cell-%02d", index + 1));
        cell.putObject("metadata");
        cell.set("source", lines(text));
        return cell;
    }

    private static ObjectNode output(CellOutput output, Integer count) {
        ObjectNode node = NotebookJson.MAPPER.createObjectNode();
        if (output instanceof CellOutput.Stream stream) {
            node.put("name", stream.stream());
            node.put("output_type", "stream");
            node.set("text", lines(stream.text()));
            return node;
        }
        ObjectNode data = node.putObject("data");
        if (output instanceof CellOutput.Image image) {
            data.put("image/png", Base64.getEncoder().encodeToString(image.png()));
            data.set("text/plain", lines(image.description()));
        } else {
            data.set("text/plain", lines(((CellOutput.Value) output).text()));
        }
        node.put("execution_count", count);
        node.putObject("metadata");
        node.put("output_type", "execute_result");
        return node;
    }

    /** nbformat's multi-line string: a list of lines, each but the last ending with a newline. */
    private static ArrayNode lines(String text) {
        ArrayNode array = NotebookJson.MAPPER.createArrayNode();
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            end = end < 0 ? text.length() : end + 1;
            array.add(text.substring(start, end));
            start = end;
        }
        return array;
    }
}
