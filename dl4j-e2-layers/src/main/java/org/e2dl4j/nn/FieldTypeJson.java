package org.e2dl4j.nn;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.e2dl4j.math.group.Group;
import org.e2dl4j.math.group.GroupKind;
import org.e2dl4j.math.group.Groups;
import org.e2dl4j.math.group.SubgroupId;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.math.repr.IrreducibleRepresentation;
import org.e2dl4j.math.repr.Representation;
import org.e2dl4j.math.repr.Representations;
import org.e2dl4j.nn.nonlinear.ConcatenatedRepresentation;
import org.nd4j.shade.jackson.core.JsonGenerator;
import org.nd4j.shade.jackson.core.JsonParser;
import org.nd4j.shade.jackson.databind.DeserializationContext;
import org.nd4j.shade.jackson.databind.JsonDeserializer;
import org.nd4j.shade.jackson.databind.JsonNode;
import org.nd4j.shade.jackson.databind.JsonSerializer;
import org.nd4j.shade.jackson.databind.ObjectMapper;
import org.nd4j.shade.jackson.databind.SerializerProvider;
import org.nd4j.shade.jackson.databind.node.ArrayNode;
import org.nd4j.shade.jackson.databind.node.ObjectNode;

/**
 * The JSON form of a {@link FieldType}: the G-space factory with its parameters and one key per run of
 * equal fields, e.g. {@code {"gspace":"flipRot2dOnR2","n":4,"fields":["regular*3","irrep:1,1"]}}.
 *
 * <ul>
 *   <li>{@code gspace}: {@code rot2dOnR2}, {@code flipRot2dOnR2} (with {@code n}; {@code n = -1} is SO(2) /
 *       O(2) and adds {@code maximumFrequency}), {@code flip2dOnR2} or {@code trivialOnR2}; {@code axis} only
 *       when the reflection axis is not the default pi/2;</li>
 *   <li>field keys: {@code trivial}, {@code regular}, {@code irrep:k} or {@code irrep:j,k} (e2cnn's irrep
 *       ids), {@code quotient:<subgroup>} and {@code induced:<subgroup>:<irrep id of the subgroup>} with the
 *       subgroup written {@code M} (C_N) or {@code None,M} / {@code k,M} (D_N), as in the e2cnn reference
 *       data; {@code concatenated:<key>} for the output representation of a concatenated nonlinearity on the
 *       field of that key ({@link ConcatenatedRepresentation}); each followed by {@code *m} for m consecutive
 *       copies;</li>
 *   <li>derived field keys: {@code restrict:<parent group>:<subgroup>:<key in the parent>} for the
 *       restriction of a representation of a parent group ({@code C8}, {@code D4}, {@code SO(2)@f},
 *       {@code O(2)@f} with f the maximum frequency) to the subgroup (written as above, {@code M} for SO(2),
 *       {@code None,-1} / {@code None,M} / {@code 0.0,M} for O(2)), and {@code disentangle:<i>:<key>} for
 *       the i-th part of the disentangled representation with that key (see
 *       {@link Representations#disentangle}).</li>
 * </ul>
 * A field type whose representations have no such key (e.g. a custom change of basis) cannot be written and
 * is rejected with a message naming the representation. Parsing rebuilds an equal field type.
 */
