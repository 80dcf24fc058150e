package org.e2dl4j.nn.structure;

import static org.e2dl4j.testing.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.e2dl4j.math.group.SubgroupId;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.nn.EquivariantLayer;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.testing.LayerContract;
import org.e2dl4j.nn.testing.TestNetworks;
import org.e2dl4j.testing.ReferenceFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The structure modules on NCDHW volumes: {@link R3Upsampling} against escnn 1.0.13's {@code R3Upsampling}
 * ({@code reference/pooling3d.py}: trilinear by 2 and 3, to a size with aligned corners, nearest), and the layer
 * contract (equivariance on the cube's 24 / 48 grid elements, gradient check in double, JSON and ModelSerializer,
 * export or refusal) of R3Upsampling, RestrictionModule (full octahedral to octahedral, octahedral to the rotations
 * about z, to the inversion), IdentityModule, ReshuffleModule and DisentangleModule.
 */
class Structure3dTest {

    private static final GSpace OCTA = GSpaces.octaOnR3();
    private static final GSpace FULL_OCTA = GSpaces.fullOctaOnR3();
    private static final GSpace D4 = GSpaces.dihedralOnR3(4);

    static List<JsonNode> upsamplingCases() {
        List<JsonNode> cases = new ArrayList<>();
        ReferenceFiles.read("pooling3d.json").get("cases").forEach(c -> {
            if (c.get("params").get("op").asText().equals("upsampling")) {
                cases.add(c);
            }
        });
        return cases;
    }

    private static INDArray array(JsonNode values, JsonNode shape) {
        double[] v = new double[values.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = values.get(i).asDouble();
        }
        long[] s = new long[shape.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = shape.get(i).asLong();
        }
        return Nd4j.createFromArray(v).reshape('c', s);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("upsamplingCases")
    void upsamplingMatchesEscnn(JsonNode c) {
        JsonNode p = c.get("params");
        R3Upsampling.Builder b = new R3Upsampling.Builder(FieldType.trivial(GSpaces.trivialOnR3(), 3))
                .mode(p.get("mode").asText()).alignCorners(p.get("align_corners").asBoolean());
        if (p.has("scale")) {
            b.scaleFactor(p.get("scale").asInt());
        } else {
            b.size(p.get("size").get(0).asInt(), p.get("size").get(1).asInt(), p.get("size").get(2).asInt());
        }
        INDArray x = array(c.get("input"), c.get("input_shape"));
        INDArray expected = array(c.get("output"), c.get("output_shape"));
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().dataType(DataType.DOUBLE)
                .list().layer(b.build()).validateOutputLayerConfig(false).build());
        net.init();
        INDArray y = net.output(x);
        assertArrayEquals(expected.shape(), y.shape(), c.get("name").asText());
        double err = y.sub(expected).amaxNumber().doubleValue();
        assertTrue(err <= 1e-9, c.get("name").asText() + ": expected escnn's output, max error " + err);
    }

    private static FieldType irrepsOfSize(GSpace gs, int size, int n) {
        return FieldType.of(gs, gs.irreps().stream().filter(r -> r.size() == size).findFirst().orElseThrow(), n);
    }

    /**
     * A contract case: the module on a 3D field type; equivariance is checked for the types {@code checkedIn} /
     * {@code checkedOut} (the subgroup's, for a restriction).
     */
    record Case(String name, FieldType type, int size, Function<FieldType, Layer> layer, FieldType checkedIn,
                boolean exports) {
        @Override
        public String toString() {
            return name;
        }

        InputType input() {
            return TestNetworks.volume(type, size, size, size);
        }

        Supplier<List<Layer>> layers() {
            return () -> List.of(layer.apply(type));
        }

        FieldType checkedOut() {
            FieldType out = ((EquivariantLayer) layer.apply(type)).outType();
            return checkedIn == type ? out : new FieldType(checkedIn.gspace(), out.representations());
        }
    }

    private static Case same(String name, FieldType type, int size, Function<FieldType, Layer> layer, boolean exports) {
        return new Case(name, type, size, layer, type, exports);
    }

    private static Case restriction(String name, FieldType type, SubgroupId id) {
        return new Case(name, type, 3, t -> new RestrictionModule.Builder(t, id).build(), type.restrict(id), true);
    }

