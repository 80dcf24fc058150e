package org.e2dl4j.nn.batchnorm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.e2dl4j.math.group.Group;
import org.e2dl4j.math.group.Groups;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.math.kernel.LinearReference;
import org.e2dl4j.nn.EquivarianceCheck;
import org.e2dl4j.nn.EquivarianceReport;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.testing.LayerContract;
import org.e2dl4j.nn.testing.LayerRunner;
import org.e2dl4j.nn.testing.TestNetworks;
import org.e2dl4j.testing.ReferenceFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The layer contract of {@link IIDBatchNorm1d} and {@link IIDBatchNorm2d}, and escnn 1.0.13's numbers. */
class IIDBatchNormTest {

    private static final GSpace C4_POINT = GSpaces.noBaseSpace(Groups.cyclic(4));
    private static final GSpace O2_POINT = GSpaces.noBaseSpace(Groups.o2(4));
    private static final GSpace C4 = GSpaces.rot2dOnR2(4);
    private static final String[] STATISTICS = {"0_mean", "0_var", "l0_mean", "l0_var", "1_mean", "1_var", "l1_mean",
        "l1_var"};

    private static FieldType fibers() {
        return FieldType.regular(C4_POINT, 1).plus(FieldType.irrep(C4_POINT, 1, 1)).plus(FieldType.trivial(C4_POINT, 1))
                .plus(FieldType.irrep(C4_POINT, 1, 2));
    }

    private static FieldType maps() {
        return FieldType.regular(C4, 1).plus(FieldType.irrep(C4, 1, 1)).plus(FieldType.trivial(C4, 1));
    }

    private static Supplier<List<Layer>> norm1d(FieldType t) {
        return () -> List.of(new IIDBatchNorm1d.Builder(t).build());
    }

    private static Supplier<List<Layer>> norm2d(FieldType t) {
        return () -> List.of(new IIDBatchNorm2d.Builder(t).build());
    }

    /**
     * A stock layer with parameters before the norm, so that the gradient check also covers the norm's dL/dx: a
     * DenseLayer for fibers, a 1x1 ConvolutionLayer for maps.
     */
    private static Supplier<List<Layer>> mixingThenNorm(FieldType t) {
        return () -> List.of(t.hasBaseSpace()
                ? new ConvolutionLayer.Builder(1, 1).nOut(t.size()).activation(Activation.IDENTITY).build()
                : new DenseLayer.Builder().nOut(t.size()).activation(Activation.IDENTITY).build(),
                t.hasBaseSpace() ? new IIDBatchNorm2d.Builder(t).build() : new IIDBatchNorm1d.Builder(t).build());
    }

    @Test
    void fibersEquivariantInInferenceAndInTraining() {
        FieldType o2 = FieldType.irrep(O2_POINT, 1, 1, 1).plus(FieldType.irrep(O2_POINT, 1, 0, 0))
                .plus(FieldType.irrep(O2_POINT, 1, 1, 0));
        for (FieldType t : List.of(fibers(), o2)) {
            LayerContract.assertEquivariant("IIDBatchNorm1d " + t, TestNetworks.fibers(t), norm1d(t), t, t, 1e-5);
            assertTrainingEquivariant(TestNetworks.withLoss(DataType.DOUBLE, 2, TestNetworks.fibers(t),
                    norm1d(t).get()), t, t, 0);
        }
    }

    @Test
    void featureMapsEquivariantInInferenceAndInTraining() {
        LayerContract.assertEquivariant("IIDBatchNorm2d", TestNetworks.input(maps(), 5), norm2d(maps()), maps(), maps(),
                1e-5);
        assertTrainingEquivariant(TestNetworks.withLoss(DataType.DOUBLE, 2, TestNetworks.input(maps(), 5),
                norm2d(maps()).get()), maps(), maps(), 5);
    }

