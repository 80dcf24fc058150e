package org.e2dl4j.nn.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.misc.FrozenLayerWithBackprop;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.nn.Export;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.conv.R2Conv;
import org.e2dl4j.nn.testing.LayerContract;
import org.e2dl4j.nn.testing.TestNetworks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** {@link ReshuffleModule}: the layer contract on D4, the permuted channels by hand, and bad permutations. */
class ReshuffleModuleTest {

    private static final GSpace D4 = GSpaces.flipRot2dOnR2(4);
    private static final FieldType IN = FieldType.trivial(D4, 2);
    /** regular (8 channels), irrep(1,1) (2), trivial (1), irrep(1,0) (1): 12 channels. */
    private static final FieldType MIXED = new FieldType(D4, List.of(D4.regularRepr(), D4.irrep(1, 1),
            D4.trivialRepr(), D4.irrep(1, 0)));
    private static final int[] PERMUTATION = {2, 0, 3, 1};
    private static final InputType INPUT = InputType.convolutional(7, 7, IN.size());

    private static final Supplier<List<Layer>> LAYERS = () -> {
        ReshuffleModule shuffle = new ReshuffleModule.Builder(MIXED, PERMUTATION).build();
        return List.of(
                new R2Conv.Builder(IN, MIXED, 3).padding(1).build(),
                shuffle,
                new R2Conv.Builder(shuffle.outType(), IN, 3).padding(1).build());
    };

    @Test
    void isEquivariantOnExactElementsOfD4() {
        LayerContract.assertEquivariant("D4 reshuffle", INPUT, LAYERS, IN, IN, 1e-5);
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        LayerContract.assertGradientsCorrect("D4 reshuffle", INPUT, LAYERS);
    }

    @Test
    void survivesJsonAndModelSerializer(@TempDir Path dir) throws Exception {
        LayerContract.assertJsonRoundTrip("D4 reshuffle", INPUT, LAYERS);
        LayerContract.assertSerializerRoundTrip("D4 reshuffle", INPUT, LAYERS, dir);
    }

    @Test
    void exportsToAOneByOneConvolutionWithTheSameOutput() {
        LayerContract.assertExportEquivalent("D4 reshuffle", INPUT, LAYERS);
        MultiLayerNetwork net = TestNetworks.withLoss(DataType.FLOAT, 1, INPUT, LAYERS.get());
        Layer exported = Export.toStandard(net).getLayerWiseConfigurations().getConf(1).getLayer();
        assertTrue(exported instanceof FrozenLayerWithBackprop
                        && ((FrozenLayerWithBackprop) exported).getUnderlying() instanceof ConvolutionLayer conv
                        && conv.getKernelSize()[0] == 1,
                "the reshuffle should export to a frozen 1 x 1 ConvolutionLayer, got " + exported);
    }

    @Test
    void theExportedPermutationDoesNotTrain() {
        MultiLayerNetwork std = Export.toStandard(TestNetworks.withLoss(DataType.FLOAT, 1, INPUT, LAYERS.get()));
        INDArray before = std.getLayer(1).params().dup();
        INDArray x = TestNetworks.gaussian(DataType.FLOAT, 2, 2, 2, 7, 7);
        INDArray firstConv = std.getLayer(0).params().dup();
        std.fit(x, TestNetworks.gaussian(DataType.FLOAT, 3, 2, 2, 7, 7));
        assertEquals(before, std.getLayer(1).params(), "the permutation filter must stay");
        assertTrue(!firstConv.equals(std.getLayer(0).params()), "gradients must still pass through to the first layer");
    }

    @Test
    void outputFieldIIsInputFieldPermutationI() {
        FieldType out = new ReshuffleModule.Builder(MIXED, PERMUTATION).build().outType();
        assertEquals(new FieldType(D4, List.of(D4.trivialRepr(), D4.regularRepr(), D4.irrep(1, 0), D4.irrep(1, 1))),
                out, "fields trivial, regular, irrep(1,0), irrep(1,1)");
        InputType mixedInput = InputType.convolutional(2, 3, MIXED.size());
        MultiLayerNetwork net = TestNetworks.withLoss(DataType.DOUBLE, 1, mixedInput,
                List.of(new ReshuffleModule.Builder(MIXED, PERMUTATION).build()));
        INDArray x = Nd4j.arange(2.0 * MIXED.size() * 6).castTo(DataType.DOUBLE).reshape('c', 2, MIXED.size(), 2, 3);
        INDArray y = net.output(x);
        // input channels: regular 0-7, irrep(1,1) 8-9, trivial 10, irrep(1,0) 11
        int[] expectedSource = {10, 0, 1, 2, 3, 4, 5, 6, 7, 11, 8, 9};
        for (int c = 0; c < expectedSource.length; c++) {
            INDArray got = y.get(org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.point(c));
            INDArray want = x.get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
                    org.nd4j.linalg.indexing.NDArrayIndex.point(expectedSource[c]));
            assertEquals(want, got, "output channel " + c + " should be input channel " + expectedSource[c]);
        }
    }

    @Test
    void theIdentityPermutationVanishesOnExport() {
        List<Layer> layers = List.of(new R2Conv.Builder(IN, MIXED, 3).padding(1).build(),
                new ReshuffleModule.Builder(MIXED, 0, 1, 2, 3).build(),
                new R2Conv.Builder(MIXED, IN, 3).padding(1).build());
        MultiLayerNetwork std = Export.toStandard(TestNetworks.withLoss(DataType.FLOAT, 1, INPUT, layers));
        assertEquals(3, std.getnLayers(), "conv, conv, loss: the identity reshuffle should vanish");
    }

    @Test
    void aListThatIsNotAPermutationOfTheFieldsIsRejected() {
        for (int[] bad : new int[][] {{0, 0, 1, 2}, {0, 1, 2}, {0, 1, 2, 4}, {-1, 0, 1, 2}}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new ReshuffleModule.Builder(MIXED, bad).build(), java.util.Arrays.toString(bad));
            assertTrue(e.getMessage().contains("ReshuffleModule") && e.getMessage().contains("permutation of the 4 fields"),
                    "message should name the layer and the field count: " + e.getMessage());
        }
    }
}