public final class FieldTypeJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String CONCATENATED = "concatenated:";

    private FieldTypeJson() {
    }

    /** The JSON description of a field type. */
    public static String describe(FieldType type) {
        return toNode(type).toString();
    }

    /** Rebuilds a field type from its JSON description. */
    public static FieldType parse(String json) {
        try {
            return fromNode(MAPPER.readTree(json));
        } catch (IOException e) {
            throw new IllegalArgumentException("not a field type description: " + json, e);
        }
    }

    static ObjectNode toNode(FieldType type) {
        ObjectNode node = MAPPER.createObjectNode();
        GSpace gs = type.gspace();
        Group g = gs.fibergroup();
        switch (gs.action()) {
            case ROTATIONS:
                node.put("gspace", "rot2dOnR2");
                putOrder(node, g);
                break;
            case FLIPS_AND_ROTATIONS:
                node.put("gspace", "flipRot2dOnR2");
                putOrder(node, g);
                putAxis(node, gs);
                break;
            case FLIPS:
                node.put("gspace", "flip2dOnR2");
                putAxis(node, gs);
                break;
            default:
                node.put("gspace", "trivialOnR2");
                break;
        }
        ArrayNode fields = node.putArray("fields");
        List<Representation> reprs = type.representations();
        int f = 0;
        while (f < reprs.size()) {
            int run = 1;
            while (f + run < reprs.size() && reprs.get(f + run).equals(reprs.get(f))) {
                run++;
            }
            String key = key(reprs.get(f), type);
            fields.add(run == 1 ? key : key + "*" + run);
            f += run;
        }
        FieldType back = fromNode(node);
        if (!back.gspace().equals(gs)) {
            throw new IllegalArgumentException("the G-space " + gs.name() + " of " + type
                    + " is not one of the GSpaces factories' and cannot be written to JSON");
        }
        return node;
    }

    private static void putOrder(ObjectNode node, Group g) {
        node.put("n", g.isFinite() ? g.rotationOrder() : -1);
        if (!g.isFinite()) {
            node.put("maximumFrequency", g.maximumFrequency());
        }
    }

    private static void putAxis(ObjectNode node, GSpace gs) {
        if (Double.compare(gs.axis(), GSpaces.DEFAULT_AXIS) != 0) {
            node.put("axis", gs.axis());
        }
    }

    private static String key(Representation r, FieldType type) {
        String key = keyOf(r);
        if (key != null) {
            return key;
        }
        throw new IllegalArgumentException("field type " + type + " cannot be written to JSON: representation '"
                + r.name() + "' is not trivial, regular, an irrep, a quotient, an induced or a concatenated"
                + " representation, nor a restriction or a disentangled part of one (the forms a field type"
                + " description supports)");
    }

    /** The key of a representation, or null if it has none. */
    static String keyOf(Representation r) {
        Group g = r.group();
        if (r instanceof IrreducibleRepresentation) {
            return irrepKey((IrreducibleRepresentation) r);
        }
        if (g.isFinite() && r.equals(Representations.regular(g))) {
            return "regular";
        }
        for (Candidate c : candidates(g, r.name())) {
            if (c.representation().equals(r)) {
                return c.key();
            }
        }
        Optional<Representation> source = ConcatenatedRepresentation.sourceOf(r);
        if (source.isPresent()) {
            String sourceKey = keyOf(source.get());
            return sourceKey == null ? null : CONCATENATED + sourceKey;
        }
        return null;
    }

    private static String irrepKey(IrreducibleRepresentation irr) {
        if (irr.isTrivial()) {
            return "trivial";
        }
        return "irrep:" + Arrays.stream(irr.id()).mapToObj(Integer::toString).collect(Collectors.joining(","));
    }

    /** A key and the representation it rebuilds to. */
    private record Candidate(String key, Representation representation) {
    }

    private static final Pattern DISENTANGLED_PART = Pattern.compile("(.+)_(\\d+)");

    /**
     * The representations of g a name can stand for, with their keys. A name records how a representation
     * was built ({@code D4:regular} restricts D4's regular representation, {@code regular_0} is the first
     * disentangled part of the regular one) but not every parameter (which subgroup), so the caller compares
     * the candidates with the representation it has.
     */
    private static List<Candidate> candidates(Group g, String name) {
        List<Candidate> out = new ArrayList<>();
        String plain = plainKey(g, name);
        if (plain != null) {
            out.add(new Candidate(plain, representation(g, plain)));
        }
        Matcher part = DISENTANGLED_PART.matcher(name);
        if (part.matches()) {
            int i = Integer.parseInt(part.group(2));
            for (Candidate base : candidates(g, part.group(1))) {
                List<Representation> parts = Representations.disentangle(base.representation()).parts();
                if (i < parts.size()) {
                    out.add(new Candidate("disentangle:" + i + ":" + base.key(), parts.get(i)));
                }
            }
        }
        int colon = name.indexOf(':');
        Group parent = colon > 0 ? parentGroup(name.substring(0, colon), g) : null;
        if (parent != null) {
            for (SubgroupId id : subgroupIds(parent)) {
                if (!parent.subgroup(id).group().equals(g)) {
                    continue;
                }
                for (Candidate p : candidates(parent, name.substring(colon + 1))) {
                    out.add(new Candidate("restrict:" + groupKey(parent) + ":" + idKey(id) + ":" + p.key(),
                            Representations.restrict(p.representation(), id)));
                }
            }
        }
        return out;
    }

    /** The key of the trivial, irreducible, regular, quotient or induced representation of g named so, or null. */
    private static String plainKey(Group g, String name) {
        if (name.equals("regular")) {
            return g.isFinite() ? "regular" : null;
        }
        try {
            if (name.startsWith("irrep_")) {
                return irrepKey(Representations.irrepByName(g, name));
            }
            if (name.startsWith("quotient[") && name.endsWith("]")) {
                String key = "quotient:" + idKey(name.substring("quotient[".length(), name.length() - 1));
                representation(g, key);
                return key;
            }
            if (name.startsWith("induced[") && name.endsWith("]") && name.contains("][")) {
                int split = name.indexOf("][");
                String id = idKey(name.substring("induced[".length(), split));
                String psiName = name.substring(split + 2, name.length() - 1);
                SubgroupId subgroup = subgroupId(g, id);
                int[] psi = Representations.irrepByName(g.subgroup(subgroup).group(), psiName).id();
                return "induced:" + id + ":" + Arrays.stream(psi).mapToObj(Integer::toString)
                        .collect(Collectors.joining(","));
            }
        } catch (IllegalArgumentException notRecognised) {
            return null;
        }
        return null;
    }

    /** The group a restricted representation's name prefix ({@code D4}, {@code O(2)}) names, or null. */
    private static Group parentGroup(String name, Group sub) {
        int f = sub.isFinite() ? GSpaces.DEFAULT_MAXIMUM_FREQUENCY : sub.maximumFrequency();
        try {
            if (name.equals("SO(2)")) {
                return Groups.so2(f);
            }
            if (name.equals("O(2)")) {
                return Groups.o2(f);
            }
            if (name.matches("[CD]\\d+")) {
                return parseGroupKey(name);
            }
        } catch (IllegalArgumentException notAGroup) {
            return null;
        }
        return null;
    }

    /**
     * The subgroups a restriction key can name: all of a finite group's; of SO(2) the C_M, of O(2) SO(2), the
     * C_M and the D_M with reflection axis 0 (M up to 2f + 2 for maximum frequency f).
     */
    private static List<SubgroupId> subgroupIds(Group g) {
        List<SubgroupId> ids = new ArrayList<>();
        switch (g.kind()) {
            case CYCLIC:
                for (int m = 1; m <= g.rotationOrder(); m++) {
                    if (g.rotationOrder() % m == 0) {
                        ids.add(SubgroupId.rotations(m));
                    }
                }
                break;
            case DIHEDRAL:
                for (int m = 1; m <= g.rotationOrder(); m++) {
                    if (g.rotationOrder() % m == 0) {
                        ids.add(SubgroupId.dihedral(null, m));
                        for (int k = 0; k < g.rotationOrder() / m; k++) {
                            ids.add(SubgroupId.dihedral(k, m));
                        }
                    }
                }
                break;
            case SO2:
                for (int m = 1; m <= 2 * g.maximumFrequency() + 2; m++) {
                    ids.add(SubgroupId.rotations(m));
                }
                break;
            default:
                ids.add(SubgroupId.orthogonal(null, -1));
                for (int m = 1; m <= 2 * g.maximumFrequency() + 2; m++) {
                    ids.add(SubgroupId.orthogonal(null, m));
                    ids.add(SubgroupId.orthogonal(0.0, m));
                }
                break;
        }
        return ids;
    }

    /** {@code C8}, {@code D4}, {@code SO(2)@f}, {@code O(2)@f} (f the maximum frequency). */
    private static String groupKey(Group g) {
        return g.isFinite() ? g.name() : g.name() + "@" + g.maximumFrequency();
    }

    private static Group parseGroupKey(String key) {
        int at = key.indexOf('@');
        try {
            if (at > 0 && key.startsWith("SO(2)@")) {
                return Groups.so2(Integer.parseInt(key.substring(at + 1)));
            }
            if (at > 0 && key.startsWith("O(2)@")) {
                return Groups.o2(Integer.parseInt(key.substring(at + 1)));
            }
            if (key.matches("[CD]\\d+")) {
                int n = Integer.parseInt(key.substring(1));
                return key.charAt(0) == 'C' ? Groups.cyclic(n) : Groups.dihedral(n);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("unknown group '" + key + "' (valid: C<n>, D<n>, SO(2)@<f>, O(2)@<f>)");
    }

    /** The key of a subgroup id ({@code 2}, {@code None,4}, {@code 0.0,4}). */
    public static String idKey(SubgroupId id) {
        return idKey(id.toString());
    }

    /** e2cnn's subgroup id text ({@code 2}, {@code (None, 4)}, {@code (0, 1)}) as a key ({@code 2}, {@code None,4}). */
    private static String idKey(String e2cnnId) {
        return e2cnnId.replace("(", "").replace(")", "").replace(" ", "");
    }

    /**
     * The subgroup id a key names in g: {@code M} (C_N, SO(2)), {@code None,M} / {@code k,M} (D_N),
     * {@code None,-1} / {@code None,M} / {@code theta,M} (O(2)).
     *
     * @throws IllegalArgumentException if the key has none of these forms for g's kind
     */
    public static SubgroupId subgroupId(Group g, String key) {
        String[] parts = key.split(",");
        try {
            if ((g.kind() == GroupKind.CYCLIC || g.kind() == GroupKind.SO2) && parts.length == 1) {
                return SubgroupId.rotations(Integer.parseInt(parts[0].trim()));
            }
            if (g.kind() == GroupKind.DIHEDRAL && parts.length == 2) {
                Integer axis = parts[0].trim().equals("None") ? null : Integer.valueOf(parts[0].trim());
                return SubgroupId.dihedral(axis, Integer.parseInt(parts[1].trim()));
            }
            if (g.kind() == GroupKind.O2 && parts.length == 2) {
                Double axis = parts[0].trim().equals("None") ? null : Double.valueOf(parts[0].trim());
                return SubgroupId.orthogonal(axis, Integer.parseInt(parts[1].trim()));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("subgroup '" + key + "' of " + g.name()
                + " is not of the form M (C_N, SO(2)), None,M / k,M (D_N) or None,-1 / None,M / theta,M (O(2))");
    }

    static FieldType fromNode(JsonNode node) {
        String kind = required(node, "gspace").asText();
        GSpace gs;
        switch (kind) {
            case "rot2dOnR2":
                gs = GSpaces.rot2dOnR2(required(node, "n").asInt(), maximumFrequency(node));
                break;
            case "flipRot2dOnR2":
                gs = GSpaces.flipRot2dOnR2(required(node, "n").asInt(), maximumFrequency(node), axis(node));
                break;
            case "flip2dOnR2":
                gs = GSpaces.flip2dOnR2(axis(node));
                break;
            case "trivialOnR2":
                gs = GSpaces.trivialOnR2();
                break;
            default:
                throw new IllegalArgumentException("unknown gspace '" + kind
                        + "' in field type description (valid: rot2dOnR2, flipRot2dOnR2, flip2dOnR2, trivialOnR2): " + node);
        }
        List<Representation> reprs = new ArrayList<>();
        for (JsonNode entry : required(node, "fields")) {
            String text = entry.asText();
            int star = text.indexOf('*');
            String key = star < 0 ? text : text.substring(0, star);
            int run = star < 0 ? 1 : Integer.parseInt(text.substring(star + 1));
            Representation r;
            try {
                r = representation(gs.fibergroup(), key);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("bad field key in field type description " + node + ": "
                        + e.getMessage(), e);
            }
            for (int i = 0; i < run; i++) {
                reprs.add(r);
            }
        }
        return new FieldType(gs, reprs);
    }

    private static Representation representation(Group g, String key) {
        if (key.startsWith(CONCATENATED)) {
            return ConcatenatedRepresentation.of(representation(g, key.substring(CONCATENATED.length())));
        }
        if (key.startsWith("disentangle:")) {
            String[] parts = key.split(":", 3);
            if (parts.length == 3 && parts[1].matches("\\d+")) {
                List<Representation> all = Representations.disentangle(representation(g, parts[2])).parts();
                int i = Integer.parseInt(parts[1]);
                if (i >= all.size()) {
                    throw new IllegalArgumentException("'" + parts[2] + "' disentangles into " + all.size()
                            + " parts, so part " + i + " does not exist");
                }
                return all.get(i);
            }
        }
        if (key.startsWith("restrict:")) {
            String[] parts = key.split(":", 4);
            if (parts.length == 4) {
                Group parent = parseGroupKey(parts[1]);
                Representation r = Representations.restrict(representation(parent, parts[3]),
                        subgroupId(parent, parts[2]));
                if (!r.group().equals(g)) {
                    throw new IllegalArgumentException("'" + key + "' is a representation of " + r.group().name()
                            + ", not of " + g.name());
                }
                return r;
            }
        }
        String[] parts = key.split(":");

        if (key.equals("trivial")) {
            return Representations.trivial(g);
        }
        if (key.equals("regular")) {
            return Representations.regular(g);
        }
        if (parts[0].equals("irrep") && parts.length == 2) {
            return Representations.irrep(g, ids(parts[1]));
        }
        if (parts[0].equals("quotient") && parts.length == 2) {
            return Representations.quotient(g, subgroupId(g, parts[1]));
        }
        if (parts[0].equals("induced") && parts.length == 3) {
            SubgroupId id = subgroupId(g, parts[1]);
            return Representations.induced(g, id, Representations.irrep(g.subgroup(id).group(), ids(parts[2])));
        }
        throw new IllegalArgumentException("unknown field key '" + key + "' (valid: trivial, regular, irrep:k,"
                + " irrep:j,k, quotient:<subgroup>, induced:<subgroup>:<irrep id>, concatenated:<key>,"
                + " restrict:<group>:<subgroup>:<key>, disentangle:<i>:<key>, each optionally *m)");
    }

    private static int[] ids(String text) {
        return Arrays.stream(text.split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
    }

    private static JsonNode required(JsonNode node, String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("field type description lacks '" + name + "': " + node);
        }
        return v;
    }

    private static int maximumFrequency(JsonNode node) {
        JsonNode v = node.get("maximumFrequency");
        return v == null ? GSpaces.DEFAULT_MAXIMUM_FREQUENCY : v.asInt();
    }

    private static double axis(JsonNode node) {
        JsonNode v = node.get("axis");
        return v == null ? GSpaces.DEFAULT_AXIS : v.asDouble();
    }

    /** Jackson serializer used by DL4J's configuration mapper (and any shaded-Jackson mapper). */
    public static final class Serializer extends JsonSerializer<FieldType> {
        @Override
        public void serialize(FieldType value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeTree(toNode(value));
        }
    }

    /** Jackson deserializer matching {@link Serializer}. */
    public static final class Deserializer extends JsonDeserializer<FieldType> {
        @Override
        public FieldType deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonNode node = p.getCodec().readTree(p);
            return fromNode(node);
        }
    }
}
