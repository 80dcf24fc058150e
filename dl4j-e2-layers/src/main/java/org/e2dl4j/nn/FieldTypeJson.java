package org.e2dl4j.nn;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.e2dl4j.math.group.Group;
import org.e2dl4j.math.group.GroupKind;
import org.e2dl4j.math.group.Groups;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.math.repr.RecipeKey;
import org.e2dl4j.math.repr.Representation;
import org.e2dl4j.math.repr.Representations;
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
 *       when the reflection axis is not the default pi/2; {@code noBaseSpace} for
 *       {@link GSpaces#noBaseSpace} with {@code group} {@code cyclic} or {@code dihedral} (with {@code n}) or
 *       {@code so2} or {@code o2} (with {@code maximumFrequency}); on R^3 escnn's factories {@code rot3dOnR3} and
 *       {@code flipRot3dOnR3} (with {@code maximumFrequency}), {@code octaOnR3}, {@code fullOctaOnR3},
 *       {@code icoOnR3}, {@code fullIcoOnR3}, {@code rot2dOnR3},
 *       {@code dihedralOnR3}, {@code conicalOnR3} (with {@code n}, and {@code maximumFrequency} for {@code n = -1}),
 *       {@code mirOnR3}, {@code invOnR3}, {@code trivialOnR3}, with {@code axis} as above (a missing
 *       {@code maximumFrequency} is escnn's default 2 on R^3, 6 on the plane);</li>
 *   <li>field keys: {@code trivial}, {@code regular}, {@code irrep:k} or {@code irrep:j,k} (e2cnn's irrep
 *       ids), {@code quotient:<subgroup>} and {@code induced:<subgroup>:<irrep id of the subgroup>} with the
 *       subgroup written {@code M} (C_N) or {@code None,M} / {@code k,M} (D_N), as in the e2cnn reference
 *       data; {@code concatenated:<key>} for the output representation of a concatenated nonlinearity on the
 *       field of that key ({@link Representations#concatenated}); each followed by {@code *m} for m
 *       consecutive copies;</li>
 *   <li>derived field keys: {@code restrict:<parent group>:<subgroup>:<key in the parent>} for the
 *       restriction of a representation of a parent group ({@code C8}, {@code D4}, {@code SO(2)@f},
 *       {@code O(2)@f} with f the maximum frequency) to the subgroup (written as above, {@code M} for SO(2),
 *       {@code None,-1} / {@code None,M} / {@code 0.0,M} for O(2)), and {@code disentangle:<i>:<key>} for
 *       the i-th part of the disentangled representation with that key (see
 *       {@link Representations#disentangle}), and {@code sum[<key>][<key>]...:<name>} for a direct sum of
 *       keyed parts named {@code name} ({@link Representations#directSum});</li>
 *   <li>O(2) ({@code n = -1}): {@code quotient:None,-1} and {@code induced:None,-1:<k>} for the quotient by SO(2)
 *       and the representations induced from SO(2)'s irrep_k;</li>
 *   <li>user representations ({@link Representations#fromIrreps}, {@link Representations#fromDiscreteGroup}):
 *       {@code user:<name>:<irrep ids>:<nonlinearities>:<change of basis>}, which stores the data (see
 *       {@link RecipeKey});</li>
 *   <li>escnn's band-limited representations: {@code spectralRegular:<ids>} and
 *       {@code spectralQuotient:<subgroup>:<ids>}, the irrep ids separated by {@code |} (e.g.
 *       {@code spectralRegular:0|1|2|3} of SO(2)).</li>
 * </ul>
 * Each key is the {@link RecipeKey} of the representation's {@link Representation#recipe() recipe}, and parsing
 * builds the representation from the recipe the key names, so parsing rebuilds an equal field type. A field
 * type whose representations have no key (built with a custom change of basis) cannot be
 * written and is rejected with a message naming the representation.
 */
public final class FieldTypeJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

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
            case NONE:
                node.put("gspace", "noBaseSpace");
                putGroup(node, g);
                break;
            case ROTATIONS_3D:
            case ROTATIONS_AND_INVERSION_3D:
                node.put("gspace", spatialFactory(g));
                if (!g.isFinite()) {
                    node.put("maximumFrequency", g.maximumFrequency());
                }
                break;
            case ROTATIONS_ABOUT_Z:
                node.put("gspace", "rot2dOnR3");
                putOrder(node, g);
                break;
            case DIHEDRAL_ABOUT_Z:
                node.put("gspace", "dihedralOnR3");
                if (g.kind() == GroupKind.CYCLIC) {
                    node.put("n", 1); // escnn's dihedralOnR3(1): the C_2 of one half turn
                } else {
                    putOrder(node, g);
                }
                putAxis(node, gs);
                break;
            case CONICAL:
                node.put("gspace", "conicalOnR3");
                putOrder(node, g);
                putAxis(node, gs);
                break;
            case MIRROR:
                node.put("gspace", "mirOnR3");
                putAxis(node, gs);
                break;
            case INVERSION:
                node.put("gspace", "invOnR3");
                break;
            case TRIVIAL_3D:
                node.put("gspace", "trivialOnR3");
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

    /** escnn's factory of the G-space of R^3 whose fibergroup is SO(3), O(3) or a polyhedral group. */
    private static String spatialFactory(Group g) {
        return switch (g.kind()) {
            case SO3 -> "rot3dOnR3";
            case O3 -> "flipRot3dOnR3";
            case OCTAHEDRAL -> "octaOnR3";
            case FULL_OCTAHEDRAL -> "fullOctaOnR3";
            case ICOSAHEDRAL -> "icoOnR3";
            case FULL_ICOSAHEDRAL -> "fullIcoOnR3";
            default -> throw new IllegalArgumentException("group " + g.name() + " is no rotation group of R^3");
        };
    }

    private static void putOrder(ObjectNode node, Group g) {
        node.put("n", g.isFinite() ? g.rotationOrder() : -1);
        if (!g.isFinite()) {
            node.put("maximumFrequency", g.maximumFrequency());
        }
    }

    private static void putGroup(ObjectNode node, Group g) {
        switch (g.kind()) {
            case CYCLIC -> node.put("group", "cyclic").put("n", g.rotationOrder());
            case DIHEDRAL -> node.put("group", "dihedral").put("n", g.rotationOrder());
            case SO2 -> node.put("group", "so2").put("maximumFrequency", g.maximumFrequency());
            case O2 -> node.put("group", "o2").put("maximumFrequency", g.maximumFrequency());
            default -> throw new IllegalArgumentException("group " + g.name() + " has no field type description");
        }
    }

    private static Group group(JsonNode node) {
        String kind = required(node, "group").asText();
        return switch (kind) {
            case "cyclic" -> Groups.cyclic(required(node, "n").asInt());
            case "dihedral" -> Groups.dihedral(required(node, "n").asInt());
            case "so2" -> Groups.so2(maximumFrequency(node));
            case "o2" -> Groups.o2(maximumFrequency(node));
            default -> throw new IllegalArgumentException("unknown group '" + kind + "' of a noBaseSpace field type"
                    + " description (valid: cyclic, dihedral, so2, o2): " + node);
        };
    }

    private static void putAxis(ObjectNode node, GSpace gs) {
        if (Double.compare(gs.axis(), GSpaces.DEFAULT_AXIS) != 0) {
            node.put("axis", gs.axis());
        }
    }

    private static String key(Representation r, FieldType type) {
        try {
            return RecipeKey.format(r.recipe());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("field type " + type + " cannot be written to JSON: representation '"
                    + r.name() + "' has no field key (" + e.getMessage() + ")", e);
        }
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
            case "noBaseSpace":
                gs = GSpaces.noBaseSpace(group(node));
                break;
            case "rot3dOnR3":
                gs = GSpaces.rot3dOnR3(maximumFrequency3d(node));
                break;
            case "flipRot3dOnR3":
                gs = GSpaces.flipRot3dOnR3(maximumFrequency3d(node));
                break;
            case "octaOnR3":
                gs = GSpaces.octaOnR3();
                break;
            case "fullOctaOnR3":
                gs = GSpaces.fullOctaOnR3();
                break;
            case "icoOnR3":
                gs = GSpaces.icoOnR3();
                break;
            case "fullIcoOnR3":
                gs = GSpaces.fullIcoOnR3();
                break;
            case "rot2dOnR3":
                gs = GSpaces.rot2dOnR3(required(node, "n").asInt(), maximumFrequency3d(node));
                break;
            case "dihedralOnR3":
                gs = GSpaces.dihedralOnR3(required(node, "n").asInt(), maximumFrequency3d(node), axis(node));
                break;
            case "conicalOnR3":
                gs = GSpaces.conicalOnR3(required(node, "n").asInt(), maximumFrequency3d(node), axis(node));
                break;
            case "mirOnR3":
                gs = GSpaces.mirOnR3(axis(node));
                break;
            case "invOnR3":
                gs = GSpaces.invOnR3();
                break;
            case "trivialOnR3":
                gs = GSpaces.trivialOnR3();
                break;
            default:
                throw new IllegalArgumentException("unknown gspace '" + kind + "' in field type description (valid:"
                        + " rot2dOnR2, flipRot2dOnR2, flip2dOnR2, trivialOnR2, noBaseSpace, rot3dOnR3, flipRot3dOnR3,"
                        + " octaOnR3, fullOctaOnR3, icoOnR3, fullIcoOnR3, rot2dOnR3, dihedralOnR3, conicalOnR3,"
                        + " mirOnR3, invOnR3, trivialOnR3): " + node);
        }
        List<Representation> reprs = new ArrayList<>();
        for (JsonNode entry : required(node, "fields")) {
            String text = entry.asText();
            int star = text.indexOf('*');
            String key = star < 0 ? text : text.substring(0, star);
            int run = star < 0 ? 1 : Integer.parseInt(text.substring(star + 1));
            Representation r;
            try {
                r = RecipeKey.parse(gs.fibergroup(), key).build(gs.fibergroup());
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

    private static int maximumFrequency3d(JsonNode node) {
        JsonNode v = node.get("maximumFrequency");
        return v == null ? GSpaces.DEFAULT_MAXIMUM_FREQUENCY_3D : v.asInt();
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
