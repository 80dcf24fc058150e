package org.e2dl4j.math.kernel;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.e2dl4j.math.ReferenceData;
import org.e2dl4j.math.group.Group;
import org.e2dl4j.math.group.Groups;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.math.repr.RecipeKey;
import org.e2dl4j.math.repr.Representation;

/**
 * Decodes {@code reference/data/linear.json} (escnn 1.0.13's {@code Linear}, written by {@code reference/linear.py}):
 * its cases, their groups and fields, and the sign by which escnn's basis matrix of a weight differs from this
 * library's. For the tests of e2-math and, through its test-jar, of the layers.
 */
public final class LinearReference {

    private LinearReference() {
    }

    /** The cases of linear.json, in file order. */
    public static List<JsonNode> cases() {
        List<JsonNode> list = new ArrayList<>();
        ReferenceData.read("linear.json").get("cases").forEach(list::add);
        return list;
    }

    /** The group of a case's spec: {"kind": "cyclic", "n": 4}, dihedral, so2 / o2 with maximumFrequency. */
    public static Group group(JsonNode spec) {
        return switch (spec.get("kind").asText()) {
            case "cyclic" -> Groups.cyclic(spec.get("n").asInt());
            case "dihedral" -> Groups.dihedral(spec.get("n").asInt());
            case "so2" -> Groups.so2(spec.get("maximumFrequency").asInt());
            case "o2" -> Groups.o2(spec.get("maximumFrequency").asInt());
            default -> throw new IllegalArgumentException("unknown group spec " + spec);
        };
    }

    /** The representations of a list of field keys ("regular", "irrep:1,1", ...). */
    public static List<Representation> fields(Group g, JsonNode keys) {
        List<Representation> list = new ArrayList<>();
        keys.forEach(k -> list.add(RecipeKey.parse(g, k.asText()).build(g)));
        return list;
    }

    /** The layer basis of a case on {@code noBaseSpace(group)}. */
    public static LayerBasis basis(JsonNode c) {
        Group g = group(c.get("group"));
        return LayerBasis.of(GSpaces.noBaseSpace(g), fields(g, c.get("in_fields")), fields(g, c.get("out_fields")), 1, 1,
                FiberIntertwinerSampler.INSTANCE);
    }

    /** The basis element of every weight, in weight order ([pair][outField][inField][element]). */
    public static List<BasisElement> elementsInWeightOrder(LayerBasis basis) {
        List<BasisElement> list = new ArrayList<>();
        for (PairBasis pair : basis.pairs()) {
            for (int block = 0; block < pair.outCount() * pair.inCount(); block++) {
                pair.basis().elements().forEach(e -> list.add((BasisElement) e));
            }
        }
        return list;
    }

    /**
     * The sign of escnn's solution for an element of a case, relative to this library's: escnn's solver gives -I for
     * the endomorphism of D_N's irrep (1, 1) in these configurations, and this library's element for every other.
     */
    public static double escnnSign(JsonNode c, BasisElement e) {
        return c.get("group").get("kind").asText().equals("dihedral") && e.inIrrep().equals("irrep_1,1") ? -1 : 1;
    }
}
