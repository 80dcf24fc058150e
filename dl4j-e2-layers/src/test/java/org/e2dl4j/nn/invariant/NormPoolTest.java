package org.e2dl4j.nn.invariant;

import static org.e2dl4j.nn.testing.TestNetworks.input;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.e2dl4j.math.group.GroupElement;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
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
 * {@link NormPool}: invariance of the field norms, norms and their gradient by hand (including a zero field),
 * finite differences, round trips, refused export.
 */
class NormPoolTest {

    private static final GSpace C4 = GSpaces.rot2dOnR2(4);
    private static final GSpace C8 = GSpaces.rot2dOnR2(8);
    private static final GSpace D4 = GSpaces.flipRot2dOnR2(4);

    /** irrep_1 (2), trivial (1), regular (4), irrep_2 (1), irrep_1 again: sizes in no order. */
    private static final FieldType C4_MIXED = new FieldType(C4, List.of(C4.irrep(1), C4.trivialRepr(),
            C4.regularRepr(), C4.irrep(2), C4.irrep(1)));
    private static final FieldType D4_MIXED = new FieldType(D4, List.of(D4.irrep(1, 1), D4.regularRepr(),
            D4.irrep(1, 0), D4.irrep(1, 1)));
    private static final FieldType C8_IRREPS = new FieldType(C8, List.of(C8.irrep(1), C8.irrep(3), C8.irrep(2)));

    private static Supplier<List<Layer>> pooling(FieldType type) {
        return () -> List.of(new NormPool.Builder(type).build());
    }

    private static Supplier<List<Layer>> convThenPooling(FieldType type) {
        FieldType in = FieldType.trivial(type.gspace(), 2);
        return () -> List.of(new R2Conv.Builder(in, type, 3).padding(1).build(), new NormPool.Builder(type).build());
    }


    @Test
    void outputIsInvariantUpToTheSpatialActionOnExactElements() {
        for (FieldType type : List.of(C4_MIXED, D4_MIXED, C8_IRREPS)) {
            LayerContract.assertEquivariant("NormPool on " + type, input(type, 7), pooling(type), type,
                    new NormPool.Builder(type).build().outType(), 1e-5);
        }
    }

    @Test
    void actingOnTheFibersAloneLeavesTheNormsUnchangedForEveryElement() {
        for (FieldType type : List.of(C4_MIXED, D4_MIXED, C8_IRREPS)) {
            MultiLayerNetwork net = TestNetworks.withLoss(DataType.DOUBLE, 1, input(type, 4), pooling(type).get());
            INDArray x = TestNetworks.gaussian(DataType.DOUBLE, 2, 2, type.size(), 4, 4);
            INDArray y = net.output(x);
            for (GroupElement g : type.gspace().fibergroup().elements()) {
                double err = net.output(type.transformFibers(x, g)).sub(y).amaxNumber().doubleValue();
                assertTrue(err < 1e-12, "NormPool on " + type + ": fiber action of " + g + " changed the norms by "
                        + err);
            }
        }
    }

    @Test
    void eachOutputIsTheEuclideanNormOfItsField() {
        // C4_MIXED channels: irrep_1 (0-1), trivial (2), regular (3-6), irrep_2 (7), irrep_1 (8-9)
        INDArray x = Nd4j.createFromArray(new double[] {3, -4, -2, 1, -1, 1, -1, -0.5, 0, 0}).reshape(1, 10, 1, 1);
        INDArray expected = Nd4j.createFromArray(new double[] {5, 2, 2, 0.5, 0}).reshape(1, 5, 1, 1);
        assertEquals(expected, LayerRunner.forward(pooling(C4_MIXED).get().get(0), input(C4_MIXED, 1), x),
                "norms of " + C4_MIXED);
    }

    @Test
    void gradientIsTheUnitFieldTimesTheOutputGradientAndZeroAtAZeroField() {
        INDArray x = Nd4j.createFromArray(new double[] {3, -4, -2, 1, -1, 1, -1, -0.5, 0, 0}).reshape(1, 10, 1, 1);
        INDArray dy = Nd4j.createFromArray(new double[] {10, 3, 2, -4, 7}).reshape(1, 5, 1, 1);
        // dL/dx_f = dL/dy_f x_f / |x_f|
        INDArray expected = Nd4j.createFromArray(new double[] {6, -8, -3, 1, -1, 1, -1, 4, 0, 0}).reshape(1, 10, 1, 1);
        assertEquals(expected, LayerRunner.backward(pooling(C4_MIXED).get().get(0), input(C4_MIXED, 1), x, dy),
                "dL/dx of the norms of " + C4_MIXED);
    }

    @Test
    void gradientOfATinyFieldIsStillItsDirection() {
        FieldType type = FieldType.irrep(C4, 1, 1);
        INDArray x = Nd4j.createFromArray(new double[] {3e-9, 4e-9}).reshape(1, 2, 1, 1);
        INDArray dx = LayerRunner.backward(pooling(type).get().get(0), input(type, 1), x,
                Nd4j.createFromArray(new double[] {1}).reshape(1, 1, 1, 1));
        assertEquals(Nd4j.createFromArray(new double[] {0.6, 0.8}).reshape(1, 2, 1, 1), dx,
                "gradient of the norm of a field of norm 5e-9");
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        LayerContract.assertGradientsCorrect("C4 mixed", input(FieldType.trivial(C4, 2), 5), convThenPooling(C4_MIXED));
        LayerContract.assertGradientsCorrect("D4 mixed", input(FieldType.trivial(D4, 2), 5), convThenPooling(D4_MIXED));
    }

    @Test
    void survivesJsonAndModelSerializer(@TempDir Path dir) throws Exception {
        LayerContract.assertJsonRoundTrip("D4 mixed", input(FieldType.trivial(D4, 2), 5), convThenPooling(D4_MIXED));
        LayerContract.assertSerializerRoundTrip("D4 mixed", input(FieldType.trivial(D4, 2), 5),
                convThenPooling(D4_MIXED), dir);
    }

    @Test
    void exportIsRefusedNamingTheLayer() {
        LayerContract.assertExportRefused("C4 mixed", input(C4_MIXED, 5), pooling(C4_MIXED), "NormPool");
    }

    @Test
    void outputTypeIsOneTrivialFieldPerInputField() {
        assertEquals(FieldType.trivial(C4, 5), new NormPool.Builder(C4_MIXED).build().outType());
    }
}
