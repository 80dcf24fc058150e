package org.e2dl4j.nn.pooling;

import static org.e2dl4j.testing.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
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
 * The 3D pooling layers ({@link PointwiseMaxPool3D}, {@link PointwiseAvgPool3D}, {@link PointwiseAvgPoolAntialiased3D})
 * against escnn 1.0.13's modules of the same names on seeded volumes ({@code reference/pooling3d.py}: windows with
 * stride, padding, dilation and ceil mode, the Gaussian blur), and the layer contract on the cube's 24 rotations
 * (octaOnR3) and 48 rotations and rotoinversions (fullOctaOnR3): equivariance where the windows tile the volume
 * symmetrically, gradient check in double, JSON and ModelSerializer, export to stock Subsampling3DLayer /
 * Convolution3D or the refusal.
 */
class Pooling3dTest {

    private static final GSpace OCTA = GSpaces.octaOnR3();
    private static final GSpace FULL_OCTA = GSpaces.fullOctaOnR3();
    private static final GSpace D4 = GSpaces.dihedralOnR3(4);

    static List<JsonNode> referenceCases() {
        List<JsonNode> cases = new ArrayList<>();
        ReferenceFiles.read("pooling3d.json").get("cases").forEach(c -> {
            if (!c.get("params").get("op").asText().equals("upsampling")) {
                cases.add(c);
            }
        });
        return cases;
    }

