package org.e2dl4j.math.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.e2dl4j.math.ReferenceData;
import org.e2dl4j.math.group.Group;
import org.e2dl4j.math.group.GroupElement;
import org.e2dl4j.math.group.SubgroupId;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.repr.IrreducibleRepresentation;
import org.e2dl4j.math.repr.Nonlinearity;
import org.e2dl4j.math.repr.Representation;
import org.e2dl4j.math.repr.Representations;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * R2Conv layouts between fields induced from SO(2), the quotient O(2) / SO(2), fields restricted to O(2) turned by
 * (0.5, -1) and user representations (built from irreps and a change of basis, or decomposed from matrices), against
 * e2cnn (representations.json, "r2conv").
 */
class ReferenceRepresentationDimsTest {

    private static JsonNode file() {
        return ReferenceData.read("representations.json");
    }

    static Stream<String> configs() {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = file().get("r2conv").fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configs")
    void weightsBiasAndBlocksEqualE2cnns(String name) {
        JsonNode ref = file().get("r2conv").get(name);
        JsonNode spec = ref.get("config");
        GSpace gs = ReferenceData.gspace(spec.get("gspace"));
        Map<String, Representation> users = users(gs.fibergroup());
        List<Representation> in = fields(gs, spec.get("in"), users);
        List<Representation> out = fields(gs, spec.get("out"), users);
        LayerBasis layer = LayerBasis.of(gs, in, out, spec.get("kernel_size").asInt(), 1, BasisPolicy.defaults());
        assertEquals(ref.get("weights").asInt(), layer.dimension(), name + ": weights");
        assertEquals(ref.get("bias").asInt(), layer.biasDimension(), name + ": bias");
        assertEquals(ref.get("in_size").asInt(), layer.inChannels(), name + ": input channels");
        assertEquals(ref.get("out_size").asInt(), layer.outChannels(), name + ": output channels");
        JsonNode blocks = ref.get("blocks");
        assertEquals(blocks.size(), layer.pairs().size(), name + ": non-empty pairs");
        for (int b = 0; b < blocks.size(); b++) {
            JsonNode block = blocks.get(b);
            PairBasis pair = layer.pairs().get(b);
            String where = name + ", pair " + b;
            assertEquals(block.get("in_repr").asText(), pair.inRepr().name(), where + ": input representation");
            assertEquals(block.get("out_repr").asText(), pair.outRepr().name(), where + ": output representation");
            assertEquals(block.get("dimension").asInt(), pair.basis().dimension(), where + ": dimension");
            assertEquals(block.get("in_count").asInt(), pair.inCount(), where + ": input occurrences");
            assertEquals(block.get("out_count").asInt(), pair.outCount(), where + ": output occurrences");
            assertEquals(block.get("weights_range").get(0).asInt(), pair.weightOffset(), where + ": first weight");
        }
    }

    /** The user representations of the file: O(2)'s from irreps and Q, D4's square decomposed from its matrices. */
    private static Map<String, Representation> users(Group g) {
        Map<String, Representation> users = new HashMap<>();
        if (g.isFinite()) {
            JsonNode sq = file().get("discrete").get("D4_vertices");
            Map<GroupElement, double[][]> m = new HashMap<>();
            for (int e = 0; e < sq.get("elements").size(); e++) {
                JsonNode el = sq.get("elements").get(e);
                m.put(GroupElement.finite(el.get(0).asInt(), el.get(1).asInt(), 4),
                        ReferenceData.matrix(sq.get("matrices").get(e)));
            }
            users.put("D4_vertices", Representations.fromDiscreteGroup(g, "D4_vertices", m,
                    EnumSet.of(Nonlinearity.POINTWISE)));
            return users;
        }
        file().get("user_representations").fields().forEachRemaining(entry -> {
            JsonNode def = entry.getValue();
            List<IrreducibleRepresentation> irreps = new ArrayList<>();
            for (JsonNode irr : def.get("irreps")) {
                irreps.add(Representations.irrepByName(g, irr.asText()));
            }
            Set<Nonlinearity> supported = EnumSet.noneOf(Nonlinearity.class);
            for (JsonNode n : def.get("supported_nonlinearities")) {
                supported.add(Nonlinearity.fromE2cnnName(n.asText()));
            }
            users.put(entry.getKey(), Representations.fromIrreps(g, entry.getKey(), irreps,
                    ReferenceData.matrix(def.get("change_of_basis")), supported));
        });
        return users;
    }

    private static List<Representation> fields(GSpace gs, JsonNode spec, Map<String, Representation> users) {
        List<Representation> fields = new ArrayList<>();
        for (JsonNode entry : spec) {
            Representation r = field(gs, entry.get(0).asText(), users);
            for (int k = 0; k < entry.get(1).asInt(); k++) {
                fields.add(r);
            }
        }
        return fields;
    }

    /** A key of the file: a user name, restrict:0.5,-1:<key>, or a key of the reference specs. */
    private static Representation field(GSpace gs, String key, Map<String, Representation> users) {
        if (users.containsKey(key)) {
            return users.get(key);
        }
        if (key.startsWith("restrict:0.5,-1:")) {
            return Representations.restrict(field(gs, key.substring("restrict:0.5,-1:".length()), users),
                    SubgroupId.orthogonal(0.5, -1));
        }
        return ReferenceData.representation(gs, key);
    }
}
