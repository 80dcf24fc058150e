package org.e2dl4j.notebooks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * JSON text laid out the way the notebook tools write it, so that a notebook saved again by Jupyter or
 * Zeppelin changes no bytes it does not mean to: nbformat's {@code indent=1, sort_keys=True} for
 * {@code .ipynb}, Gson's two-space pretty printing (keys in insertion order) for {@code .zpln}; {@code ": "}
 * between key and value, {@code []} and {@code {}} when empty, a final newline.
 */
final class NotebookJson {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private NotebookJson() {
    }

    /** nbformat's layout: one-space indent, keys sorted. */
    static String jupyter(JsonNode tree) {
        return write(sorted(tree), 1);
    }

    /** Zeppelin's layout: two-space indent, keys as inserted. */
    static String zeppelin(JsonNode tree) {
        return write(tree, 2);
    }

    static JsonNode read(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("not valid JSON", e);
        }
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            Collections.sort(names);
            ObjectNode sorted = MAPPER.createObjectNode();
            names.forEach(name -> sorted.set(name, sorted(node.get(name))));
            return sorted;
        }
        if (node.isArray()) {
            ArrayNode sorted = MAPPER.createArrayNode();
            node.forEach(element -> sorted.add(sorted(element)));
            return sorted;
        }
        return node;
    }

    private static String write(JsonNode tree, int indent) {
        try {
            return MAPPER.writer(new Printer(indent)).writeValueAsString(tree) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Jackson's pretty printer with the notebook tools' separators and indent. */
    private static final class Printer extends DefaultPrettyPrinter {

        private static final long serialVersionUID = 1L;

        private final int indent;

        Printer(int indent) {
            this.indent = indent;
            DefaultIndenter indenter = new DefaultIndenter(" ".repeat(indent), "\n");
            indentObjectsWith(indenter);
            indentArraysWith(indenter);
        }

        @Override
        public Printer createInstance() {
            return new Printer(indent);
        }

        @Override
        public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(": ");
        }

        @Override
        public void writeEndObject(JsonGenerator g, int entries) throws IOException {
            if (!_objectIndenter.isInline()) {
                --_nesting;
            }
            if (entries > 0) {
                _objectIndenter.writeIndentation(g, _nesting);
            }
            g.writeRaw('}');
        }

        @Override
        public void writeEndArray(JsonGenerator g, int values) throws IOException {
            if (!_arrayIndenter.isInline()) {
                --_nesting;
            }
            if (values > 0) {
                _arrayIndenter.writeIndentation(g, _nesting);
            }
            g.writeRaw(']');
        }
    }
}
