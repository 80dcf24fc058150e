package org.e2dl4j.nn.conv;

import static org.e2dl4j.nn.testing.EditedConfigurations.assertRefusedOnBothPaths;
import static org.e2dl4j.nn.testing.EditedConfigurations.initNetwork;
import static org.e2dl4j.nn.testing.EditedConfigurations.networkJson;
import static org.e2dl4j.nn.testing.EditedConfigurations.replace;
import static org.e2dl4j.nn.testing.EditedConfigurations.set;
import static org.e2dl4j.testing.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.point;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.distribution.NormalDistribution;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.nn.weights.WeightInitRelu;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.testing.LayerContract;
import org.e2dl4j.nn.testing.TestNetworks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * How the steerable convolutions initialise their basis weights: e2cnn's {@code initialize=False} (all weights 0,
 * as e2cnn leaves them: {@code conv_options.json} records it), delta-orthogonal (the filter's centre tap is an
 * isometry, only centre weights non-zero), generalized He by default; and DL4J's {@code weightInit}, which does
 * not apply to basis weights, refused on the layer's builder, in edited JSON and as a network default.
 */
class R2ConvInitializationTest {

    private static final GSpace C8 = GSpaces.rot2dOnR2(8);
    private static final GSpace D4 = GSpaces.flipRot2dOnR2(4);

    private static INDArray weights(AbstractR2Conv conv) {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(3).dataType(DataType.DOUBLE)
                .list().layer(conv).validateOutputLayerConfig(false).build());
        net.init();
        return net.getLayer(0).getParam(R2ConvParamInitializer.WEIGHT_KEY);
    }

    @Test
    void noneLeavesEveryWeightAtZeroAsE2cnn() {
        for (JsonNode c : ConvOptionsReference.cases("custom_bases")) {
            assertTrue(c.get("initial_weights_all_zero").asBoolean(), "e2cnn's initialize=False leaves zeros");
        }
        FieldType regular = FieldType.regular(C8, 2);
        INDArray w = weights(new R2Conv.Builder(regular, regular, 5).initialization(BasisInitialization.NONE).build());
        assertTrue(w.length() > 100);
        assertEquals(0.0, w.amaxNumber().doubleValue(), "every weight 0");
        INDArray he = weights(new R2Conv.Builder(regular, regular, 5).build());
        assertTrue(he.amaxNumber().doubleValue() > 0, "the default draws weights");
        INDArray t = weights(new R2ConvTransposed.Builder(regular, regular, 3).initialization(BasisInitialization.NONE)
                .build());
        assertEquals(0.0, t.amaxNumber().doubleValue(), "transposed: every weight 0");
    }

    /** e2cnn's check of its delta-orthonormal init: filter[:, :, c, c]^T filter[:, :, c, c] = I. */
    @Test
    void deltaOrthogonalMakesTheCentreTapAnIsometry() {
        for (GSpace gs : List.of(C8, D4)) {
            FieldType in = FieldType.regular(gs, 2);
            FieldType out = FieldType.regular(gs, 3);
            R2Conv conv = new R2Conv.Builder(in, out, 5).initialization(BasisInitialization.DELTA_ORTHOGONAL).build();
            MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(5)
                    .dataType(DataType.DOUBLE).list().layer(conv).validateOutputLayerConfig(false).build());
            net.init();
            INDArray filter = ((R2ConvLayer) net.getLayer(0)).expandedFilter();
            INDArray centre = filter.get(all(), all(), point(2), point(2));
            INDArray gram = centre.transpose().mmul(centre);
            double err = gram.sub(Nd4j.eye(in.size()).castTo(DataType.DOUBLE)).amaxNumber().doubleValue();
            assertTrue(err < 1e-9, gs.name() + ": centre^T centre differs from the identity by " + err);
            double offCentre = filter.mul(filter).sumNumber().doubleValue() - centre.mul(centre).sumNumber().doubleValue();
            assertTrue(offCentre < 1e-6, gs.name() + ": the filter's squares off its centre sum to " + offCentre);
        }
    }

    private static Supplier<List<Layer>> delta() {
        FieldType regular = FieldType.regular(C8, 1);
        return () -> List.of(new R2Conv.Builder(regular, regular, 3).padding(1)
                .initialization(BasisInitialization.DELTA_ORTHOGONAL).build());
    }

    @Test
    void theInitializationRoundTripsAndKeepsTheContract(@TempDir Path dir) throws Exception {
        FieldType regular = FieldType.regular(C8, 1);
        LayerContract.assertJsonRoundTrip("delta-orthogonal", TestNetworks.input(regular, 5), delta());
        LayerContract.assertSerializerRoundTrip("delta-orthogonal", TestNetworks.input(regular, 5), delta(), dir);
        LayerContract.assertEquivariant("delta-orthogonal", TestNetworks.input(regular, 5), delta(), regular, regular,
                1e-5);
        LayerContract.assertExportEquivalent("delta-orthogonal", TestNetworks.input(regular, 5), delta());
    }

    private static R2Conv.Builder conv() {
        return new R2Conv.Builder(FieldType.trivial(C8, 1), FieldType.regular(C8, 1), 3).name("bad");
    }

    @Test
    void dl4jWeightInitOnTheBuilderIsRefused() {
        assertRejected(() -> conv().weightInit(WeightInit.RELU), "R2Conv", "weightInit (RELU)", "initialization(");
        assertRejected(() -> conv().weightInit(new WeightInitRelu()), "R2Conv", "does not apply to the basis weights");
        assertRejected(() -> conv().weightInit(new NormalDistribution(0, 1)), "R2Conv", "weightInit");
        assertRejected(() -> conv().dist(new NormalDistribution(0, 1)), "R2Conv", "weightInit");
        assertRejected(() -> new R2ConvTransposed.Builder(FieldType.trivial(C8, 1), FieldType.regular(C8, 1), 3)
                .weightInit(WeightInit.ZERO), "R2ConvTransposed", "weightInit (ZERO)");
    }

    @Test
    void dl4jWeightInitAsTheNetworkDefaultOrInEditedJsonIsRefused() {
        assertRejected(() -> new MultiLayerNetwork(new NeuralNetConfiguration.Builder().weightInit(WeightInit.RELU).list()
                        .layer(conv().build()).validateOutputLayerConfig(false).build()).init(), "R2Conv layer 'bad'",
                "WeightInitRelu", "network's default", "initialization(");
        String json = replace("\"org.deeplearning4j.nn.weights.WeightInitXavier\"",
                "\"org.deeplearning4j.nn.weights.WeightInitRelu\"").apply(networkJson(conv().build()));
        assertRejected(() -> initNetwork(json), "R2Conv layer 'bad'", "WeightInitRelu");
    }

    @Test
    void aMissingInitializationIsRefused() {
        assertRefusedOnBothPaths(() -> conv().initialization(null).build(), conv().build(),
                set("initialization", "null"), "R2Conv layer 'bad'", "no initialization",
                "GENERALIZED_HE, DELTA_ORTHOGONAL, NONE");
    }
}
