package org.e2dl4j.nn.invariant;

import static org.e2dl4j.nn.testing.TestNetworks.input;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.misc.FrozenLayerWithBackprop;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.e2dl4j.math.group.GroupElement;
import org.e2dl4j.math.group.SubgroupId;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.math.repr.Representation;
import org.e2dl4j.nn.Export;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.conv.R2Conv;
import org.e2dl4j.nn.testing.LayerContract;
import org.e2dl4j.nn.testing.LayerRunner;
import org.e2dl4j.nn.testing.TestNetworks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@link GroupPooling}: invariance of the pooled fields, the maximum of each field by hand, gradients, round
 * trips, the stock-only export (a max tree of 1x1 convolutions) and the configuration checks.
 */
class GroupPoolingTest {

    private static final GSpace C4 = GSpaces.rot2dOnR2(4);
    private static final GSpace C8 = GSpaces.rot2dOnR2(8);
    private static final GSpace D4 = GSpaces.flipRot2dOnR2(4);

    /** Fields of three sizes, not grouped by size: regular (4), trivial (1), quotient by C2 (2), regular. */
    private static final FieldType C4_MIXED = new FieldType(C4, List.of(C4.regularRepr(), C4.trivialRepr(),
            C4.quotientRepr(SubgroupId.rotations(2)), C4.regularRepr()));
    /** D4: regular (8), quotient by a flip (4), trivial (1). */
    private static final FieldType D4_MIXED = new FieldType(D4, List.of(D4.regularRepr(),
            D4.quotientRepr(SubgroupId.dihedral(0, 1)), D4.trivialRepr()));
    private static final FieldType C8_REGULAR = FieldType.regular(C8, 3);

    private static Supplier<List<Layer>> pooling(FieldType type) {
        return () -> List.of(new GroupPooling.Builder(type).build());
    }

    /** A convolution into the type (so the gradient check has parameters), then the pooling. */
    private static Supplier<List<Layer>> convThenPooling(FieldType type) {
        FieldType in = FieldType.trivial(type.gspace(), 2);
        return () -> List.of(new R2Conv.Builder(in, type, 3).padding(1).build(), new GroupPooling.Builder(type).build());
    }


    @Test
    void outputIsInvariantUpToTheSpatialActionOnExactElements() {
        for (FieldType type : List.of(C4_MIXED, D4_MIXED, C8_REGULAR)) {
            LayerContract.assertEquivariant("GroupPooling on " + type, input(type, 7), pooling(type), type,
                    new GroupPooling.Builder(type).build().outType(), 1e-6);
        }
    }

    @Test
    void actingOnTheFibersAloneLeavesTheOutputUnchangedForEveryElement() {
        for (FieldType type : List.of(C4_MIXED, D4_MIXED, C8_REGULAR)) {
            MultiLayerNetwork net = TestNetworks.withLoss(DataType.FLOAT, 1, input(type, 5), pooling(type).get());
            INDArray x = TestNetworks.gaussian(DataType.FLOAT, 2, 2, type.size(), 5, 5);
            INDArray y = net.output(x);
            for (GroupElement g : type.gspace().fibergroup().elements()) {
                INDArray gy = net.output(type.transformFibers(x, g));
                assertEquals(y, gy, "GroupPooling on " + type + ": pooled output must not change when " + g
                        + " permutes each field's channels");
            }
        }
    }

    @Test
    void eachOutputIsTheMaximumOfItsFieldsChannels() {
        // C4_MIXED: channels 0-3 regular, 4 trivial, 5-6 quotient, 7-10 regular; one pixel, two samples
        double[][] v = {
                {0.5, -2, 3.5, 1, -7, 0.25, -0.75, -3, -1, -2, -4},
                {-1, -1.5, -0.5, -2, 6, 9, 8, 2, 2.5, 1.5, 0}};
        INDArray x = Nd4j.createFromArray(v).castTo(DataType.FLOAT).reshape(2, 11, 1, 1);
        MultiLayerNetwork net = TestNetworks.withLoss(DataType.FLOAT, 1, input(C4_MIXED, 1), pooling(C4_MIXED).get());
        INDArray expected = Nd4j.createFromArray(new double[][] {{3.5, -7, 0.25, -1}, {-0.5, 6, 9, 2.5}})
                .castTo(DataType.FLOAT).reshape(2, 4, 1, 1);
        assertEquals(expected, net.output(x), "max of each field of " + C4_MIXED);
    }

