package org.e2dl4j.math;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.e2dl4j.math.group.Group;
import org.e2dl4j.math.group.GroupElement;
import org.e2dl4j.math.group.GroupGrid;
import org.e2dl4j.math.group.GroupKind;
import org.e2dl4j.math.group.SubgroupId;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.math.repr.Representation;
import org.e2dl4j.math.repr.Representations;

/**
 * One config of {@code reference/data/fourier.json} (escnn's {@code FourierPointwise} /
 * {@code QuotientFourierPointwise}, written by {@code reference/fourier.py}), decoded into e2-math types. Shared
 * with the layer tests through e2-math's test-jar.
 *
 * @param name       the config's name
 * @param gspace     escnn's G-space (rot2dOnR2 or flipRot2dOnR2)
 * @param subgroup   the subgroup of a quotient config, null for a regular one
 * @param channels   number of fields
 * @param irreps     the input's irrep ids
 * @param outIrreps  the output's irrep ids (the input's when escnn's {@code out_irreps} was None)
 * @param grid       escnn's grid arguments
 * @param function   escnn's function name ({@code p_relu}, ...)
 * @param normalize  escnn's {@code normalize}
 * @param node       the config's JSON (A, Ainv, gridElements, representation, input, output, ...)
 */
public record FourierReference(String name, GSpace gspace, SubgroupId subgroup, int channels, List<int[]> irreps,
                               List<int[]> outIrreps, GroupGrid grid, String function, boolean normalize,
                               JsonNode node) {

    /** Every number of the file is rounded to 10 decimals: half a unit of the last one. */
    public static final double ROUNDING = 5e-11;

    /** All configs of the file, in order. */
    public static List<FourierReference> all() {
        List<FourierReference> out = new ArrayList<>();
        for (JsonNode c : ReferenceData.read("fourier.json").get("configs")) {
            out.add(decode(c));
        }
        return out;
    }

    private static FourierReference decode(JsonNode c) {
        JsonNode gs = c.get("gspace");
        int n = gs.get("n").asInt();
        int f = gs.get("maximumFrequency").asInt();
        boolean flips = gs.get("kind").asText().equals("flip");
        GSpace space = flips ? (n == -1 ? GSpaces.flipRot2dOnR2(-1, f) : GSpaces.flipRot2dOnR2(n))
                : (n == -1 ? GSpaces.rot2dOnR2(-1, f) : GSpaces.rot2dOnR2(n));
        JsonNode g = c.get("grid");
        GroupGrid grid = g.get("type").asText().equals("rand")
                ? GroupGrid.rand(g.get("N").asInt(), g.get("seed").asLong()) : GroupGrid.regular(g.get("N").asInt());
        List<int[]> irreps = ids(c.get("irreps"));
        List<int[]> outIrreps = c.get("outIrreps").isNull() ? irreps : ids(c.get("outIrreps"));
        return new FourierReference(c.get("name").asText(), space, subgroup(space.fibergroup(), c.get("subgroup")),
                c.get("channels").asInt(), irreps, outIrreps, grid, c.get("function").asText(),
                c.get("normalize").asBoolean(), c);
    }

    private static SubgroupId subgroup(Group g, JsonNode s) {
        if (s.isNull()) {
            return null;
        }
        if (s.isInt()) {
            return SubgroupId.rotations(s.asInt());
        }
        JsonNode axis = s.get(0);
        int m = s.get(1).asInt();
        if (g.kind() == GroupKind.DIHEDRAL) {
            return SubgroupId.dihedral(axis.isNull() ? null : axis.asInt(), m);
        }
        return SubgroupId.orthogonal(axis.isNull() ? null : axis.asDouble(), m);
    }

    private static List<int[]> ids(JsonNode list) {
        List<int[]> out = new ArrayList<>();
        for (JsonNode id : list) {
            int[] v = new int[id.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = id.get(i).asInt();
            }
            out.add(v);
        }
        return out;
    }

    /** The group escnn's module transforms over. */
    public Group group() {
        return gspace.fibergroup();
    }

    /** Whether escnn's {@code out_irreps} was given. */
    public boolean hasOutIrreps() {
        return !node.get("outIrreps").isNull();
    }

    /** Our input representation for the config. */
    public Representation representation() {
        return spectral(irreps);
    }

    /** Our output representation for the config. */
    public Representation outRepresentation() {
        return spectral(outIrreps);
    }

    private Representation spectral(List<int[]> ids) {
        return subgroup == null ? Representations.spectralRegular(group(), ids)
                : Representations.spectralQuotient(group(), subgroup, ids);
    }

    /** escnn's grid points: (flip, rotation index) for finite groups, (flip, angle) else. */
    public List<GroupElement> gridElements() {
        List<GroupElement> out = new ArrayList<>();
        Group g = group();
        for (JsonNode e : node.get("gridElements")) {
            int flip = e.get("flip").asInt();
            out.add(g.isFinite() ? GroupElement.finite(flip, e.get("rotation").asInt(), g.rotationOrder())
                    : GroupElement.continuous(flip, e.get("rotation").asDouble()));
        }
        return out;
    }

    /** A matrix of the config ({@code "A"} or {@code "Ainv"}). */
    public double[][] matrix(String key) {
        JsonNode m = node.get(key);
        double[][] out = new double[m.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = new double[m.get(i).size()];
            for (int j = 0; j < out[i].length; j++) {
                out[i][j] = m.get(i).get(j).asDouble();
            }
        }
        return out;
    }

    /** A flat array of the config ({@code "input"} or {@code "output"}). */
    public double[] values(String key) {
        JsonNode v = node.get(key);
        double[] out = new double[v.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = v.get(i).asDouble();
        }
        return out;
    }

    /** A shape of the config ({@code "inputShape"} or {@code "outputShape"}). */
    public long[] shape(String key) {
        JsonNode v = node.get(key);
        long[] out = new long[v.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = v.get(i).asLong();
        }
        return out;
    }

    @Override
    public String toString() {
        return name;
    }
}
