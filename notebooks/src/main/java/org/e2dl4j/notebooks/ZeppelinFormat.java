package org.e2dl4j.notebooks;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.zip.CRC32;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes a notebook as an Apache Zeppelin note ({@code .zpln}, the JSON note format of Zeppelin 0.10+): one
 * paragraph per cell, Markdown as {@code %md}, code as {@code %jupyter(kernel=java)}, preceded by a
 * paragraph that documents the set-up and one that loads the project with JJava's {@code %maven} magic.
 *
 * <p>Code runs on the JJava kernel through Zeppelin's Jupyter interpreter because Zeppelin's own
 * {@code %java} interpreter compiles every paragraph as a separate class with a {@code main} method and keeps
 * no state between paragraphs, while these cells build on each other as JShell snippets do. The outputs of a
 * run are stored as paragraph results (text as {@code TEXT}, images as base64 {@code IMG}).
 */
public final class ZeppelinFormat {

    /** File name extension. */
    public static final String EXTENSION = ".zpln";

    /** The paragraph prefix that runs code on the JJava kernel. */
    public static final String CODE_INTERPRETER = "%jupyter(kernel=java)";

    private static final String ZEPPELIN_VERSION = "0.10.1";
    private static final String ID_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    private static final String SETUP = String.join("\n",
            "%md",
            "### Set-up",
            "",
            "The code paragraphs of this note run on [JJava](https://github.com/dflib/jjava), the Jupyter kernel for",
            "Java, through Zeppelin's Jupyter interpreter (`" + CODE_INTERPRETER + "`), so they share one JShell",
            "session the way the cells of a Jupyter notebook do. Zeppelin's `%java` interpreter cannot run them: it",
            "compiles each paragraph as a separate class with a `main` method and keeps nothing between paragraphs.",
            "",
            "1. In the E2-DL4J checkout: `mvn -B -q install -DskipTests` (puts the project in `~/.m2`).",
            "2. Install JJava as the Jupyter kernel `java` (see its README).",
            "3. For Zeppelin's Jupyter interpreter: `pip install jupyter-client grpcio protobuf`.",
            "",
            "The next paragraph loads the project and its dependencies (DL4J, ND4J) with JJava's `%maven` magic.");

    private ZeppelinFormat() {
    }

    /** The note with the outputs of the run; paragraphs the run did not reach have no results. */
    public static String write(NotebookRun run) {
        return write(run.notebook(), run::outputsOf);
    }

    /** The note without any result, as before it was ever run. */
    public static String write(Notebook notebook) {
        return write(notebook, number -> Optional.empty());
    }

    private static String write(Notebook notebook, IntFunction<Optional<List<CellOutput>>> outputsOf) {
        String noteId = noteId(notebook.name());
        ArrayNode paragraphs = NotebookJson.MAPPER.createArrayNode();
        paragraphs.add(markdown(noteId, paragraphs.size(), SETUP));
        boolean ran = outputsOf.apply(1).isPresent();
        paragraphs.add(code(noteId, paragraphs.size(),
                CODE_INTERPRETER + "\n" + JupyterFormat.mavenMagic(notebook), ran ? Optional.of(List.of()) : Optional.empty()));
        for (NotebookCell cell : notebook.cells()) {
            if (cell instanceof NotebookCell.Code code) {
                paragraphs.add(code(noteId, paragraphs.size(), CODE_INTERPRETER + "\n" + code.text(),
                        outputsOf.apply(code.number())));
            } else {
                paragraphs.add(markdown(noteId, paragraphs.size(), "%md\n" + cell.text()));
            }
        }
        ObjectNode note = NotebookJson.MAPPER.createObjectNode();
        note.set("paragraphs", paragraphs);
        note.put("name", notebook.name());
        note.put("id", noteId);
        note.put("defaultInterpreterGroup", "jupyter");
        note.put("version", ZEPPELIN_VERSION);
        note.putObject("noteParams");
        note.putObject("noteForms");
        note.putObject("angularObjects");
        note.putObject("config").put("isZeppelinNotebookCronEnable", false);
        note.putObject("info");
        return NotebookJson.zeppelin(note);
    }

