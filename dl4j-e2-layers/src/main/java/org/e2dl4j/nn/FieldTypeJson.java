package org.e2dl4j.nn;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.e2dl4j.math.group.Group;
import org.e2dl4j.math.group.GroupKind;
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
 *       copies.</li>
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
        if (r instanceof IrreducibleRepresentation) {
            if (r.isTrivial()) {
                return "trivial";
            }
            return "irrep:" + Arrays.stream(((IrreducibleRepresentation) r).id())
                    .mapToObj(Integer::toString).collect(Collectors.joining(","));
        }
        Group g = r.group();
        if (g.isFinite() && r.equals(Representations.regular(g))) {
            return "regular";
        }
        String key = subgroupKey(r);
        if (key != null) {
            return key;
        }
        Optional<Representation> source = ConcatenatedRepresentation.sourceOf(r);
        if (source.isPresent()) {
            return CONCATENATED + key(source.get(), type);
        }
        throw new IllegalArgumentException("field type " + type + " cannot be written to JSON: representation '"
                + r.name() + "' is not trivial, regular, an irrep, a quotient, an induced or a concatenated"
                + " representation (the forms a field type description supports)");
    }

    /** The key of a quotient or induced representation, recognised by its e2cnn name and rebuilt to compare. */
    private static String subgroupKey(Representation r) {
        String name = r.name();
        Group g = r.group();
        try {
            if (name.startsWith("quotient[") && name.endsWith("]")) {
                String id = idKey(name.substring("quotient[".length(), name.length() - 1));
                return representation(g, "quotient:" + id).equals(r) ? "quotient:" + id : null;
            }
            if (name.startsWith("induced[") && name.endsWith("]") && name.contains("][")) {
                int split = name.indexOf("][");
                String id = idKey(name.substring("induced[".length(), split));
                String psiName = name.substring(split + 2, name.length() - 1);
                SubgroupId subgroup = subgroupId(g, id);
                int[] psi = Representations.irrepByName(g.subgroup(subgroup).group(), psiName).id();
                String key = "induced:" + id + ":" + Arrays.stream(psi).mapToObj(Integer::toString)
                        .collect(Collectors.joining(","));
                return representation(g, key).equals(r) ? key : null;
            }
        } catch (IllegalArgumentException notRecognised) {
            return null;
        }
        return null;
    }

    /** e2cnn's subgroup id text ({@code 2}, {@code (None, 4)}, {@code (0, 1)}) as a key ({@code 2}, {@code None,4}). */
    private static String idKey(String e2cnnId) {
        return e2cnnId.replace("(", "").replace(")", "").replace(" ", "");
    }

    private static SubgroupId subgroupId(Group g, String key) {
        String[] parts = key.split(",");
        if (g.kind() == GroupKind.CYCLIC && parts.length == 1) {
            return SubgroupId.rotations(Integer.parseInt(parts[0]));
        }
        if (g.kind() == GroupKind.DIHEDRAL && parts.length == 2) {
            Integer axis = parts[0].equals("None") ? null : Integer.valueOf(parts[0]);
            return SubgroupId.dihedral(axis, Integer.parseInt(parts[1]));
        }
        throw new IllegalArgumentException("subgroup '" + key + "' of " + g.name()
                + " is not of the form M (C_N) or None,M / k,M (D_N)");
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
                + " irrep:j,k, quotient:<subgroup>, induced:<subgroup>:<irrep id>, concatenated:<key>, each"
                + " optionally *m)");
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
