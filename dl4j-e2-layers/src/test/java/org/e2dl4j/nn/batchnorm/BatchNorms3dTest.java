package org.e2dl4j.nn.batchnorm;

import static org.e2dl4j.testing.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.nn.EquivarianceCheck;
import org.e2dl4j.nn.EquivarianceReport;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.testing.LayerContract;
import org.e2dl4j.nn.testing.TestNetworks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The batch norms on NCDHW volumes of 3D G-spaces: the layer contract (equivariance on the grid elements in
 * inference and, in double, in training mode; gradient check in double; JSON and ModelSerializer; export of the
 * running-statistics form to a frozen 1 x 1 x 1 Convolution3D, or the refusal), and the defining fact that in training
 * mode a trivial field comes out with mean 0 and variance 1 over the batch and all voxels (InnerBatchNorm divides by
 * the biased standard deviation, as PyTorch; IIDBatchNorm3d by the unbiased one, as escnn, so its biased variance is
 * (n - 1) / n for n values).
 */
class BatchNorms3dTest {

    private static final GSpace D4 = GSpaces.dihedralOnR3(4);
    private static final GSpace INV = GSpaces.invOnR3();
    private static final GSpace OCTA = GSpaces.octaOnR3();
    private static final GSpace FULL_OCTA = GSpaces.fullOctaOnR3();

    /** {@code n} copies of the first irrep of the G-space's group of the given dimension. */
    private static FieldType irrepsOfSize(GSpace gs, int size, int n) {
        return FieldType.of(gs, gs.irreps().stream().filter(r -> r.size() == size).findFirst().orElseThrow(), n);
    }
    /** The running statistics, held fixed in the gradient check. */
    private static final String[] STATISTICS = {"1_mean", "1_var", "l1_mean", "l1_var"};

    /** A case: the batch norm on a 3D field type. */
    record Case(String name, FieldType type, Function<FieldType, Layer> layer, boolean exports) {
        @Override
        public String toString() {
            return name;
        }

        InputType input() {
            return TestNetworks.volume(type, 3, 3, 3);
        }

        Supplier<List<Layer>> layers() {
            return () -> List.of(layer.apply(type));
        }
    }

    static List<Case> cases() {
        FieldType irreps = FieldType.irrep(D4, 1, 1, 1).plus(FieldType.trivial(D4, 1)).plus(FieldType.irrep(D4, 1, 1, 0));
        return List.of(
                new Case("InnerBatchNorm on dihedralOnR3(4)", FieldType.regular(D4, 2).plus(FieldType.trivial(D4, 1)),
                        t -> new InnerBatchNorm.Builder(t).build(), true),
                new Case("InnerBatchNorm without affine on invOnR3", FieldType.regular(INV, 2),
                        t -> new InnerBatchNorm.Builder(t).affine(false).build(), true),
                new Case("IIDBatchNorm3d on dihedralOnR3(4)", irreps, t -> new IIDBatchNorm3d.Builder(t).build(), true),
                new Case("NormBatchNorm on dihedralOnR3(4)", FieldType.irrep(D4, 1, 1, 1).plus(FieldType.irrep(D4, 1, 1, 0)),
                        t -> new NormBatchNorm.Builder(t).build(), false),
                new Case("GNormBatchNorm on dihedralOnR3(4)", irreps.plus(FieldType.regular(D4, 1)),
                        t -> new GNormBatchNorm.Builder(t).build(), false),
                new Case("InnerBatchNorm on octaOnR3 (24 rotations)", FieldType.regular(OCTA, 1)
                        .plus(FieldType.trivial(OCTA, 1)), t -> new InnerBatchNorm.Builder(t).build(), true),
                new Case("IIDBatchNorm3d on fullOctaOnR3 (48 elements)", FieldType.trivial(FULL_OCTA, 1)
                        .plus(irrepsOfSize(FULL_OCTA, 3, 2)), t -> new IIDBatchNorm3d.Builder(t).build(), true),
                new Case("NormBatchNorm on fullOctaOnR3", irrepsOfSize(FULL_OCTA, 3, 2),
                        t -> new NormBatchNorm.Builder(t).build(), false),
                new Case("GNormBatchNorm on octaOnR3", FieldType.regular(OCTA, 1).plus(irrepsOfSize(OCTA, 2, 1)),
                        t -> new GNormBatchNorm.Builder(t).build(), false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isEquivariantOnTheGridElementsInBothModes(Case c) {
        LayerContract.assertEquivariant(c.name(), c.input(), c.layers(), c.type(), c.type(), 1e-5);
        MultiLayerNetwork net = TestNetworks.withLoss(DataType.DOUBLE, 2, c.input(), c.layers().get());
        EquivarianceReport report = EquivarianceCheck.of(v -> net.output(v, true), c.type(), c.type())
                .dataType(DataType.DOUBLE).batchSize(3).inputSize(3, 3, 3).run();
        assertFalse(report.exactErrors().isEmpty(), c.name() + ": no grid element was checked");
        assertTrue(report.maxExactRelativeError() < 1e-9, c.name() + " in training mode: " + report);
    }

    /** The cases on the small fields of the planar groups, for the (costly) gradient check of each layer class. */
    static List<Case> planarCases() {
        return cases().stream().filter(c -> c.type().gspace() == D4 || c.type().gspace() == INV).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("planarCases")
    void gradientsMatchFiniteDifferences(Case c) {
        LayerContract.assertGradientsCorrect(c.name(), TestNetworks.GRADIENT_VOLUME,
                TestNetworks.behindStockConvolution3D(c.type(), () -> c.layer().apply(c.type())), STATISTICS);
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
    void aTrivialFieldComesOutStandardizedOverBatchAndVoxels() {
        FieldType t = FieldType.trivial(D4, 1).plus(FieldType.regular(D4, 1));
        for (Layer layer : List.of(new InnerBatchNorm.Builder(t).build(), new IIDBatchNorm3d.Builder(t).build())) {
            MultiLayerNetwork net = TestNetworks.withLoss(DataType.DOUBLE, 4, TestNetworks.volume(t, 3, 4, 5),
                    List.of(layer));
            INDArray x = TestNetworks.gaussian(DataType.DOUBLE, 6, 3, t.size(), 3, 4, 5).muli(2.5).addi(0.7);
            INDArray scalar = net.output(x, true).get(NDArrayIndex.all(), NDArrayIndex.point(0));
            double mean = scalar.meanNumber().doubleValue();
            double variance = scalar.sub(mean).mul(scalar.sub(mean)).meanNumber().doubleValue();
            assertEquals(0, mean, 1e-9, layer.getClass().getSimpleName() + ": mean of the trivial field");
            double n = scalar.length();
            double expected = layer instanceof IIDBatchNorm3d ? (n - 1) / n : 1;
            assertEquals(expected, variance, 1e-5, layer.getClass().getSimpleName() + ": variance of the trivial field");
        }
    }

    @Test
    void theIidBatchNormsHoldToTheirBaseSpace() {
        assertRejected(() -> new IIDBatchNorm3d.Builder(FieldType.trivial(GSpaces.rot2dOnR2(4), 2)).build(),
                "IIDBatchNorm3d", "3-dimensional base space", "2-dimensional base space");
        assertRejected(() -> new IIDBatchNorm2d.Builder(FieldType.trivial(D4, 2)).build(),
                "IIDBatchNorm2d", "2-dimensional base space", "3-dimensional base space");
    }
}
