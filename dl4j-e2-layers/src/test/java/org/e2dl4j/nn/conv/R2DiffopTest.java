package org.e2dl4j.nn.conv;

import static org.e2dl4j.nn.testing.EditedConfigurations.assertRefusedOnBothPaths;
import static org.e2dl4j.nn.testing.EditedConfigurations.set;
import static org.e2dl4j.testing.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.e2dl4j.math.ReferenceData;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.math.repr.Representation;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.testing.LayerContract;
import org.e2dl4j.nn.testing.TestNetworks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@link R2Diffop}: e2cnn's output for seeded inputs and weights ({@code reference/diffops.py}), the layer contract
 * (equivariance on the exact elements with finite differences and with smoothing, gradients in double, JSON and
 * ModelSerializer round trips, export to a stock ConvolutionLayer) and the refusals of bad options.
 */
class R2DiffopTest {

    private static final GSpace C4 = GSpaces.rot2dOnR2(4);
    private static final GSpace D4 = GSpaces.flipRot2dOnR2(4);
    private static final GSpace SO2 = GSpaces.rot2dOnR2(-1, 3);
    private static final FieldType C4_IN = FieldType.trivial(C4, 1).plus(FieldType.regular(C4, 1));
    private static final FieldType C4_OUT = FieldType.regular(C4, 1).plus(FieldType.irrep(C4, 1, 1));
    private static final FieldType D4_IN = FieldType.regular(D4, 1).plus(FieldType.irrep(D4, 1, 1, 1));
    private static final FieldType D4_OUT = FieldType.irrep(D4, 1, 1, 0).plus(FieldType.regular(D4, 1));
    private static final FieldType SO2_IN = FieldType.irrep(SO2, 1, 0).plus(FieldType.irrep(SO2, 1, 1));
    private static final FieldType SO2_OUT = FieldType.irrep(SO2, 1, 2).plus(FieldType.irrep(SO2, 1, 0));
    /** Grid-preserving elements permute pixels and finite-difference weights exactly: float rounding only. */
    private static final double EQUIVARIANCE_TOLERANCE = 1e-5;

    @Test
    void outputEqualsE2cnnsForSeededInputsAndWeights() {
        assertE2cnnOutput("C4_regular_k3", C4_IN, C4_OUT);
        assertE2cnnOutput("D4_regular_k5", D4_IN, D4_OUT);
    }

    private static void assertE2cnnOutput(String name, FieldType in, FieldType out) {
        JsonNode config = ReferenceData.read("diffops.json").get("configs").get(name);
        assertEquals(ReferenceData.strings(config.get("in_repr_names")), names(in), name + ": input fields");
        assertEquals(ReferenceData.strings(config.get("out_repr_names")), names(out), name + ": output fields");
        JsonNode ref = config.get("output");
        int k = config.get("kernel_size").asInt();
        R2Diffop layer = new R2Diffop.Builder(in, out, k).padding(ref.get("padding").asInt()).build();
        INDArray x = array(ref.get("input"));
        MultiLayerNetwork net = TestNetworks.withLoss(DataType.DOUBLE, 1, TestNetworks.input(in, (int) x.size(2)),
                List.of(layer));
        org.deeplearning4j.nn.api.Layer l = net.getLayer(0);
        l.setParam(R2ConvParamInitializer.WEIGHT_KEY, array(ref.get("weights")).reshape(l.getParam("W").shape()));
        l.setParam(R2ConvParamInitializer.BIAS_KEY, array(ref.get("bias")).reshape(l.getParam("b").shape()));
        l.setInput(x, LayerWorkspaceMgr.noWorkspaces());
        INDArray got = l.activate(false, LayerWorkspaceMgr.noWorkspaces());
        INDArray expected = array(ref.get("output"));
        assertEquals(java.util.Arrays.toString(expected.shape()), java.util.Arrays.toString(got.shape()),
                name + ": output shape");
        double scale = expected.amaxNumber().doubleValue();
        double err = expected.sub(got).amaxNumber().doubleValue();
        // e2cnn runs in float32, and the file holds inputs, weights and outputs to 6 decimals
        assertTrue(err <= 1e-5 * Math.max(1, scale), name + ": largest difference to e2cnn's output " + err
                + " (largest output " + scale + ")");
    }

