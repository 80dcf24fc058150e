package org.e2dl4j.math.repr;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.e2dl4j.math.ReferenceData;
import org.e2dl4j.math.group.Group;
import org.e2dl4j.math.group.GroupElement;
import org.e2dl4j.math.group.Groups;
import org.e2dl4j.math.group.SubgroupId;

/** Decodes groups, elements and subgroup ids of {@code groups.json} (encodings in its "encoding" entry). */
final class ReferenceGroups {

    private ReferenceGroups() {
    }

    /** The keys of the "groups" entry: C1, C2, ..., D8, SO2, O2. */
    static List<String> names() {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = ReferenceData.groups().get("groups").fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    static JsonNode entry(String key) {
        return ReferenceData.groups().get("groups").get(key);
    }

    /** The group of an entry; SO(2) and O(2) with the maximum frequency of the irreps the entry lists. */
    static Group group(String key) {
        if (key.equals("SO2")) {
            return Groups.so2(entry(key).get("irreps").size() - 1);
        }
        if (key.equals("O2")) {
            return Groups.o2(entry(key).get("irreps").size() - 2);
        }
        int n = Integer.parseInt(key.substring(1));
        return key.startsWith("C") ? Groups.cyclic(n) : Groups.dihedral(n);
    }

    /** An element in the entry's encoding: k (C_N), [f, k] (D_N), theta (SO(2)), [f, theta] (O(2)). */
    static GroupElement element(Group g, JsonNode e) {
        switch (g.kind()) {
            case CYCLIC:
                return GroupElement.finite(0, e.asInt(), g.rotationOrder());
            case DIHEDRAL:
                return GroupElement.finite(e.get(0).asInt(), e.get(1).asInt(), g.rotationOrder());
            case SO2:
                return GroupElement.continuous(0, e.asDouble());
            default:
                return GroupElement.continuous(e.get(0).asInt(), e.get(1).asDouble());
        }
    }

    static List<GroupElement> elements(String key) {
        Group g = group(key);
        List<GroupElement> els = new ArrayList<>();
        for (JsonNode e : entry(key).get("elements")) {
            els.add(element(g, e));
        }
        return els;
    }

    /** A subgroup id: an int M for C_N, [axis or null, M] for D_N. */
    static SubgroupId subgroupId(JsonNode id) {
        if (id.isInt()) {
            return SubgroupId.rotations(id.asInt());
        }
        return SubgroupId.dihedral(id.get(0).isNull() ? null : id.get(0).asInt(), id.get(1).asInt());
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        for (JsonNode s : array) {
            out.add(s.asText());
        }
        return out;
    }
}
