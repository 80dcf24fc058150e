package org.e2dl4j.nn;

import static org.e2dl4j.testing.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.e2dl4j.math.ReferenceData;
import org.e2dl4j.math.group.Group;
import org.e2dl4j.math.group.GroupElement;
import org.e2dl4j.math.group.GroupKind;
import org.e2dl4j.math.group.SubgroupId;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.math.repr.Representation;
import org.e2dl4j.math.repr.Representations;
import org.hipparchus.geometry.euclidean.threed.Rotation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Field types of the G-spaces of R^3 on NCDHW volumes: {@link FieldType#transform} against escnn 1.0.13's
 * {@code GeometricTensor.transform} ({@code reference/gspaces3d.py}: every grid-preserving element of 14 G-spaces on a
 * 3 x 4 x 4 volume, and for SO(3) and O(3) six rotations of the cube with and without the inversion on fields of the
 * irreps l = 0, 1, 2 of a 4 x 4 x 4 volume), the rank checks, and {@link GeometricTensor} on volumes.
 */
class FieldType3dTest {

    static Stream<JsonNode> cases() {
        List<JsonNode> cases = new ArrayList<>();
        ReferenceData.read("gspaces3d.json").get("planar_subgroups").forEach(cases::add);
        ReferenceData.read("gspaces3d.json").get("rotation_groups").forEach(cases::add);
        return cases.stream();
    }

    @ParameterizedTest(name = "{index}")
    @MethodSource("cases")
    void transformOfVolumesIsEscnns(JsonNode c) {
        GSpace gs = gspace(c.get("factory").asText(), c.get("args"));
        List<Representation> fields = new ArrayList<>();
        for (JsonNode id : c.get("fields")) {
            int[] ids = new int[id.size()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = id.get(i).asInt();
            }
            fields.add(Representations.irrep(gs.fibergroup(), ids));
        }
        FieldType type = new FieldType(gs, fields);
        INDArray x = array(c.get("input"), c.get("shape"), type.size());
        int checked = 0;
        for (JsonNode e : c.get("elements")) {
            if (!e.get("preserves_grid").asBoolean()) {
                continue;
            }
            GroupElement g = e.get("params").isArray() ? element(gs.fibergroup(), e.get("params"))
                    : spatialElement(e.get("params"));
            INDArray expected = array(e.get("output"), c.get("shape"), type.size());
            INDArray y = type.transform(x, g);
            assertEquals(Arrays.toString(expected.shape()), Arrays.toString(y.shape()), gs + " " + g);
            double err = y.sub(expected).amaxNumber().doubleValue();
            assertTrue(err < 1e-7, gs + ": transform by " + g + " differs from escnn's by " + err);
            checked++;
        }
        assertTrue(checked >= 1, gs + ": elements checked");
    }

    @Test
    void volumesTakeRankFiveAndPlanesRankFour() {
        FieldType volume = FieldType.regular(GSpaces.rot2dOnR3(4), 1);
        FieldType plane = FieldType.regular(GSpaces.rot2dOnR2(4), 1);
        assertEquals(5, volume.featureMapRank());
        assertEquals(4, plane.featureMapRank());
        assertRejected(() -> volume.checkFeatureMap(Nd4j.zeros(2, 4, 3, 3), "R3Conv"), "R3Conv", "rank-5 NCDHW",
                "Rot2dOnR3(4)", "got rank 4");
        assertRejected(() -> plane.checkFeatureMap(Nd4j.zeros(2, 4, 3, 3, 3), "R2Conv"), "R2Conv", "rank-4 NCHW",
                "got rank 5");
        assertRejected(() -> volume.checkFeatureMap(Nd4j.zeros(2, 5, 3, 3, 3), "R3Conv"), "expected 4 channels",
                "got 5 channels");
    }

    @Test
    void elementsThatDoNotMapTheVoxelGridOntoItselfAreRefused() {
        FieldType t = FieldType.regular(GSpaces.rot2dOnR3(8), 1);
        assertRejected(() -> t.transform(Nd4j.rand(DataType.DOUBLE, 1, 8, 3, 3, 3), GroupElement.finite(0, 1, 8)),
                "r1/8", "Rot2dOnR3(8)", "does not map the voxel grid onto itself");
        assertRejected(() -> t.transform(Nd4j.rand(DataType.DOUBLE, 1, 8, 3, 3, 4), GroupElement.finite(0, 2, 8)),
                "3 x 3 x 4", "axes of different lengths");
    }

    /** Transforming by b then a is transforming by ab (b a generator), and by g then g^-1 gives x back. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("finiteTypes")
    void transformIsAnAction(FieldType t) {
        GSpace gs = t.gspace();
        INDArray x = Nd4j.rand(DataType.DOUBLE, 1, t.size(), 3, 3, 3);
        Group g = gs.fibergroup();
        for (GroupElement a : g.elements()) {
            INDArray ax = t.transform(x, a);
            for (GroupElement b : g.generators()) {
                INDArray twice = t.transform(t.transform(x, b), a);
                INDArray once = t.transform(x, g.combine(a, b));
                assertEquals(0, twice.sub(once).amaxNumber().doubleValue(), 1e-12, gs + ": " + a + " . " + b);
            }
            INDArray back = t.transform(ax, g.inverse(a));
            assertEquals(0, back.sub(x).amaxNumber().doubleValue(), 1e-12, gs + ": " + a + " then its inverse");
        }
    }

    static Stream<FieldType> finiteTypes() {
        GSpace d4 = GSpaces.dihedralOnR3(4);
        GSpace octa = GSpaces.octaOnR3();
        return Stream.of(FieldType.regular(d4, 2).plus(FieldType.irrep(d4, 1, 1, 1)),
                FieldType.regular(octa, 1).plus(FieldType.of(octa, octa.irreps().get(3), 1)),
                FieldType.of(GSpaces.fullOctaOnR3(), GSpaces.fullOctaOnR3().irreps().get(5), 2));
    }

    @Test
    void geometricTensorsOfVolumesSliceSumAndRestrict() {
        GSpace gs = GSpaces.rot2dOnR3(4);
        FieldType t = FieldType.regular(gs, 2).plus(FieldType.trivial(gs, 1));
        INDArray x = Nd4j.rand(DataType.DOUBLE, 3, t.size(), 2, 3, 3);
        GeometricTensor gt = new GeometricTensor(x, t);
        GeometricTensor second = gt.fields(1, 3);
        assertEquals("[3, 5, 2, 3, 3]", Arrays.toString(second.shape()));
        assertEquals(0, second.tensor().sub(x.get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
                org.nd4j.linalg.indexing.NDArrayIndex.interval(4, 9))).amaxNumber().doubleValue(), 0);
        assertEquals("[1, 9, 2, 3, 3]", Arrays.toString(gt.batch(1, 2).shape()));
        GeometricTensor sum = GeometricTensor.directSum(gt.split(1));
        assertEquals(0, sum.tensor().sub(x).amaxNumber().doubleValue(), 0);
        assertEquals(GSpaces.rot2dOnR3(2), gt.restrict(SubgroupId.rotations(2)).type().gspace());
        GroupElement quarter = GroupElement.finite(0, 1, 4);
        assertEquals(0, gt.transform(quarter).tensor().sub(t.transform(x, quarter)).amaxNumber().doubleValue(), 0);
        assertRejected(() -> gt.crop(0, 1, 0, 1), "crop", "NCHW maps on the plane", "rank-5");
        assertRejected(() -> new GeometricTensor(Nd4j.zeros(1, 9, 3, 3), t), "GeometricTensor", "rank-5 NCDHW");
        GeometricTensor other = new GeometricTensor(Nd4j.rand(DataType.DOUBLE, 3, t.size(), 2, 3, 4), t);
        assertRejected(() -> GeometricTensor.directSum(gt, other), "directSum", "spatial size");
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

    static GroupElement spatialElement(JsonNode params) {
        double[][] m = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                m[i][j] = params.get("rotation").get(i).get(j).asDouble();
            }
        }
        return GroupElement.spatial(params.get("inversion").asInt(), new Rotation(m, 1e-7));
    }

    static GroupElement element(Group group, JsonNode params) {
        int flip = params.get(0).asInt();
        if (group.kind() == GroupKind.SO2 || group.kind() == GroupKind.O2) {
            return GroupElement.continuous(flip, params.get(1).asDouble());
        }
        return GroupElement.finite(flip, params.get(1).asInt(), group.rotationOrder());
    }

    /** A [1, C, D, H, W] reference volume as a double array. */
    private static INDArray array(JsonNode volume, JsonNode shape, int channels) {
        int d = shape.get(0).asInt();
        int h = shape.get(1).asInt();
        int w = shape.get(2).asInt();
        double[] v = new double[channels * d * h * w];
        int p = 0;
        for (JsonNode channel : volume.get(0)) {
            for (JsonNode slice : channel) {
                for (JsonNode row : slice) {
                    for (JsonNode x : row) {
                        v[p++] = x.asDouble();
                    }
                }
            }
        }
        assertEquals(v.length, p, "entries of a reference volume");
        return Nd4j.createFromArray(v).reshape('c', 1, channels, d, h, w);
    }
}