    private static List<String> names(FieldType type) {
        List<String> names = new ArrayList<>();
        for (Representation r : type.representations()) {
            names.add(r.name());
        }
        return names;
    }

    private static INDArray array(JsonNode nested) {
        List<Integer> shape = new ArrayList<>();
        for (JsonNode n = nested; n.isArray(); n = n.get(0)) {
            shape.add(n.size());
        }
        List<Double> values = new ArrayList<>();
        collect(nested, values);
        double[] flat = values.stream().mapToDouble(Double::doubleValue).toArray();
        long[] dims = shape.stream().mapToLong(Integer::longValue).toArray();
        return Nd4j.createFromArray(flat).reshape(dims);
    }

    private static void collect(JsonNode node, List<Double> values) {
        if (node.isArray()) {
            node.forEach(child -> collect(child, values));
        } else {
            values.add(node.asDouble());
        }
    }

    private static Supplier<List<Layer>> c4() {
        return () -> List.of(new R2Diffop.Builder(C4_IN, C4_OUT, 5).padding(2).build());
    }

    private static Supplier<List<Layer>> d4Smoothed() {
        return () -> List.of(new R2Diffop.Builder(D4_IN, D4_OUT, 5).padding(2).smoothing(1.25).maximumPower(1)
                .build());
    }

    private static Supplier<List<Layer>> c4Rbf() {
        return () -> List.of(new R2Diffop.Builder(C4_IN, C4_OUT, 5).padding(2).rbffd(true).radialBasisFunction("imq")
                .maximumOrder(3).build());
    }

    private static Supplier<List<Layer>> so2() {
        return () -> List.of(new R2Diffop.Builder(SO2_IN, SO2_OUT, 3).padding(1).angleOffset(0.25).build());
    }

    private static Supplier<List<Layer>> so2Stack() {
        return () -> List.of(new R2Diffop.Builder(SO2_IN, SO2_OUT, 3).padding(1).build(),
                new R2Diffop.Builder(SO2_OUT, SO2_IN, 5).stride(2).accuracy(3).angleOffset(0.25).build());
    }

    @Test
    void commutesWithTheGridPreservingElements() {
        LayerContract.assertEquivariant("C4 finite differences", TestNetworks.input(C4_IN, 7), c4(), C4_IN, C4_OUT,
                EQUIVARIANCE_TOLERANCE);
        LayerContract.assertEquivariant("D4 smoothing", TestNetworks.input(D4_IN, 7), d4Smoothed(), D4_IN, D4_OUT,
                EQUIVARIANCE_TOLERANCE);
        LayerContract.assertEquivariant("C4 RBF-FD", TestNetworks.input(C4_IN, 7), c4Rbf(), C4_IN, C4_OUT,
                EQUIVARIANCE_TOLERANCE);
        LayerContract.assertEquivariant("SO(2) stack", TestNetworks.input(SO2_IN, 9), so2Stack(), SO2_IN, SO2_IN,
                EQUIVARIANCE_TOLERANCE);
    }

    @Test
    void gradientsAreCorrectInDouble() {
        LayerContract.assertGradientsCorrect("C4", TestNetworks.input(C4_IN, 4), c4());
        LayerContract.assertGradientsCorrect("SO(2)", TestNetworks.input(SO2_IN, 4), so2());
    }

    @Test
    void survivesJsonAndModelSerializer(@TempDir Path dir) throws Exception {
        LayerContract.assertJsonRoundTrip("D4 smoothing", TestNetworks.input(D4_IN, 7), d4Smoothed());
        LayerContract.assertJsonRoundTrip("SO(2) stack", TestNetworks.input(SO2_IN, 7), so2Stack());
        LayerContract.assertJsonRoundTrip("C4 RBF-FD", TestNetworks.input(C4_IN, 7), c4Rbf());
        LayerContract.assertSerializerRoundTrip("SO(2) stack", TestNetworks.input(SO2_IN, 7), so2Stack(), dir);
    }

