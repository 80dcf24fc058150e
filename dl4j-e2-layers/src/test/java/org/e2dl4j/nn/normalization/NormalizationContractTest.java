package org.e2dl4j.nn.normalization;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.conv.R2Conv;
import org.e2dl4j.nn.testing.DataTypeContract;
import org.e2dl4j.nn.testing.LayerContract;
import org.e2dl4j.nn.testing.NormTesting;
import org.e2dl4j.nn.testing.TestNetworks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The layer contract of {@link FieldNorm}, {@link EquivariantInstanceNorm} and {@link EquivariantLayerNorm}:
 * equivariance on the exact elements of C4, C8, D4, SO(2) and O(2) between steerable convolutions (also with random
 * affine parameters, in training and inference mode), gradients in double,
 * JSON and ModelSerializer round trips, the export refusal, inputs cast to the network's data type.
 */
class NormalizationContractTest {

    /** A case: a normalization on a mixed field type. */
    record Case(String name, FieldType hidden, Function<FieldType, Layer> layer) {
        @Override
        public String toString() {
            return name;
        }

        FieldType in() {
            return FieldType.trivial(hidden.gspace(), 1);
        }

        InputType input() {
            return InputType.convolutional(5, 5, 1);
        }

        Supplier<List<Layer>> layers() {
            return () -> List.of(new R2Conv.Builder(in(), hidden, 3).padding(1).build(), layer.apply(hidden),
                    new R2Conv.Builder(hidden, in(), 3).padding(1).build());
        }

        /** A stock 1x1 convolution from 2 channels to the layer: every parameter is cheap to check. */
        Supplier<List<Layer>> behindStockConvolution() {
            return () -> List.of(new ConvolutionLayer.Builder(1, 1).nIn(2).nOut(hidden.size())
                    .activation(Activation.IDENTITY).build(), layer.apply(hidden));
        }
    }

    private static FieldType mixed(GSpace gs) {
        boolean flips = gs.fibergroup().hasReflections();
        FieldType vector = flips ? FieldType.irrep(gs, 1, 1, 1) : FieldType.irrep(gs, 1, 1);
        FieldType base = vector.plus(FieldType.trivial(gs, 1)).plus(vector);
        return gs.fibergroup().order() > 0 ? FieldType.regular(gs, 1).plus(base) : base;
    }

    static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (GSpace gs : List.of(GSpaces.rot2dOnR2(4), GSpaces.rot2dOnR2(8), GSpaces.flipRot2dOnR2(4),
                GSpaces.rot2dOnR2(-1, 3), GSpaces.flipRot2dOnR2(-1, 3))) {
            FieldType t = mixed(gs);
            cases.add(new Case(gs.name() + " FieldNorm", t, f -> new FieldNorm.Builder(f).build()));
            cases.add(new Case(gs.name() + " EquivariantInstanceNorm", t,
                    f -> new EquivariantInstanceNorm.Builder(f).build()));
            cases.add(new Case(gs.name() + " EquivariantLayerNorm", t, f -> new EquivariantLayerNorm.Builder(f).build()));
        }
        return cases;
    }

    /** The C4 cases: one per layer. */
    static List<Case> c4Cases() {
        return cases().subList(0, 3);
    }

    /** The C4 and O(2) cases: the gradient does not depend on the group, only on the layout of the fields. */
    static List<Case> gradientCases() {
        List<Case> all = cases();
        return List.of(all.get(0), all.get(1), all.get(2), all.get(12), all.get(13), all.get(14));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isEquivariantOnExactElementsWithRandomAffineParameters(Case c) {
        MultiLayerNetwork net = TestNetworks.withLoss(DataType.FLOAT, 22, c.input(), c.layers().get());
        INDArray gamma = net.getParam("1_gamma");
        net.setParam("1_gamma", TestNetworks.gaussian(DataType.FLOAT, 23, gamma.length()).muli(0.5).addi(1));
        INDArray beta = net.getParam("1_beta");
        net.setParam("1_beta", TestNetworks.gaussian(DataType.FLOAT, 24, beta.length()));
        NormTesting.assertEquivariantInBothModes(c.name() + " with random gamma and beta", net, c.in(), c.in(), 5,
                1e-5);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("gradientCases")
    void gradientsMatchFiniteDifferences(Case c) {
        // 3 x 3 maps: on 4 x 4 the layer norm's score (about 30) leaves central differences 2e-8 of rounding noise
        LayerContract.assertGradientsCorrect(c.name(), InputType.convolutional(3, 3, 2), c.behindStockConvolution());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("c4Cases")
    void survivesJsonAndModelSerializer(Case c, @TempDir Path dir) throws Exception {
        LayerContract.assertJsonRoundTrip(c.name(), c.input(), c.layers());
        LayerContract.assertSerializerRoundTrip(c.name(), c.input(), c.layers(), dir);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("c4Cases")
    void exportIsRefusedNamingTheLayer(Case c) {
        LayerContract.assertExportRefused(c.name(), c.input(), c.layers(),
                c.layer().apply(c.hidden()).getClass().getSimpleName());
    }

    @Test
    void castsItsInputToTheNetworkType() {
        Case c = cases().get(0);
        DataTypeContract.assertInputCastToNetworkType(c.name(), c.input(), c.layers());
    }
}