    @Test
    void gradientOfEachFieldGoesToItsMaximalChannel() {
        FieldType type = FieldType.regular(C4, 2);
        INDArray x = Nd4j.createFromArray(new double[] {1, 4, 2, 3, -5, -6, -2, -9}).reshape(1, 8, 1, 1);
        INDArray dx = LayerRunner.backward(pooling(type).get().get(0), input(type, 1), x,
                Nd4j.createFromArray(new double[] {4, -2}).reshape(1, 2, 1, 1));
        INDArray expected = Nd4j.createFromArray(new double[] {0, 4, 0, 0, 0, 0, -2, 0}).reshape(1, 8, 1, 1);
        assertEquals(expected, dx, "dL/dx of group pooling on " + type);
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        LayerContract.assertGradientsCorrect("C4 mixed", input(FieldType.trivial(C4, 2), 5),
                convThenPooling(C4_MIXED));
        LayerContract.assertGradientsCorrect("D4 mixed", input(FieldType.trivial(D4, 2), 5),
                convThenPooling(D4_MIXED));
        LayerContract.assertGradientsCorrect("C8 regular", input(FieldType.trivial(C8, 2), 5),
                convThenPooling(C8_REGULAR));
    }

    @Test
    void survivesJsonAndModelSerializer(@TempDir Path dir) throws Exception {
        LayerContract.assertJsonRoundTrip("D4 mixed", input(FieldType.trivial(D4, 2), 5), convThenPooling(D4_MIXED));
        LayerContract.assertSerializerRoundTrip("D4 mixed", input(FieldType.trivial(D4, 2), 5),
                convThenPooling(D4_MIXED), dir);
    }

    @Test
    void exportsToStockLayersWithTheSameOutput() {
        for (FieldType type : List.of(C4_MIXED, D4_MIXED, C8_REGULAR)) {
            LayerContract.assertExportEquivalent("GroupPooling on " + type, input(FieldType.trivial(type.gspace(), 2), 7),
                    convThenPooling(type));
        }
    }

    @Test
    void exportedMaxTreeAgreesToRoundingInDouble() {
        MultiLayerNetwork net = TestNetworks.withLoss(DataType.DOUBLE, 1, input(D4_MIXED, 6), pooling(D4_MIXED).get());
        MultiLayerNetwork std = Export.toStandard(net);
        assertEquals(4, std.getnLayers() - 1, "regular D4 fields (8 channels) need 3 ReLU levels and a readout");
        assertTrue(std.getLayerWiseConfigurations().getConf(0).getLayer() instanceof FrozenLayerWithBackprop frozen
                && frozen.getUnderlying() instanceof ConvolutionLayer, "a frozen 1 x 1 ConvolutionLayer first");
        INDArray x = TestNetworks.gaussian(DataType.DOUBLE, 3, 3, D4_MIXED.size(), 6, 6);
        double err = net.output(x).sub(std.output(x)).amaxNumber().doubleValue();
        assertTrue(err < 1e-12, "exported group pooling of " + D4_MIXED + ": expected max |difference| < 1e-12 in"
                + " double, got " + err);
    }

    @Test
    void poolingTrivialFieldsIsTheIdentityAndVanishesOnExport() {
        FieldType type = FieldType.trivial(C4, 3);
        MultiLayerNetwork net = TestNetworks.withLoss(DataType.FLOAT, 1, input(type, 4), pooling(type).get());
        INDArray x = TestNetworks.gaussian(DataType.FLOAT, 4, 2, 3, 4, 4);
        assertEquals(x, net.output(x), "group pooling of trivial fields");
        assertEquals(1, Export.toStandard(net).getnLayers(), "only the loss layer should remain after export");
    }

    @Test
    void outputTypeIsOneTrivialFieldPerInputField() {
        assertEquals(FieldType.trivial(D4, 3), new GroupPooling.Builder(D4_MIXED).build().outType());
    }

    @Test
    void fieldsWithoutPointwiseSupportAreRejectedAtBuildTime() {
        Representation irrep = C4.irrep(1);
        FieldType type = FieldType.regular(C4, 1).plus(FieldType.of(C4, irrep, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new GroupPooling.Builder(type).build());
        assertTrue(e.getMessage().contains("GroupPooling") && e.getMessage().contains("field 1")
                        && e.getMessage().contains("irrep_1") && e.getMessage().contains("norm"),
                "message should name the layer, the field, its representation and what it supports: "
                        + e.getMessage());
    }

    @Test
    void mismatchedInputTypeIsRejectedAtConfigurationTime() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
                new NeuralNetConfiguration.Builder().list()
                        .layer(new R2Conv.Builder(FieldType.trivial(C4, 1), FieldType.regular(C4, 2), 3).build())
                        .layer(new GroupPooling.Builder(C4_MIXED).build())
                        .setInputType(InputType.convolutional(7, 7, 1)).build());
        assertTrue(e.getMessage().contains("GroupPooling"), "message should name the layer: " + e.getMessage());
    }
}