    @Test
    void exportsToAStockConvolutionWithTheSameOutput() {
        LayerContract.assertExportEquivalent("C4", TestNetworks.input(C4_IN, 7), c4());
        LayerContract.assertExportEquivalent("SO(2) stack", TestNetworks.input(SO2_IN, 7), so2Stack());
    }

    @Test
    void theOptionsChangeTheBasisAndNotTheLayerClass() {
        int plain = new R2Diffop.Builder(C4_IN, C4_OUT, 5).build().layerBasis().dimension();
        int lowOrder = new R2Diffop.Builder(C4_IN, C4_OUT, 5).maximumOrder(2).build().layerBasis().dimension();
        int noLaplacian = new R2Diffop.Builder(C4_IN, C4_OUT, 5).maximumPower(0).build().layerBasis().dimension();
        assertTrue(lowOrder < plain && noLaplacian < plain, plain + " weights, order 2: " + lowOrder
                + ", power 0: " + noLaplacian);
        R2Diffop edited = new R2Diffop.Builder(C4_IN, C4_OUT, 5).build();
        edited.setMaximumOrder(2);
        assertEquals(lowOrder, edited.layerBasis().dimension(), "a setter resets the cached basis");
    }

    @Test
    void badOptionsAreRefusedNamingTheLayer() {
        R2Diffop valid = new R2Diffop.Builder(C4_IN, C4_OUT, 3).name("pdo").build();
        assertRefusedOnBothPaths(() -> new R2Diffop.Builder(C4_IN, C4_OUT, 3).accuracy(2).maximumOrder(2).name("pdo")
                        .build(), valid, json -> set("maximumOrder", "2").andThen(set("accuracy", "2")).apply(json),
                "pdo", "at most two of kernel size, maximum order and accuracy", "accuracy 2", "maximum order 2");
        assertRefusedOnBothPaths(() -> new R2Diffop.Builder(C4_IN, C4_OUT, 3).accuracy(4).name("pdo").build(), valid,
                set("accuracy", "4"), "pdo", "accuracy 4", "kernel size of at least 4", "got kernel size 3");
        assertRefusedOnBothPaths(() -> new R2Diffop.Builder(C4_IN, C4_OUT, 3).maximumOrder(4).name("pdo").build(),
                valid, set("maximumOrder", "4"), "pdo", "finite differences cannot discretize on 3 points",
                "kernel size of at least 5", "smoothing");
        assertRefusedOnBothPaths(() -> new R2Diffop.Builder(C4_IN, C4_OUT, 3).smoothing(-1).name("pdo").build(),
                valid, set("smoothing", "-1.0"), "pdo", "smoothing must be a positive finite width", "got -1.0");
        assertRefusedOnBothPaths(() -> new R2Diffop.Builder(C4_IN, C4_OUT, 3).maximumPower(-1).name("pdo").build(),
                valid, set("maximumPower", "-1"), "pdo", "maximum power must be at least 0", "got -1");
        R2Diffop validRbf = new R2Diffop.Builder(C4_IN, C4_OUT, 3).rbffd(true).radialBasisFunction("ga").name("pdo")
                .build();
        assertRefusedOnBothPaths(() -> new R2Diffop.Builder(C4_IN, C4_OUT, 3).rbffd(true).radialBasisFunction("phs3")
                        .name("pdo").build(), validRbf, set("radialBasisFunction", "\"phs3\""), "pdo",
                "unknown radial basis function 'phs3'", "ga, iq, imq, mq");
        assertRefusedOnBothPaths(() -> new R2Diffop.Builder(C4_IN, C4_OUT, 3).rbffd(true).smoothing(1.0).name("pdo")
                        .build(), validRbf, set("smoothing", "1.0"), "pdo", "smoothing and RBF-FD cannot be used at the same time");
        assertRejected(() -> new R2Diffop.Builder(C4_IN, C4_OUT, 3).sigma(0.5).name("pdo").build(), "pdo",
                "kernel-basis settings", "do not apply to PDOs");
        // smoothing lifts the limit of finite differences
        assertTrue(new R2Diffop.Builder(C4_IN, C4_OUT, 3).maximumOrder(4).smoothing(0.8).build().layerBasis()
                .dimension() > 0, "smoothed order 4 on 3 x 3");
    }
}