    private static ObjectNode markdown(String noteId, int index, String text) {
        ObjectNode paragraph = paragraph(text);
        ObjectNode config = paragraph.putObject("config");
        ObjectNode editor = config.putObject("editorSetting");
        editor.put("language", "markdown");
        editor.put("editOnDblClick", true);
        editor.put("completionSupport", false);
        config.put("editorMode", "ace/mode/markdown");
        config.put("editorHide", false);
        common(paragraph, config, noteId, index);
        paragraph.put("status", "READY");
        return paragraph;
    }

    private static ObjectNode code(String noteId, int index, String text, Optional<List<CellOutput>> outputs) {
        ObjectNode paragraph = paragraph(text);
        ObjectNode config = paragraph.putObject("config");
        ObjectNode editor = config.putObject("editorSetting");
        editor.put("language", "java");
        editor.put("editOnDblClick", false);
        editor.put("completionSupport", true);
        config.put("editorMode", "ace/mode/java");
        common(paragraph, config, noteId, index);
        outputs.ifPresent(list -> paragraph.set("results", results(list)));
        paragraph.put("status", outputs.isPresent() ? "FINISHED" : "READY");
        return paragraph;
    }

    private static ObjectNode paragraph(String text) {
        ObjectNode paragraph = NotebookJson.MAPPER.createObjectNode();
        paragraph.put("text", text);
        paragraph.put("user", "anonymous");
        paragraph.put("progress", 0);
        return paragraph;
    }

    private static void common(ObjectNode paragraph, ObjectNode config, String noteId, int index) {
        config.put("colWidth", 12.0);
        config.put("fontSize", 9.0);
        config.putObject("results");
        config.put("enabled", true);
        ObjectNode settings = paragraph.putObject("settings");
        settings.putObject("params");
        settings.putObject("forms");
        paragraph.putArray("apps");
        paragraph.putObject("runtimeInfos");
        paragraph.put("progressUpdateIntervalMs", 500);
        String id = String.format(Locale.ROOT, "paragraph_%s_%02d", noteId, index + 1);
        paragraph.put("jobName", id);
        paragraph.put("id", id);
    }

    private static ObjectNode results(List<CellOutput> outputs) {
        ObjectNode results = NotebookJson.MAPPER.createObjectNode();
        results.put("code", "SUCCESS");
        ArrayNode messages = results.putArray("msg");
        StringBuilder text = new StringBuilder();
        List<CellOutput.Image> images = new ArrayList<>();
        for (CellOutput output : outputs) {
            if (output instanceof CellOutput.Stream stream) {
                text.append(stream.text());
            } else if (output instanceof CellOutput.Value value) {
                text.append(value.text()).append(value.text().endsWith("\n") ? "" : "\n");
            } else {
                images.add((CellOutput.Image) output);
            }
        }
        if (!text.isEmpty()) {
            ObjectNode message = messages.addObject();
            message.put("type", "TEXT");
            message.put("data", text.toString());
        }
        for (CellOutput.Image image : images) {
            ObjectNode message = messages.addObject();
            message.put("type", "IMG");
            message.put("data", Base64.getEncoder().encodeToString(image.png()));
        }
        return results;
    }

    /** A stable Zeppelin-style note id (9 characters) derived from the notebook's name. */
    static String noteId(String name) {
        CRC32 crc = new CRC32();
        crc.update(name.getBytes(StandardCharsets.UTF_8));
        long value = crc.getValue() * 0x9E3779B97F4A7C15L;
        StringBuilder id = new StringBuilder("2");
        for (int i = 0; i < 8; i++) {
            id.append(ID_ALPHABET.charAt((int) Long.remainderUnsigned(value >>> (i * 7), ID_ALPHABET.length())));
        }
        return id.toString();
    }
}
