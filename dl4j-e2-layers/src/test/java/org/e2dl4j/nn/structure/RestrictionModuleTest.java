package org.e2dl4j.nn.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.e2dl4j.math.group.SubgroupId;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.nn.Export;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.conv.R2Conv;
import org.e2dl4j.nn.testing.LayerContract;
import org.e2dl4j.nn.testing.TestNetworks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * {@link RestrictionModule}: a G-equivariant convolution, the restriction to H, and an H-equivariant convolution
 * on the restricted type are H-equivariant together; the data passes unchanged; the layer contract; bad ids.
 */
class RestrictionModuleTest {

    private static final GSpace C8 = GSpaces.rot2dOnR2(8);
    private static final GSpace D4 = GSpaces.flipRot2dOnR2(4);
    private static final InputType INPUT = InputType.convolutional(7, 7, 2);

    /** A G-space, its hidden type, and a subgroup to restrict it to. */
    record Case(String name, GSpace gspace, FieldType hidden, SubgroupId id) {

        FieldType in() {
            return FieldType.trivial(gspace, 2);
        }

        FieldType restrictedIn() {
            return in().restrict(id);
        }

        FieldType out() {
            return FieldType.trivial(in().restrict(id).gspace(), 2);
        }

        Supplier<List<Layer>> layers() {
            return () -> {
                RestrictionModule restriction = new RestrictionModule.Builder(hidden, id).build();
                return List.of(
                        new R2Conv.Builder(in(), hidden, 3).padding(1).build(),
                        restriction,
                        new R2Conv.Builder(restriction.outType(), out(), 3).padding(1).build());
            };
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        FieldType d4Hidden = FieldType.regular(D4, 1).plus(FieldType.irrep(D4, 1, 1, 1));
        return Stream.of(
                new Case("C8 to C4", C8, FieldType.regular(C8, 1).plus(FieldType.irrep(C8, 1, 3)),
                        SubgroupId.rotations(4)),
                new Case("D4 to C4", D4, d4Hidden, SubgroupId.dihedral(null, 4)),
                new Case("D4 to the flips (0, 1)", D4, d4Hidden, SubgroupId.dihedral(0, 1)),
                new Case("D4 to D2 with the diagonal axis (1, 2)", D4, d4Hidden, SubgroupId.dihedral(1, 2)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isEquivariantUnderTheSubgroupOnExactElements(Case c) {
        LayerContract.assertEquivariant(c.name(), INPUT, c.layers(), c.restrictedIn(), c.out(), 1e-5);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void survivesJsonAndModelSerializer(Case c, @TempDir Path dir) throws Exception {
        LayerContract.assertJsonRoundTrip(c.name(), INPUT, c.layers());
        LayerContract.assertSerializerRoundTrip(c.name(), INPUT, c.layers(), dir);
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        Case c = new Case("D4 to the flips (0, 1)", D4, FieldType.regular(D4, 1), SubgroupId.dihedral(0, 1));
        LayerContract.assertGradientsCorrect(c.name(), InputType.convolutional(5, 5, 2), c.layers());
    }

    @Test
    void vanishesOnExportWithTheSameOutput() {
        Case c = cases().skip(1).findFirst().orElseThrow();
        LayerContract.assertExportEquivalent(c.name(), INPUT, c.layers());
        MultiLayerNetwork std = Export.toStandard(TestNetworks.withLoss(DataType.FLOAT, 1, INPUT, c.layers().get()));
        assertEquals(3, std.getnLayers(), "conv, conv, loss: the restriction should vanish");
    }

    @Test
    void theDataPassesUnchangedAndTheTypeIsRestricted() {
        FieldType hidden = FieldType.regular(D4, 2);
        RestrictionModule r = new RestrictionModule.Builder(hidden, SubgroupId.dihedral(0, 1)).build();
        assertEquals(hidden.restrict(SubgroupId.dihedral(0, 1)), r.outType(), "output type");
        assertEquals(GSpaces.flip2dOnR2(), r.outType().gspace(), "D4 restricted to (0, 1) is the flip G-space");
        MultiLayerNetwork net = TestNetworks.withLoss(DataType.DOUBLE, 1, InputType.convolutional(3, 4, 16),
                List.of(r));
        INDArray x = TestNetworks.gaussian(DataType.DOUBLE, 3, 2, 16, 3, 4);
        assertEquals(x, net.output(x), "restriction must not change the data");
    }

    @Test
    void anIdThatNamesNoSubgroupIsRejectedWithTheLayerAndTheId() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RestrictionModule.Builder(FieldType.regular(C8, 1), SubgroupId.rotations(3)).build());
        assertTrue(e.getMessage().contains("RestrictionModule") && e.getMessage().contains("3"),
                "message should name the layer and the id: " + e.getMessage());
        IllegalArgumentException form = assertThrows(IllegalArgumentException.class,
                () -> new RestrictionModule.Builder(FieldType.regular(D4, 1), SubgroupId.rotations(2)).build());
        assertTrue(form.getMessage().contains("RestrictionModule") && form.getMessage().contains("dihedral"),
                "message should say which ids D4 takes: " + form.getMessage());
    }

    @Test
    void aLayerOnTheUnrestrictedTypeAfterTheRestrictionIsRejected() {
        FieldType hidden = FieldType.regular(C8, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new NeuralNetConfiguration.Builder().list()
                        .layer(new R2Conv.Builder(FieldType.trivial(C8, 2), hidden, 3).build())
                        .layer(new RestrictionModule.Builder(hidden, SubgroupId.rotations(4)).build())
                        .layer(new IdentityModule.Builder(hidden).build())
                        .setInputType(INPUT).build());
        assertTrue(e.getMessage().contains("mismatch") && e.getMessage().contains("C8:regular"),
                "message should report the restricted type: " + e.getMessage());
    }
}