    /** f(g.x) = g.f(x) with the batch statistics (training mode), after one fit has moved the running ones. */
    private static void assertTrainingEquivariant(MultiLayerNetwork net, FieldType in, FieldType out, int size) {
        INDArray x = size == 0 ? TestNetworks.gaussian(DataType.DOUBLE, 4, 5, in.size())
                : TestNetworks.gaussian(DataType.DOUBLE, 4, 5, in.size(), size, size);
        net.fit(x, TestNetworks.gaussian(DataType.DOUBLE, 5, net.output(x).shape()));
        EquivarianceCheck check = EquivarianceCheck.of(v -> net.output(v, true), in, out).dataType(DataType.DOUBLE)
                .batchSize(4);
        EquivarianceReport report = (size == 0 ? check : check.inputSize(size, size)).run();
        assertTrue(report.maxExactRelativeError() < 1e-9, "training-mode equivariance: " + report);
    }

    @Test
    void gradientsAreCorrect() {
        InputType in = InputType.feedForward(fibers().size());
        LayerContract.assertGradientsCorrect("IIDBatchNorm1d", in, mixingThenNorm(fibers()), STATISTICS);
        LayerContract.assertGradientsCorrect("IIDBatchNorm1d without affine", in, () -> List.of(
                new DenseLayer.Builder().nOut(fibers().size()).activation(Activation.IDENTITY).build(),
                new IIDBatchNorm1d.Builder(fibers()).affine(false).build()), STATISTICS);
    }

    @Test
    void gradientsOfFeatureMapsAreCorrect() {
        LayerContract.assertGradientsCorrect("IIDBatchNorm2d", InputType.convolutional(3, 3, maps().size()),
                mixingThenNorm(maps()), STATISTICS);
    }

    @Test
    void roundTripsAndExports(@TempDir Path dir) throws Exception {
        InputType fibers = TestNetworks.fibers(fibers());
        InputType image = TestNetworks.input(maps(), 4);
        LayerContract.assertJsonRoundTrip("IIDBatchNorm1d", fibers, () -> List.of(new IIDBatchNorm1d.Builder(fibers())
                .eps(1e-3).momentum(0.3).affine(false).trackRunningStats(false).build()));
        LayerContract.assertSerializerRoundTrip("IIDBatchNorm1d", fibers, norm1d(fibers()), dir);
        LayerContract.assertSerializerRoundTrip("IIDBatchNorm2d", image, norm2d(maps()), dir);
        LayerContract.assertExportEquivalent("IIDBatchNorm1d", fibers, norm1d(fibers()));
        LayerContract.assertExportEquivalent("IIDBatchNorm2d", image, norm2d(maps()));
        LayerContract.assertExportRefused("IIDBatchNorm1d without running statistics", fibers,
                () -> List.of(new IIDBatchNorm1d.Builder(fibers()).trackRunningStats(false).build()), "IIDBatchNorm1d");
    }

    /** A single trivial field is ordinary batch normalization with the unbiased variance (escnn's choice). */
    @Test
    void aScalarFieldIsNormalizedByItsUnbiasedVariance() {
        FieldType scalar = FieldType.trivial(C4_POINT, 1);
        MultiLayerNetwork net = TestNetworks.withLoss(DataType.DOUBLE, 1, TestNetworks.fibers(scalar), norm1d(scalar).get());
        INDArray y = net.output(Nd4j.createFromArray(new double[][] {{1}, {2}, {6}}), true);
        double sd = Math.sqrt((4 + 1 + 9) / 2.0 + 1e-5);
        assertEquals(Nd4j.createFromArray(new double[][] {{-2 / sd}, {-1 / sd}, {3 / sd}}).sub(y).amaxNumber()
                .doubleValue(), 0, 1e-12);
    }

    /** Without affine parameters and running statistics the layer has no parameters and back-propagates as gamma 1. */
    @Test
    void withoutParametersItBackPropagatesAsUnitScales() {
        INDArray x = TestNetworks.gaussian(DataType.DOUBLE, 3, 5, fibers().size());
        INDArray dy = TestNetworks.gaussian(DataType.DOUBLE, 4, 5, fibers().size());
        Layer bare = new IIDBatchNorm1d.Builder(fibers()).affine(false).trackRunningStats(false).build();
        assertEquals(0, bare.initializer().numParams(bare));
        INDArray dx = LayerRunner.backward(bare, TestNetworks.fibers(fibers()), x, dy);
        INDArray expected = LayerRunner.backward(new IIDBatchNorm1d.Builder(fibers()).build(),
                TestNetworks.fibers(fibers()), x, dy);
        assertEquals(0, expected.sub(dx).amaxNumber().doubleValue(), 1e-12);
    }

