package org.e2dl4j.nn.invariant;

import static org.e2dl4j.nn.testing.TestNetworks.input;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.e2dl4j.math.group.GroupElement;
import org.e2dl4j.math.group.SubgroupId;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.math.repr.Representation;
import org.e2dl4j.math.repr.Representations;
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
 * {@link InducedNormPool}: invariance, the largest sub-field norm by hand, gradients, round trips, refused export
 * and the configuration check.
 */
class InducedNormPoolTest {

    private static final GSpace C8 = GSpaces.rot2dOnR2(8);
    private static final GSpace D4 = GSpaces.flipRot2dOnR2(4);

    /** C8 induced from C4's irrep_1: two sub-fields of 2 channels. */
    private static final Representation C8_INDUCED = induced(C8, SubgroupId.rotations(4), 1);
    /** D4 induced from its rotations C4's irrep_1: two sub-fields of 2 channels. */
    private static final Representation D4_INDUCED = induced(D4, SubgroupId.dihedral(null, 4), 1);
    /** D4 induced from C2's irrep_1 (one channel): four sub-fields of 1 channel. */
    private static final Representation D4_INDUCED_SMALL = induced(D4, SubgroupId.dihedral(null, 2), 1);

    private static final FieldType C8_TYPE = FieldType.of(C8, C8_INDUCED, 3);
    private static final FieldType D4_TYPE = new FieldType(D4, List.of(D4_INDUCED, D4_INDUCED_SMALL, D4_INDUCED));

    private static Representation induced(GSpace gs, SubgroupId id, int frequency) {
        return gs.inducedRepr(id, Representations.irrep(gs.fibergroup().subgroup(id).group(), frequency));
    }

    private static Supplier<List<Layer>> pooling(FieldType type) {
        return () -> List.of(new InducedNormPool.Builder(type).build());
    }

    private static Supplier<List<Layer>> convThenPooling(FieldType type) {
        FieldType in = FieldType.trivial(type.gspace(), 2);
        return () -> List.of(new R2Conv.Builder(in, type, 3).padding(1).build(),
                new InducedNormPool.Builder(type).build());
    }


    @Test
    void outputIsInvariantUpToTheSpatialActionOnExactElements() {
        for (FieldType type : List.of(C8_TYPE, D4_TYPE)) {
            LayerContract.assertEquivariant("InducedNormPool on " + type, input(type, 7), pooling(type), type,
                    new InducedNormPool.Builder(type).build().outType(), 1e-5);
        }
    }

    @Test
    void actingOnTheFibersAloneLeavesTheOutputUnchangedForEveryElement() {
        for (FieldType type : List.of(C8_TYPE, D4_TYPE)) {
            MultiLayerNetwork net = TestNetworks.withLoss(DataType.DOUBLE, 1, input(type, 4), pooling(type).get());
            INDArray x = TestNetworks.gaussian(DataType.DOUBLE, 2, 2, type.size(), 4, 4);
            INDArray y = net.output(x);
            for (GroupElement g : type.gspace().fibergroup().elements()) {
                double err = net.output(type.transformFibers(x, g)).sub(y).amaxNumber().doubleValue();
                assertTrue(err < 1e-12, "InducedNormPool on " + type + ": fiber action of " + g
                        + " changed the output by " + err);
            }
        }
    }

    @Test
    void eachOutputIsTheLargestSubFieldNorm() {
        // D4_TYPE: induced (sub-fields of 2: channels 0-1, 2-3), small induced (4 of 1: 4..7), induced (8-9, 10-11)
        INDArray x = Nd4j.createFromArray(new double[] {1, 1, 3, -4, 0.5, -2.5, 1, 2, -6, 8, 0, 0}).reshape(1, 12, 1, 1);
        INDArray expected = Nd4j.createFromArray(new double[] {5, 2.5, 10}).reshape(1, 3, 1, 1);
        assertEquals(expected, LayerRunner.forward(pooling(D4_TYPE).get().get(0), input(D4_TYPE, 1), x),
                "largest sub-field norms of " + D4_TYPE);
        INDArray dx = LayerRunner.backward(pooling(D4_TYPE).get().get(0), input(D4_TYPE, 1), x,
                Nd4j.createFromArray(new double[] {10, 1, 2}).reshape(1, 3, 1, 1));
        INDArray expectedDx = Nd4j.createFromArray(new double[] {0, 0, 6, -8, 0, -1, 0, 0, -1.2, 1.6, 0, 0})
                .reshape(1, 12, 1, 1);
        assertEquals(expectedDx, dx, "the gradient goes to the largest sub-field, along its direction");
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        LayerContract.assertGradientsCorrect("C8 induced", input(FieldType.trivial(C8, 2), 5), convThenPooling(C8_TYPE));
        LayerContract.assertGradientsCorrect("D4 induced", input(FieldType.trivial(D4, 2), 5), convThenPooling(D4_TYPE));
    }

    @Test
    void survivesJsonAndModelSerializer(@TempDir Path dir) throws Exception {
        LayerContract.assertJsonRoundTrip("D4 induced", input(FieldType.trivial(D4, 2), 5), convThenPooling(D4_TYPE));
        LayerContract.assertSerializerRoundTrip("D4 induced", input(FieldType.trivial(D4, 2), 5),
                convThenPooling(D4_TYPE), dir);
    }

    @Test
    void exportIsRefusedNamingTheLayer() {
        LayerContract.assertExportRefused("C8 induced", input(C8_TYPE, 5), pooling(C8_TYPE), "InducedNormPool");
    }

    @Test
    void fieldsWithoutInducedNormSupportAreRejectedAtBuildTime() {
        FieldType type = FieldType.of(C8, C8_INDUCED, 1).plus(FieldType.regular(C8, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new InducedNormPool.Builder(type).build());
        assertTrue(e.getMessage().contains("InducedNormPool") && e.getMessage().contains("field 1")
                        && e.getMessage().contains("regular") && e.getMessage().contains("induced_norm"),
                "message should name the layer, the field, its representation and the missing support: "
                        + e.getMessage());
    }
}
