package org.e2dl4j.math.kernel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.e2dl4j.math.group.Group;
import org.e2dl4j.math.group.SubgroupId;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.math.repr.Representation;
import org.e2dl4j.math.repr.Representations;

/**
 * Reads the e2cnn reference data in {@code shared/reference} (found by walking up from the working
 * directory) and turns its config specs into G-spaces and field types.
 */
final class ReferenceData {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ReferenceData() {
    }

    /** The reference directory; fails the test with a clear message if it cannot be found. */
    static Path directory() {
        Path dir = Paths.get("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("shared").resolve("reference");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("no shared/reference directory above " + Paths.get("").toAbsolutePath());
    }

    static JsonNode read(String relative) {
        try {
            return JSON.readTree(directory().resolve(relative).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read reference file " + relative, e);
        }
    }

    /** The G-space of a spec {@code {"kind": ..., "N": ..., "maximum_frequency": ...}}. */
    static GSpace gspace(JsonNode spec) {
        String kind = spec.get("kind").asText();
        int n = spec.path("N").asInt(0);
        int maxFrequency = spec.path("maximum_frequency").asInt(GSpaces.DEFAULT_MAXIMUM_FREQUENCY);
        return switch (kind) {
            case "rot2d" -> GSpaces.rot2dOnR2(n, maxFrequency);
            case "fliprot2d" -> GSpaces.flipRot2dOnR2(n, maxFrequency);
            case "flip2d" -> GSpaces.flip2dOnR2();
            case "trivial" -> GSpaces.trivialOnR2();
            default -> throw new IllegalArgumentException("unknown gspace kind in reference spec: " + spec);
        };
    }

    /** The G-space of a block key's group name: "C8", "D4", "SO(2)", "O(2)", "C2" (flip), "C1" (trivial). */
    static GSpace gspaceOfGroupName(String group, int continuousMaximumFrequency) {
        if (group.equals("SO(2)")) {
            return GSpaces.rot2dOnR2(-1, continuousMaximumFrequency);
        }
        if (group.equals("O(2)")) {
            return GSpaces.flipRot2dOnR2(-1, continuousMaximumFrequency);
        }
        if (group.equals("C2")) {
            return GSpaces.flip2dOnR2();
        }
        if (group.equals("C1")) {
            return GSpaces.trivialOnR2();
        }
        int n = Integer.parseInt(group.substring(1));
        return group.startsWith("D") ? GSpaces.flipRot2dOnR2(n) : GSpaces.rot2dOnR2(n);
    }

    /** The field type of a spec: a list of {@code [repr_key, multiplicity]}. */
    static List<Representation> fieldType(GSpace gs, JsonNode spec) {
        List<Representation> fields = new ArrayList<>();
        for (JsonNode entry : spec) {
            Representation r = representation(gs, entry.get(0).asText());
            for (int k = 0; k < entry.get(1).asInt(); k++) {
                fields.add(r);
            }
        }
        return fields;
    }

    /** The representation of a reference key: trivial, regular, irrep:k, irrep:j,k, quotient:..., induced:... */
    static Representation representation(GSpace gs, String key) {
        if (key.equals("trivial")) {
            return gs.trivialRepr();
        }
        if (key.equals("regular")) {
            return gs.regularRepr();
        }
        if (key.startsWith("irrep:")) {
            return gs.irrep(ints(key.substring("irrep:".length())));
        }
        if (key.startsWith("quotient:")) {
            return gs.quotientRepr(subgroupId(gs, key.substring("quotient:".length())));
        }
        if (key.startsWith("induced:")) {
            String[] parts = key.split(":");
            SubgroupId id = subgroupId(gs, parts[1]);
            Group subgroup = gs.fibergroup().subgroup(id).group();
            return gs.inducedRepr(id, Representations.irrep(subgroup, ints(parts[2])));
        }
        throw new IllegalArgumentException("unknown representation key in reference spec: " + key);
    }

    /** The representation of a group with the given e2cnn name ("irrep_1,0", "regular", "quotient[2]"). */
    static Representation representationNamed(GSpace gs, String name) {
        if (name.equals("regular")) {
            return gs.regularRepr();
        }
        if (name.startsWith("irrep_")) {
            return representation(gs, "irrep:" + name.substring("irrep_".length()));
        }
        if (name.startsWith("quotient[") && name.endsWith("]")) {
            // quotient[2], quotient[(0, 1)], quotient[(None, 4)]
            String id = name.substring("quotient[".length(), name.length() - 1).replace("(", "").replace(")", "")
                    .replace(" ", "");
            return gs.quotientRepr(subgroupId(gs, id));
        }
        throw new IllegalArgumentException("unknown representation name in reference data: " + name);
    }

    /** e2cnn's subgroup id as written in the reference: "M" (C_N), "None,M" or "k,M" (D_N). */
    static SubgroupId subgroupId(GSpace gs, String text) {
        String[] parts = text.split(",");
        if (parts.length == 1) {
            return SubgroupId.rotations(Integer.parseInt(parts[0].trim()));
        }
        String axis = parts[0].trim();
        int m = Integer.parseInt(parts[1].trim());
        if (gs.fibergroup().isFinite()) {
            return SubgroupId.dihedral(axis.equals("None") ? null : Integer.valueOf(axis), m);
        }
        return SubgroupId.orthogonal(axis.equals("None") ? null : Double.valueOf(axis), m);
    }

    private static int[] ints(String commaSeparated) {
        String[] parts = commaSeparated.split(",");
        int[] v = new int[parts.length];
        for (int k = 0; k < parts.length; k++) {
            v[k] = Integer.parseInt(parts[k].trim());
        }
        return v;
    }

    static double[] doubles(JsonNode array) {
        double[] v = new double[array.size()];
        for (int k = 0; k < v.length; k++) {
            v[k] = array.get(k).asDouble();
        }
        return v;
    }

    static double[][] matrix(JsonNode rows) {
        double[][] m = new double[rows.size()][];
        for (int r = 0; r < m.length; r++) {
            m[r] = doubles(rows.get(r));
        }
        return m;
    }
}
