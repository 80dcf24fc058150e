package org.e2dl4j.notebooks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads the single source of a notebook: a Markdown file with a front matter naming its Maven dependencies,
 * prose, and fenced {@code ```java} blocks that become code cells. Everything between two code blocks is one
 * Markdown cell; other fences ({@code ```bash}, ...) stay prose.
 *
 * <pre>
 * ---
 * maven: org.e2dl4j:e2-notebooks:0.1.0-SNAPSHOT
 * ---
 * # Title
 * Prose ...
 * ```java
 * GSpace r2Act = GSpaces.rot2dOnR2(4);
 * ```
 * </pre>
 */
public final class NotebookSource {

    /** File name suffix of notebook sources. */
    public static final String SUFFIX = ".md";

    private static final String FENCE_OPEN = "```java";
    private static final String FENCE_CLOSE = "```";
    private static final String FRONT_MATTER = "---";
    private static final Pattern COORDINATES = Pattern.compile("[\\w.\\-]+:[\\w.\\-]+:[\\w.\\-]+");

    private NotebookSource() {
    }

    /** Parses the source file; the notebook's name is the file name without {@value #SUFFIX}. */
    public static Notebook read(Path file) throws IOException {
        String fileName = file.getFileName().toString();
        if (!fileName.endsWith(SUFFIX)) {
            throw new IllegalArgumentException("a notebook source ends with " + SUFFIX + ", got " + file);
        }
        String name = fileName.substring(0, fileName.length() - SUFFIX.length());
        return parse(name, Files.readString(file, StandardCharsets.UTF_8));
    }

    /**
     * Parses source text.
     *
     * @throws IllegalArgumentException if the front matter is missing or malformed, a code block is not closed,
     *                                  or there is no code cell; the message names the notebook and line
     */
    public static Notebook parse(String name, String text) {
        List<String> lines = text.replace("\r\n", "\n").lines().toList();
        if (lines.isEmpty() || !lines.get(0).equals(FRONT_MATTER)) {
            throw new IllegalArgumentException(name + ": a notebook source starts with a front matter line '---'");
        }
        List<String> maven = new ArrayList<>();
        int line = 1;
        for (; line < lines.size() && !lines.get(line).equals(FRONT_MATTER); line++) {
            String entry = lines.get(line);
            if (entry.isBlank()) {
                continue;
            }
            if (!entry.startsWith("maven:")) {
                throw new IllegalArgumentException(name + ", line " + (line + 1)
                        + ": the front matter knows only 'maven: group:artifact:version', got '" + entry + "'");
            }
            String coordinates = entry.substring("maven:".length()).trim();
            if (!COORDINATES.matcher(coordinates).matches()) {
                throw new IllegalArgumentException(name + ", line " + (line + 1)
                        + ": expected Maven coordinates group:artifact:version, got '" + coordinates + "'");
            }
            maven.add(coordinates);
        }
        if (line == lines.size()) {
            throw new IllegalArgumentException(name + ": the front matter is not closed by a line '---'");
        }
        List<NotebookCell> cells = new ArrayList<>();
        List<String> block = new ArrayList<>();
        int codeNumber = 0;
        int openedAt = -1;
        for (line++; line < lines.size(); line++) {
            String current = lines.get(line);
            if (openedAt < 0 && current.strip().equals(FENCE_OPEN)) {
                addMarkdown(cells, block);
                openedAt = line;
            } else if (openedAt >= 0 && current.strip().equals(FENCE_CLOSE)) {
                String code = join(block);
                if (code.isEmpty()) {
                    throw new IllegalArgumentException(name + ", line " + (openedAt + 1) + ": empty code cell");
                }
                cells.add(new NotebookCell.Code(++codeNumber, code));
                block.clear();
                openedAt = -1;
            } else {
                block.add(current);
            }
        }
        if (openedAt >= 0) {
            throw new IllegalArgumentException(name + ", line " + (openedAt + 1) + ": code cell is not closed by ```");
        }
        addMarkdown(cells, block);
        if (codeNumber == 0) {
            throw new IllegalArgumentException(name + ": a notebook needs at least one ```java code cell");
        }
        return new Notebook(name, maven, cells);
    }

    private static void addMarkdown(List<NotebookCell> cells, List<String> block) {
        String prose = join(block);
        if (!prose.isEmpty()) {
            cells.add(new NotebookCell.Markdown(prose));
        }
        block.clear();
    }

    /** The lines joined by newlines, leading and trailing blank lines removed. */
    private static String join(List<String> block) {
        int from = 0;
        int to = block.size();
        while (from < to && block.get(from).isBlank()) {
            from++;
        }
        while (to > from && block.get(to - 1).isBlank()) {
            to--;
        }
        return String.join("\n", block.subList(from, to));
    }
}