    static List<Case> cases() {
        FieldType mixed = FieldType.regular(OCTA, 1).plus(FieldType.trivial(OCTA, 1)).plus(irrepsOfSize(OCTA, 3, 1));
        return List.of(
                same("R3Upsampling trilinear x2 on fullOctaOnR3", irrepsOfSize(FULL_OCTA, 3, 1)
                        .plus(FieldType.trivial(FULL_OCTA, 1)), 3, t -> new R3Upsampling.Builder(t, 2).build(), true),
                same("R3Upsampling trilinear x3 on octaOnR3", FieldType.regular(OCTA, 1), 2,
                        t -> new R3Upsampling.Builder(t, 3).build(), true),
                same("R3Upsampling nearest x2 on fullOctaOnR3", FieldType.regular(FULL_OCTA, 1), 2,
                        t -> new R3Upsampling.Builder(t, 2).mode("nearest").build(), true),
                same("R3Upsampling to a size, aligned corners, on octaOnR3", FieldType.trivial(OCTA, 2), 3,
                        t -> new R3Upsampling.Builder(t).size(5).alignCorners(true).build(), false),
                restriction("RestrictionModule fullOctaOnR3 -> octaOnR3", FieldType.regular(FULL_OCTA, 1)
                        .plus(irrepsOfSize(FULL_OCTA, 3, 1)), SubgroupId.octa()),
                restriction("RestrictionModule octaOnR3 -> rot2dOnR3(4)", mixed, SubgroupId.planarRotations(4)),
                restriction("RestrictionModule fullOctaOnR3 -> invOnR3", irrepsOfSize(FULL_OCTA, 3, 2),
                        SubgroupId.inversion()),
                same("IdentityModule on fullOctaOnR3", FieldType.regular(FULL_OCTA, 1), 3,
                        t -> new IdentityModule.Builder(t).build(), true),
                same("ReshuffleModule on octaOnR3", mixed, 3, t -> new ReshuffleModule.Builder(t, 2, 0, 1).build(), true),
                same("DisentangleModule on octaOnR3", FieldType.regular(OCTA, 1).plus(FieldType.trivial(OCTA, 1)), 3,
                        t -> new DisentangleModule.Builder(t).build(), true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isEquivariantOnTheGridElements(Case c) {
        LayerContract.assertEquivariant(c.name(), c.input(), c.layers(), c.checkedIn(), c.checkedOut(), 1e-5);
    }

    /** Gradient checks of each module class on small fields of the dihedral group (the same code on every group). */
    @Test
    void gradientsMatchFiniteDifferences() {
        FieldType t = FieldType.regular(D4, 1).plus(FieldType.irrep(D4, 1, 1, 1));
        for (Supplier<Layer> layer : List.<Supplier<Layer>>of(
                () -> new R3Upsampling.Builder(t, 2).build(),
                () -> new R3Upsampling.Builder(t).size(3, 2, 4).alignCorners(true).build(),
                () -> new RestrictionModule.Builder(t, SubgroupId.dihedral(null, 4)).build(),
                () -> new ReshuffleModule.Builder(t, 1, 0).build(),
                () -> new DisentangleModule.Builder(t).build())) {
            LayerContract.assertGradientsCorrect(layer.get().getClass().getSimpleName(), TestNetworks.GRADIENT_VOLUME,
                    TestNetworks.behindStockConvolution3D(t, layer));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void survivesJsonAndModelSerializer(Case c, @TempDir Path dir) throws Exception {
        LayerContract.assertJsonRoundTrip(c.name(), c.input(), c.layers());
        LayerContract.assertSerializerRoundTrip(c.name(), c.input(), c.layers(), dir);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void exportsOrRefuses(Case c) {
        if (c.exports()) {
            LayerContract.assertExportEquivalent(c.name(), c.input(), c.layers());
        } else {
            LayerContract.assertExportRefused(c.name(), c.input(), c.layers(),
                    c.layer().apply(c.type()).getClass().getSimpleName());
        }
    }

    @Test
    void upsamplingsHoldToTheirBaseSpace() {
        FieldType volumes = FieldType.trivial(OCTA, 1);
        assertRejected(() -> new R3Upsampling.Builder(FieldType.trivial(GSpaces.rot2dOnR2(4), 1), 2).build(),
                "R3Upsampling", "3-dimensional base space", "2-dimensional base space");
        assertRejected(() -> new R2Upsampling.Builder(volumes, 2).build(), "R2Upsampling",
                "2-dimensional base space", "3-dimensional base space");
        assertRejected(() -> new R3Upsampling.Builder(volumes, 2).size(3).build(), "R3Upsampling",
                "exactly one of a positive scaleFactor and a positive size", "both");
        assertRejected(() -> new R3Upsampling.Builder(volumes, 2).mode("nearest").alignCorners(true).build(),
                "R3Upsampling", "alignCorners applies to trilinear interpolation only");
        assertRejected(() -> new R3Upsampling.Builder(volumes, 2).mode("bicubic"), "R3Upsampling",
                "\"trilinear\" or \"nearest\"", "bicubic");
        assertEquals(6, new R3Upsampling.Builder(volumes, 2).build().outputDepth(3));
    }
}
