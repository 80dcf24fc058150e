package org.e2dl4j.nn.structure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

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
import org.e2dl4j.nn.testing.TestNetworks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * {@link DisentangleModule}: after restricting D4 to its flips (e2cnn's use), the field induced from C4 splits into
 * its two flip orbits and the 2-dimensional irrep into its eigenlines; the layer contract on that chain; the data
 * is only permuted.
 */
class DisentangleModuleTest {

    private static final GSpace D4 = GSpaces.flipRot2dOnR2(4);
    private static final SubgroupId FLIPS = SubgroupId.dihedral(0, 1);
    private static final FieldType IN = FieldType.trivial(D4, 2);
    /** Induced from C4's irrep 1 (4 channels), the irrep (1,1) (2 channels), regular (8 channels). */
    private static final FieldType HIDDEN = new FieldType(D4, List.of(
            D4.inducedRepr(SubgroupId.dihedral(null, 4), GSpaces.rot2dOnR2(4).irrep(1)),
            D4.irrep(1, 1), D4.regularRepr()));
    private static final FieldType RESTRICTED = HIDDEN.restrict(FLIPS);
    private static final InputType INPUT = InputType.convolutional(7, 7, IN.size());

    private static final Supplier<List<Layer>> LAYERS = () -> layers(HIDDEN);

    /** A D4 convolution, the restriction to the flips, the disentanglement and a flip-equivariant convolution. */
    private static List<Layer> layers(FieldType hidden) {
        DisentangleModule disentangle = new DisentangleModule.Builder(hidden.restrict(FLIPS)).build();
        return List.of(
                new R2Conv.Builder(IN, hidden, 3).padding(1).build(),
                new RestrictionModule.Builder(hidden, FLIPS).build(),
                disentangle,
                new R2Conv.Builder(disentangle.outType(), IN.restrict(FLIPS), 3).padding(1).build());
    }

    @Test
    void isEquivariantUnderTheFlipsOnExactElements() {
        LayerContract.assertEquivariant("D4 restricted to flips, disentangled", INPUT, LAYERS, IN.restrict(FLIPS),
                IN.restrict(FLIPS), 1e-5);
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        FieldType induced = new FieldType(D4, List.of(HIDDEN.representations().get(0)));
        LayerContract.assertGradientsCorrect("D4 induced field restricted to flips, disentangled",
                InputType.convolutional(5, 5, 2), () -> layers(induced));
    }

    @Test
    void survivesJsonAndModelSerializer(@TempDir Path dir) throws Exception {
        LayerContract.assertJsonRoundTrip("D4 restricted to flips, disentangled", INPUT, LAYERS);
        LayerContract.assertSerializerRoundTrip("D4 restricted to flips, disentangled", INPUT, LAYERS, dir);
    }

    @Test
    void exportsToAOneByOneConvolutionWithTheSameOutput() {
        LayerContract.assertExportEquivalent("D4 restricted to flips, disentangled", INPUT, LAYERS);
        MultiLayerNetwork std = Export.toStandard(TestNetworks.withLoss(DataType.FLOAT, 1, INPUT, LAYERS.get()));
        Layer exported = std.getLayerWiseConfigurations().getConf(1).getLayer();
        assertTrue(exported instanceof FrozenLayerWithBackprop
                        && ((FrozenLayerWithBackprop) exported).getUnderlying() instanceof ConvolutionLayer conv
                        && conv.getKernelSize()[0] == 1,
                "restriction vanishes, disentanglement becomes a frozen 1 x 1 ConvolutionLayer; got " + exported);
    }

    /**
     * On the field induced from C4 the flip swaps the two coset blocks (axes 0, 1 and 2, 3): the orbits {0, 2} and
     * {1, 3} are independent, each the regular representation of the flip group C2 (the swap). The irrep (1,1) is
     * diag(1, -1) at the flip: the trivial and the sign representation. The regular field stays whole: the constant
     * vector (the trivial irrep's column of its change of basis) touches every axis.
     */
    @Test
    void theInducedFieldSplitsIntoItsFlipOrbitsAndTheIrrepIntoItsEigenlines() {
        GroupElement flip = GroupElement.finite(0, 1, 2);
        double[][] induced = RESTRICTED.representations().get(0).matrix(flip);
        double[][] blockSwap = {{0, 0, 1, 0}, {0, 0, 0, 1}, {1, 0, 0, 0}, {0, 1, 0, 0}};
        for (int i = 0; i < 4; i++) {
            assertArrayEquals(blockSwap[i], induced[i], 1e-9, "the flip on the induced field, row " + i);
        }
        DisentangleModule d = new DisentangleModule.Builder(RESTRICTED).build();
        List<Representation> parts = d.outType().representations();
        assertEquals(List.of(2, 2, 1, 1, 8), parts.stream().map(Representation::size).toList(),
                "two orbits of the induced field, two eigenlines of the irrep, the whole regular field");
        for (int p = 0; p < 2; p++) {
            double[][] m = parts.get(p).matrix(flip);
            assertArrayEquals(new double[] {0, 1}, m[0], 1e-9, parts.get(p).name() + " at the flip, row 0");
            assertArrayEquals(new double[] {1, 0}, m[1], 1e-9, parts.get(p).name() + " at the flip, row 1");
        }
        assertEquals(Set.of(1.0, -1.0), Set.of(parts.get(2).matrix(flip)[0][0], parts.get(3).matrix(flip)[0][0]),
                "the eigenvalues of diag(1, -1)");
        assertArrayEquals(new int[] {0, 2, 1, 3}, java.util.Arrays.copyOf(d.channelSource(), 4),
                "the orbits {0, 2} and {1, 3} become contiguous");
    }

    @Test
    void theDataIsOnlyPermuted() {
        DisentangleModule d = new DisentangleModule.Builder(RESTRICTED).build();
        int[] source = d.channelSource();
        assertArrayEquals(java.util.stream.IntStream.range(0, 14).toArray(),
                java.util.Arrays.stream(source).sorted().toArray(), "every input channel is used once");
        MultiLayerNetwork net = TestNetworks.withLoss(DataType.DOUBLE, 1, InputType.convolutional(3, 3, 14),
                List.of(new DisentangleModule.Builder(RESTRICTED).build()));
        INDArray x = TestNetworks.gaussian(DataType.DOUBLE, 4, 2, 14, 3, 3);
        INDArray y = net.output(x);
        assertEquals(x.sum(1), y.sum(1), "channel sums per pixel are kept");
        assertEquals(x.norm2(1), y.norm2(1), "channel norms per pixel are kept");
    }

    @Test
    void fieldsThatDoNotSplitVanishOnExport() {
        GSpace c4 = GSpaces.rot2dOnR2(4);
        FieldType irreps = FieldType.irrep(c4, 2, 1).plus(FieldType.trivial(c4, 1));
        List<Layer> layers = List.of(new R2Conv.Builder(FieldType.trivial(c4, 2), irreps, 3).padding(1).build(),
                new DisentangleModule.Builder(irreps).build());
        MultiLayerNetwork std = Export.toStandard(TestNetworks.withLoss(DataType.FLOAT, 1, INPUT, layers));
        assertEquals(2, std.getnLayers(), "conv, loss: disentangling irreps moves no channel");
    }
}