    /** The layer of a reference case on trivial fields of trivialOnR3. */
    private static Layer referenceLayer(JsonNode p, FieldType t) {
        String op = p.get("op").asText();
        if (op.equals("antialiased")) {
            PointwiseAvgPoolAntialiased3D.Builder b = new PointwiseAvgPoolAntialiased3D.Builder(t,
                    p.get("sigma").asDouble(), p.get("stride").asInt());
            if (p.has("padding")) {
                b.padding(p.get("padding").asInt());
            }
            return b.build();
        }
        int k = p.get("kernel").asInt();
        if (op.equals("max")) {
            return new PointwiseMaxPool3D.Builder(t, k).stride(p.get("stride").asInt()).padding(p.get("padding").asInt())
                    .dilation(p.get("dilation").asInt()).ceilMode(p.get("ceil").asBoolean()).build();
        }
        return new PointwiseAvgPool3D.Builder(t, k).stride(p.get("stride").asInt()).padding(p.get("padding").asInt())
                .ceilMode(p.get("ceil").asBoolean()).build();
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
    @MethodSource("referenceCases")
    void matchesEscnn(JsonNode c) {
        FieldType t = FieldType.trivial(GSpaces.trivialOnR3(), 3);
        INDArray x = array(c.get("input"), c.get("input_shape"));
        INDArray expected = array(c.get("output"), c.get("output_shape"));
        for (DataType type : new DataType[] {DataType.DOUBLE, DataType.FLOAT}) {
            MultiLayerNetwork net = new MultiLayerNetwork(new org.deeplearning4j.nn.conf.NeuralNetConfiguration.Builder()
                    .dataType(type).list().layer(referenceLayer(c.get("params"), t))
                    .validateOutputLayerConfig(false).build());
            net.init();
            INDArray y = net.output(x.castTo(type)).castTo(DataType.DOUBLE);
            assertArrayEquals(expected.shape(), y.shape(), c.get("name").asText() + ": output shape");
            double err = y.sub(expected).amaxNumber().doubleValue();
            double tolerance = type == DataType.DOUBLE ? 1e-9 : 1e-5;
            assertTrue(err <= tolerance, c.get("name").asText() + " in " + type + ": expected escnn's output, max error "
                    + err);
        }
    }

    /** A contract case: the pooling on a 3D field type over a cubic volume, exported or refused. */
    record Case(String name, FieldType type, int size, Function<FieldType, Layer> layer, boolean exports) {
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
    }

    private static FieldType irrepsOfSize(GSpace gs, int size, int n) {
        return FieldType.of(gs, gs.irreps().stream().filter(r -> r.size() == size).findFirst().orElseThrow(), n);
    }

    static List<Case> cases() {
        return List.of(
                new Case("max 2 on fullOctaOnR3 regular", FieldType.regular(FULL_OCTA, 1), 4,
                        t -> new PointwiseMaxPool3D.Builder(t, 2).build(), true),
                new Case("max 3 stride 1 padding 1 on octaOnR3 regular + trivial",
                        FieldType.regular(OCTA, 1).plus(FieldType.trivial(OCTA, 1)), 3,
                        t -> new PointwiseMaxPool3D.Builder(t, 3).stride(1).padding(1).build(), true),
                new Case("max 3 stride 2 padding 1 ceil mode on dihedralOnR3(4)", FieldType.regular(D4, 1), 5,
                        t -> new PointwiseMaxPool3D.Builder(t, 3).stride(2).padding(1).ceilMode(true).build(), false),
                new Case("avg 2 on fullOctaOnR3 3D irreps", irrepsOfSize(FULL_OCTA, 3, 2), 4,
                        t -> new PointwiseAvgPool3D.Builder(t, 2).build(), true),
                new Case("avg 3 stride 1 padding 1 on octaOnR3 irreps", irrepsOfSize(OCTA, 3, 1)
                        .plus(irrepsOfSize(OCTA, 2, 1)), 3,
                        t -> new PointwiseAvgPool3D.Builder(t, 3).stride(1).padding(1).build(), false),
                new Case("antialiased sigma 0.6 stride 2 on fullOctaOnR3", irrepsOfSize(FULL_OCTA, 3, 1)
                        .plus(FieldType.trivial(FULL_OCTA, 1)), 5,
                        t -> new PointwiseAvgPoolAntialiased3D.Builder(t, 0.6, 2).build(), true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isEquivariantOnTheGridElements(Case c) {
        LayerContract.assertEquivariant(c.name(), c.input(), c.layers(), c.type(), c.type(), 1e-5);
    }

    /** The gradient check, on small fields of the dihedral group (the code path does not depend on the group). */
    @Test
    void gradientsMatchFiniteDifferences() {
        FieldType t = FieldType.regular(D4, 1).plus(FieldType.irrep(D4, 1, 1, 1));
        InputType in = InputType.convolutional3D(org.deeplearning4j.nn.conf.layers.Convolution3D.DataFormat.NCDHW, 4,
                4, 4, 2);
        for (Supplier<Layer> layer : List.<Supplier<Layer>>of(
                () -> new PointwiseMaxPool3D.Builder(FieldType.regular(D4, 1), 2).stride(1).build(),
                () -> new PointwiseMaxPool3D.Builder(FieldType.regular(D4, 1), 3).padding(1).stride(2).ceilMode(true)
                        .build(),
                () -> new PointwiseAvgPool3D.Builder(t, 3).padding(1).stride(2).ceilMode(true).build(),
                () -> new PointwiseAvgPoolAntialiased3D.Builder(t, 0.5, 2).build())) {
            FieldType type = ((org.e2dl4j.nn.EquivariantLayer) layer.get()).getInType();
            LayerContract.assertGradientsCorrect(layer.get().getClass().getSimpleName(), in,
                    TestNetworks.behindStockConvolution3D(type, layer));
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
    void windowsAndBaseSpacesMustAgree() {
        FieldType volumes = FieldType.regular(OCTA, 1);
        FieldType planar = FieldType.regular(GSpaces.rot2dOnR2(4), 1);
        assertRejected(() -> new PointwiseMaxPool3D.Builder(planar, 2).build(), "PointwiseMaxPool3D",
                "3-dimensional base space", "2-dimensional base space");
        assertRejected(() -> new PointwiseMaxPool.Builder(volumes, 2).build(), "PointwiseMaxPool",
                "2-dimensional base space", "3-dimensional base space");
        assertRejected(() -> new PointwiseAvgPool3D.Builder(volumes, 2).stride(1, 2).build(), "PointwiseAvgPool3D",
                "stride needs three values (depth, height, width)", "[1, 2]");
        assertRejected(() -> new PointwiseAvgPool3D.Builder(volumes, 2).dilation(2).build(), "PointwiseAvgPool3D",
                "no dilation");
        assertRejected(() -> new PointwiseMaxPool3D.Builder(FieldType.irrep(D4, 1, 1, 1), 2).build(),
                "PointwiseMaxPool3D", "pointwise");
        assertRejected(() -> new PointwiseAvgPoolAntialiased3D.Builder(volumes, -1, 2).build(),
                "PointwiseAvgPoolAntialiased3D", "sigma must be positive");
    }
}
