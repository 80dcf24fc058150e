package org.e2dl4j.math;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.e2dl4j.math.group.Group;
import org.e2dl4j.math.group.GroupElement;
import org.e2dl4j.math.group.GroupGrid;
import org.e2dl4j.math.group.Groups;
import org.e2dl4j.math.group.SubgroupId;
import org.e2dl4j.math.repr.Representation;
import org.e2dl4j.math.repr.Representations;
import org.hipparchus.geometry.euclidean.threed.Rotation;
import org.hipparchus.geometry.euclidean.threed.Vector3D;

/**
 * One config of {@code reference/data/fourier3d.json} (escnn's {@code FourierPointwise} /
 * {@code QuotientFourierPointwise} on SO(3) and O(3), written by {@code reference/fourier3d.py}), decoded into e2-math
 * types. Shared with the layer tests through e2-math's test-jar.
 *
 * @param name      the config's name
 * @param group     SO(3) or O(3), maximum frequency 4 (escnn's G-space was built with maximum_frequency=4)
 * @param subgroup  the subgroup of a quotient config (SO(2) about z, the cone O(2)), null for a regular one
 * @param channels  number of fields
 * @param irreps    the input's irrep ids (escnn's {@code bl_irreps})
 * @param outIrreps the output's irrep ids (the input's when escnn's {@code out_irreps} was None)
 * @param grid      escnn's grid arguments
 * @param function  escnn's function name
 * @param normalize escnn's {@code normalize}
 * @param node      the config's JSON (A, Ainv, gridElements, representation, input, output, ...)
 */
public record Fourier3dReference(String name, Group group, SubgroupId subgroup, int channels, List<int[]> irreps,
                                 List<int[]> outIrreps, GroupGrid grid, String function, boolean normalize,
                                 JsonNode node) {

    /** Every number of the file is rounded to 10 decimals: half a unit of the last one. */
    public static final double ROUNDING = 5e-11;

    /** The maximum frequency of escnn's G-spaces in the script. */
    public static final int MAXIMUM_FREQUENCY = 4;

    /** All configs of the file, in order. */
    public static List<Fourier3dReference> all() {
        List<Fourier3dReference> out = new ArrayList<>();
        for (JsonNode c : ReferenceData.read("fourier3d.json").get("configs")) {
            out.add(decode(c));
        }
        return out;
    }

    private static Fourier3dReference decode(JsonNode c) {
        boolean o3 = c.get("o3").asBoolean();
        Group g = o3 ? Groups.o3(MAXIMUM_FREQUENCY) : Groups.so3(MAXIMUM_FREQUENCY);
        SubgroupId subgroup = c.get("subgroup").isNull() ? null
                : o3 ? SubgroupId.cone(-1) : SubgroupId.planarRotations(-1);
        List<int[]> irreps = Representations.bandLimitedIrreps(g, c.get("bandLimit").asInt());
        List<int[]> outIrreps = c.get("outBandLimit").isNull() ? irreps
                : Representations.bandLimitedIrreps(g, c.get("outBandLimit").asInt());
        return new Fourier3dReference(c.get("name").asText(), g, subgroup, c.get("channels").asInt(), irreps,
                outIrreps, grid(c.get("grid")), c.get("function").asText(), c.get("normalize").asBoolean(), c);
    }

    private static GroupGrid grid(JsonNode g) {
        GroupGrid.Type type = GroupGrid.Type.fromEscnnName(g.get("type").asText());
        return GroupGrid.of(type, g.has("N") ? g.get("N").asInt() : 0, g.has("seed") ? g.get("seed").asLong() : null);
    }

    /** Whether escnn's {@code out_irreps} was given. */
    public boolean hasOutIrreps() {
        return !node.get("outBandLimit").isNull();
    }

    /** Whether the grid is one of the sphere (its points are cosets, given by R e_z). */
    public boolean sphereGrid() {
        return grid.type().isSphere();
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
        return subgroup == null ? Representations.spectralRegular(group, ids)
                : Representations.spectralQuotient(group, subgroup, ids);
    }

    /** escnn's grid points' inversion bits, in escnn's order. */
    public List<Integer> inversions() {
        List<Integer> out = new ArrayList<>();
        for (JsonNode e : node.get("gridElements")) {
            out.add(e.get("inversion").asInt());
        }
        return out;
    }

    /** escnn's grid points' rotation matrices (group grids only), in escnn's order. */
    public List<double[][]> rotations() {
        List<double[][]> out = new ArrayList<>();
        for (JsonNode e : node.get("gridElements")) {
            out.add(ReferenceData.matrix(e.get("rotation")));
        }
        return out;
    }

    /** escnn's sphere grid's points R e_z of its coset representatives R (sphere grids only), in escnn's order. */
    public List<Vector3D> points() {
        List<Vector3D> out = new ArrayList<>();
        for (JsonNode e : node.get("gridElements")) {
            double[] p = ReferenceData.doubles(e.get("point"));
            out.add(new Vector3D(p[0], p[1], p[2]));
        }
        return out;
    }

    /**
     * escnn's grid as elements, in escnn's order: group grids from their matrices, sphere grids by one representative
     * per point (any one will do: the functions are constant on the cosets).
     */
    public List<GroupElement> escnnGrid() {
        List<GroupElement> out = new ArrayList<>();
        List<Integer> inversions = inversions();
        if (sphereGrid()) {
            for (Vector3D p : points()) {
                out.add(GroupElement.spatial(0, new Rotation(Vector3D.PLUS_K, p)));
            }
            return out;
        }
        List<double[][]> rotations = rotations();
        for (int i = 0; i < rotations.size(); i++) {
            out.add(GroupElement.spatial(inversions.get(i), new Rotation(rotations.get(i), 1e-9)));
        }
        return out;
    }

    /** A matrix of the config ({@code "A"} or {@code "Ainv"}). */
    public double[][] matrix(String key) {
        return ReferenceData.matrix(node.get(key));
    }

    /** A flat array of the config ({@code "input"} or {@code "output"}). */
    public double[] values(String key) {
        return ReferenceData.doubles(node.get(key));
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
