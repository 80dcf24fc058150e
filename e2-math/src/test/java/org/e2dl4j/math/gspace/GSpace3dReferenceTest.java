package org.e2dl4j.math.gspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.e2dl4j.math.ReferenceData;
import org.hipparchus.geometry.euclidean.threed.Rotation;
import org.e2dl4j.math.group.Group;
import org.e2dl4j.math.group.GroupElement;
import org.e2dl4j.math.group.GroupKind;
import org.e2dl4j.math.repr.Representation;
import org.e2dl4j.math.repr.Representations;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The G-spaces of R^3 made of planar groups against escnn 1.0.13 ({@code reference/gspaces3d.py}): every element's
 * 3 x 3 matrix on (x, y, z), which elements preserve the voxel grid, and escnn's {@code GeometricTensor.transform}
 * of a random NCDHW volume (3 x 4 x 4, a trivial field and a field of the group's irrep of frequency 1; for SO(3)
 * and O(3) 4 x 4 x 4 with the irreps l = 0, 1, 2 on six rotations of the cube, with and without the inversion, and
 * one generic rotation) redone from {@link GSpace#gridPermutation(GroupElement, int, int, int)} and the fields'
 * representations.
 */
class GSpace3dReferenceTest {

    static Stream<JsonNode> planarSubgroupCases() {
        List<JsonNode> cases = new ArrayList<>();
        ReferenceData.read("gspaces3d.json").get("planar_subgroups").forEach(cases::add);
        ReferenceData.read("gspaces3d.json").get("rotation_groups").forEach(cases::add);
        return cases.stream();
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("planarSubgroupCases")
    void matricesAndVoxelTransformsAreEscnns(JsonNode c) {
        GSpace gs = gspace(c.get("factory").asText(), c.get("args"));
        String label = gs.name() + " (escnn " + c.get("name").asText() + ")";
        assertEquals(c.get("group").asText(), gs.fibergroup().name(), label + ": fibergroup");
        assertEquals(3, gs.dimensionality(), label);
        List<Representation> fields = new ArrayList<>();
        for (JsonNode id : c.get("fields")) {
            int[] ids = new int[id.size()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = id.get(i).asInt();
            }
            fields.add(Representations.irrep(gs.fibergroup(), ids));
        }
        Representation rho = Representations.directSum(fields, null);
        int depth = c.get("shape").get(0).asInt();
        int height = c.get("shape").get(1).asInt();
        int width = c.get("shape").get(2).asInt();
        double[][] input = volume(c.get("input").get(0), rho.size(), depth * height * width);
        List<GroupElement> preserving = new ArrayList<>();
        int transforms = 0;
        for (JsonNode e : c.get("elements")) {
            GroupElement g = e.get("params").isArray() ? element(gs.fibergroup(), e.get("params"))
                    : spatialElement(e.get("params"));
            double[][] m = gs.baseMatrix(g);
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    assertEquals(e.get("matrix").get(i).get(j).asDouble(), m[i][j], 1e-8,
                            label + ": matrix of " + g + " at (" + i + ", " + j + ")");
                }
            }
            assertEquals(e.get("preserves_grid").asBoolean(), gs.preservesGrid(g), label + ": preservesGrid(" + g + ")");
            if (!gs.preservesGrid(g)) {
                continue;
            }
            preserving.add(g);
            int[] perm = gs.gridPermutation(g, depth, height, width);
            double[][] r = rho.matrix(g);
            double[][] expected = volume(e.get("output").get(0), rho.size(), perm.length);
            for (int ch = 0; ch < rho.size(); ch++) {
                for (int p = 0; p < perm.length; p++) {
                    double v = 0;
                    for (int k = 0; k < rho.size(); k++) {
                        v += r[ch][k] * input[k][perm[p]];
                    }
                    assertEquals(expected[ch][p], v, 1e-7, label + ": transform by " + g + ", channel " + ch
                            + ", voxel " + p);
                }
            }
            transforms++;
        }
        assertTrue(transforms >= 1, label + ": transforms checked");
        List<GroupElement> testing = gs.testingElements();
        if (gs.fibergroup().kind() == GroupKind.SO3 || gs.fibergroup().kind() == GroupKind.O3) {
            // the reference holds a few of the cube's rotations; the testing elements are all of them
            assertEquals(gs.fibergroup().kind() == GroupKind.SO3 ? 24 : 48, testing.size(), label);
        } else {
            assertEquals(preserving.size(), testing.size(), label + ": testing elements " + testing);
        }
        for (GroupElement g : preserving) {
            assertTrue(testing.stream().anyMatch(t -> gs.fibergroup().equal(t, g, 1e-12)),
                    label + ": " + g + " preserves the grid but is no testing element");
        }
    }

    static GroupElement spatialElement(JsonNode params) {
        double[][] m = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                m[i][j] = params.get("rotation").get(i).get(j).asDouble();
            }
        }
        return GroupElement.spatial(params.get("inversion").asInt(), new Rotation(m, 1e-7));
    }

    static GSpace gspace(String factory, JsonNode args) {
        int n = args.has("n") ? args.get("n").asInt() : 0;
        double axis = args.has("axis") ? args.get("axis").asDouble() : GSpaces.DEFAULT_AXIS;
        int f = GSpaces.DEFAULT_MAXIMUM_FREQUENCY_3D;
        return switch (factory) {
            case "trivialOnR3" -> GSpaces.trivialOnR3();
            case "invOnR3" -> GSpaces.invOnR3();
            case "mirOnR3" -> GSpaces.mirOnR3(axis);
            case "rot2dOnR3" -> GSpaces.rot2dOnR3(n);
            case "dihedralOnR3" -> GSpaces.dihedralOnR3(n, f, axis);
            case "conicalOnR3" -> GSpaces.conicalOnR3(n, f, axis);
            case "rot3dOnR3" -> GSpaces.rot3dOnR3();
            case "flipRot3dOnR3" -> GSpaces.flipRot3dOnR3();
            default -> throw new IllegalArgumentException("no case for " + factory);
        };
    }

    static GroupElement element(Group group, JsonNode params) {
        int flip = params.get(0).asInt();
        if (group.kind() == GroupKind.SO2 || group.kind() == GroupKind.O2) {
            return GroupElement.continuous(flip, params.get(1).asDouble());
        }
        return GroupElement.finite(flip, params.get(1).asInt(), group.rotationOrder());
    }

    /** [C][D][H][W] as [C][voxel in C order]. */
    private static double[][] volume(JsonNode channels, int size, int voxels) {
        assertEquals(size, channels.size(), "channels of a reference volume");
        double[][] v = new double[size][voxels];
        for (int ch = 0; ch < size; ch++) {
            int p = 0;
            for (JsonNode slice : channels.get(ch)) {
                for (JsonNode row : slice) {
                    for (JsonNode x : row) {
                        v[ch][p++] = x.asDouble();
                    }
                }
            }
            assertEquals(voxels, p, "voxels of a reference volume");
        }
        return v;
    }
}
