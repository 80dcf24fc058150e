package org.e2dl4j.math;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.e2dl4j.math.group.Group;
import org.e2dl4j.math.group.GroupElement;
import org.e2dl4j.math.group.Groups;
import org.e2dl4j.math.group.SubgroupId;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.math.repr.Representation;
import org.e2dl4j.math.repr.Representations;
import org.e2dl4j.testing.ReferenceFiles;

/**
 * Decodes the e2cnn reference data (the repository's {@code reference/data}, read through
 * {@link ReferenceFiles}; encoding in {@code reference/README.md}) into e2-math types: groups and their elements
 * as written in {@code groups.json}, and the config specs of the R2Conv files as G-spaces, representations and
 * field types. The one decoder of that encoding: the layer tests use it through e2-math's test-jar.
 */
public final class ReferenceData {

    /** Half a unit in the 8th decimal: the rounding error of every number in {@code groups.json}. */
    public static final double ROUNDING = 5e-9;

    private static JsonNode groups;

    private ReferenceData() {
    }

    /**
     * A reference file.
     *
     * @param relative its path below {@code reference/data}, e.g. {@code "r2conv_dims.json"}
     * @return the parsed file
     */
    public static JsonNode read(String relative) {
        return ReferenceFiles.read(relative);
    }

    /** The parsed {@code groups.json}, read once. */
    public static synchronized JsonNode groups() {
        if (groups == null) {
            groups = read("groups.json");
        }
        return groups;
    }

    // ---- groups.json ----------------------------------------------------------------------------------------

    /** The keys of the {@code groups} entry of {@code groups.json}: C1, C2, ..., D8, SO2, O2. */
    public static List<String> groupNames() {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = groups().get("groups").fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    /** The entry of a group in {@code groups.json}. */
    public static JsonNode groupEntry(String key) {
        return groups().get("groups").get(key);
    }

    /** The group of a {@code groups.json} key; SO(2) and O(2) with the maximum frequency of the irreps listed. */
    public static Group group(String key) {
        if (key.equals("SO2")) {
            return Groups.so2(groupEntry(key).get("irreps").size() - 1);
        }
        if (key.equals("O2")) {
            return Groups.o2(groupEntry(key).get("irreps").size() - 2);
        }
        int n = Integer.parseInt(key.substring(1));
        return key.startsWith("C") ? Groups.cyclic(n) : Groups.dihedral(n);
    }

    /** An element in the encoding of {@code groups.json}: k (C_N), [f, k] (D_N), theta (SO(2)), [f, theta] (O(2)). */
    public static GroupElement element(Group g, JsonNode e) {
        return switch (g.kind()) {
            case CYCLIC -> GroupElement.finite(0, e.asInt(), g.rotationOrder());
            case DIHEDRAL -> GroupElement.finite(e.get(0).asInt(), e.get(1).asInt(), g.rotationOrder());
            case SO2 -> GroupElement.continuous(0, e.asDouble());
            default -> GroupElement.continuous(e.get(0).asInt(), e.get(1).asDouble());
        };
    }

    /** The elements a group's entry tabulates its matrices at, in the entry's order. */
    public static List<GroupElement> elements(String key) {
        Group g = group(key);
        List<GroupElement> els = new ArrayList<>();
        for (JsonNode e : groupEntry(key).get("elements")) {
            els.add(element(g, e));
        }
        return els;
    }

    /** A subgroup id of {@code groups.json}: an int M for C_N, [axis or null, M] for D_N. */
    public static SubgroupId subgroupId(JsonNode id) {
        if (id.isInt()) {
            return SubgroupId.rotations(id.asInt());
        }
        return SubgroupId.dihedral(id.get(0).isNull() ? null : id.get(0).asInt(), id.get(1).asInt());
    }

    // ---- config specs of r2conv_dims.json, r2conv_blocks.json, bases/*.json, equivariance.json ----------------

    /**
     * The G-space of a spec {@code {"kind": ..., "N": ..., "maximum_frequency": ..., "axis": ...}}; the reflection
     * axis of {@code fliprot2d} and {@code flip2d} is pi/2 (e2cnn's default) unless the spec gives one.
     */
    public static GSpace gspace(JsonNode spec) {
        String kind = spec.get("kind").asText();
        int n = spec.path("N").asInt(0);
        int maxFrequency = spec.path("maximum_frequency").asInt(GSpaces.DEFAULT_MAXIMUM_FREQUENCY);
        double axis = spec.path("axis").asDouble(GSpaces.DEFAULT_AXIS);
        return switch (kind) {
            case "rot2d" -> GSpaces.rot2dOnR2(n, maxFrequency);
            case "fliprot2d" -> GSpaces.flipRot2dOnR2(n, maxFrequency, axis);
            case "flip2d" -> GSpaces.flip2dOnR2(axis);
            case "trivial" -> GSpaces.trivialOnR2();
            default -> throw new IllegalArgumentException("unknown gspace kind in reference spec: " + spec);
        };
    }

    /** The G-space of a block key's group name: "C8", "D4", "SO(2)", "O(2)", "C2" (flip), "C1" (trivial). */
    public static GSpace gspaceOfGroupName(String group, int continuousMaximumFrequency) {
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

    /** The field type of a spec, a list of {@code [repr_key, multiplicity]}, as its list of representations. */
    public static List<Representation> fieldType(GSpace gs, JsonNode spec) {
        List<Representation> fields = new ArrayList<>();
        for (JsonNode entry : spec) {
            Representation r = representation(gs, entry.get(0).asText());
            for (int k = 0; k < entry.get(1).asInt(); k++) {
                fields.add(r);
            }
        }
        return fields;
    }

    /** The representation of a spec key: trivial, regular, irrep:k, irrep:j,k, quotient:..., induced:... */
    public static Representation representation(GSpace gs, String key) {
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

    /** The representation with the given e2cnn name ("irrep_1,0", "regular", "quotient[2]"). */
    public static Representation representationNamed(GSpace gs, String name) {
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

    /** e2cnn's subgroup id as written in a spec key: "M" (C_N), "None,M" or "k,M" (D_N, O(2)). */
    public static SubgroupId subgroupId(GSpace gs, String text) {
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

    // ---- plain JSON values ---------------------------------------------------------------------------------

    /** A JSON array of strings. */
    public static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        for (JsonNode s : array) {
            out.add(s.asText());
        }
        return out;
    }

    /** A JSON array of numbers. */
    public static double[] doubles(JsonNode array) {
        double[] v = new double[array.size()];
        for (int k = 0; k < v.length; k++) {
            v[k] = array.get(k).asDouble();
        }
        return v;
    }

    /** A JSON array of arrays of numbers, as a matrix of rows. */
    public static double[][] matrix(JsonNode rows) {
        double[][] m = new double[rows.size()][];
        for (int r = 0; r < m.length; r++) {
            m[r] = doubles(rows.get(r));
        }
        return m;
    }

    private static int[] ints(String commaSeparated) {
        String[] parts = commaSeparated.split(",");
        int[] v = new int[parts.length];
        for (int k = 0; k < parts.length; k++) {
            v[k] = Integer.parseInt(parts[k].trim());
        }
        return v;
    }
}
