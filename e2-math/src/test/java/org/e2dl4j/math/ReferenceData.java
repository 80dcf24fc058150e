package org.e2dl4j.math;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads the data generated with the real e2cnn from {@code shared/reference}, found by walking up from
 * the working directory (the module directory of a checkout whose sibling, or ancestor's child, is
 * {@code shared/}). Numbers in it are rounded to 8 decimals, so comparisons use a tolerance of that size.
 */
public final class ReferenceData {

    /** Half a unit in the 8th decimal: the rounding error of every number in the reference files. */
    public static final double ROUNDING = 5e-9;

    private static JsonNode groups;

    private ReferenceData() {
    }

    /** The folder {@code shared/reference}. */
    public static Path folder() {
        Path start = Paths.get(System.getProperty("user.dir")).toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("reference");
            if (Files.isRegularFile(candidate.resolve("groups.json"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("no shared/reference/groups.json in " + start + " or any parent folder; "
                + "the e2cnn reference data must sit in a folder shared/ beside the repository");
    }

    /** The parsed {@code groups.json}. */
    public static synchronized JsonNode groups() {
        if (groups == null) {
            try {
                groups = new ObjectMapper().readTree(folder().resolve("groups.json").toFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return groups;
    }

    /** A JSON array of arrays of numbers as a matrix. */
    public static double[][] matrix(JsonNode node) {
        double[][] m = new double[node.size()][];
        for (int i = 0; i < m.length; i++) {
            m[i] = new double[node.get(i).size()];
            for (int j = 0; j < m[i].length; j++) {
                m[i][j] = node.get(i).get(j).asDouble();
            }
        }
        return m;
    }
}