    static Stream<JsonNode> cases() {
        List<JsonNode> list = new ArrayList<>();
        ReferenceFiles.read("iid_batchnorm.json").get("cases").forEach(list::add);
        return list.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void escnnsOutputsAndRunningStatistics(JsonNode c) {
        String name = c.get("name").asText();
        boolean fibers = c.get("module").asText().equals("IIDBatchNorm1d");
        Group g = LinearReference.group(c.get("group"));
        GSpace gs = fibers ? GSpaces.noBaseSpace(g)
                : g.hasReflections() ? GSpaces.flipRot2dOnR2(g.rotationOrder()) : GSpaces.rot2dOnR2(g.rotationOrder());
        FieldType type = new FieldType(gs, LinearReference.fields(g, c.get("fields")));
        Layer layer = fibers ? new IIDBatchNorm1d.Builder(type).build() : new IIDBatchNorm2d.Builder(type).build();
        INDArray x1 = array(c.get("x1"));
        InputType input = fibers ? TestNetworks.fibers(type) : TestNetworks.input(type, (int) x1.size(2));
        MultiLayerNetwork net = TestNetworks.withLoss(DataType.DOUBLE, 1, input, List.of(layer));
        net.getLayer(0).setParam("gamma", array(c.get("gamma")));
        net.getLayer(0).setParam("beta", concatenated(c.get("beta")));
        assertEquals(c.get("trainable_parameters").asLong(), net.getLayer(0).getParam("gamma").length()
                + net.getLayer(0).getParam("beta").length(), name + ": trainable parameters");
        INDArray x2 = array(c.get("x2"));
        assertClose(array(c.get("train_output_1")), net.output(x1, true), name + ": first training output");
        trainingStep(net, x1, c);
        assertClose(array(c.get("train_output_2")), net.output(x2, true), name + ": second training output");
        trainingStep(net, x2, c);
        assertClose(concatenated(c.get("running_mean")), net.getLayer(0).getParam("mean"), name + ": running mean");
        assertClose(array(c.get("running_var")), net.getLayer(0).getParam("var"), name + ": running variance");
        assertClose(array(c.get("eval_output")), net.output(array(c.get("x3"))), name + ": inference output");
    }

    /** One fit, which moves the running statistics; the scales and biases are put back to escnn's afterwards. */
    private static void trainingStep(MultiLayerNetwork net, INDArray x, JsonNode c) {
        net.fit(x, TestNetworks.gaussian(DataType.DOUBLE, 1, x.shape()));
        net.getLayer(0).setParam("gamma", array(c.get("gamma")));
        net.getLayer(0).setParam("beta", concatenated(c.get("beta")));
    }

    private static INDArray array(JsonNode node) {
        List<Long> shape = new ArrayList<>();
        for (JsonNode n = node; n.isArray(); n = n.get(0)) {
            shape.add((long) n.size());
        }
        List<Double> values = new ArrayList<>();
        flatten(node, values);
        return Nd4j.createFromArray(values.stream().mapToDouble(Double::doubleValue).toArray())
                .reshape('c', shape.stream().mapToLong(Long::longValue).toArray());
    }

    private static void flatten(JsonNode node, List<Double> values) {
        if (node.isArray()) {
            node.forEach(n -> flatten(n, values));
        } else {
            values.add(node.asDouble());
        }
    }

    private static INDArray concatenated(JsonNode perField) {
        List<Double> values = new ArrayList<>();
        flatten(perField, values);
        return Nd4j.createFromArray(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static void assertClose(INDArray expected, INDArray actual, String what) {
        INDArray a = actual.castTo(DataType.DOUBLE).reshape(expected.shape());
        assertEquals(0, expected.sub(a).amaxNumber().doubleValue(), 1e-6, what);
    }
}
