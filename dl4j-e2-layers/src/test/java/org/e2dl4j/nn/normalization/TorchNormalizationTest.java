package org.e2dl4j.nn.normalization;

import static org.e2dl4j.nn.normalization.FieldNormTest.assertClose;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.e2dl4j.math.ReferenceData;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.nn.FieldType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@link EquivariantInstanceNorm} and {@link EquivariantLayerNorm} where they reduce to torch's own normalizations
 * (torch's InstanceNorm2d, GroupNorm and LayerNorm numbers from {@code reference/normalization.py}): trivial fields,
 * regular fields (one group per field), permutation fields under a layer norm; and hand-derived cases where they
 * do not (vector fields, a mean removed only along the invariant vector).
 */
class TorchNormalizationTest {

    private static final GSpace C4 = GSpaces.rot2dOnR2(4);
    private static final double EPS = 1e-5;

    static List<JsonNode> torchCases() {
        return NormalizationReference.cases("torch_norms");
    }

    @ParameterizedTest(name = "{index}")
    @MethodSource("torchCases")
    void matchesTorch(JsonNode c) {
        FieldType type = NormalizationReference.fieldType(c);
        boolean affine = c.has("weight");
        double eps = c.get("eps").asDouble();
        SampleNormalization layer = c.get("norm").asText().equals("instance")
                ? new EquivariantInstanceNorm.Builder(type).eps(eps).affine(affine).build()
                : new EquivariantLayerNorm.Builder(type).eps(eps).affine(affine).build();
        MultiLayerNetwork net = NormalizationReference.single(layer);
        if (affine) {
            net.setParam("0_gamma", Nd4j.createFromArray(ReferenceData.doubles(c.get("weight"))));
            net.setParam("0_beta", Nd4j.createFromArray(ReferenceData.doubles(c.get("bias"))));
        }
        INDArray x = NormalizationReference.array(c, "input", "shape");
        String name = c.get("name").asText();
        double error = NormalizationReference.maxAbsDifference(NormalizationReference.array(c, "output", "shape"),
                net.output(x), name);
        assertTrue(error <= 1e-8, name + ": expected torch's output within 1e-8, max difference " + error);
    }

    @Test
    void instanceNormOfAVectorFieldOnlyDividesByItsRmsNorm() {
        // an irrep_1 field on 1 x 2 pixels, (3, 4) and (0, 0): nothing is centred, v = 25 / (2 channels * 2 pixels)
        INDArray x = Nd4j.createFromArray(3.0, 0, 4, 0).reshape(1, 2, 1, 2);
        INDArray y = NormalizationReference.single(new EquivariantInstanceNorm.Builder(FieldType.irrep(C4, 1, 1))
                .build()).output(x);
        double s = Math.sqrt(6.25 + EPS);
        assertClose(new double[] {3 / s, 0, 4 / s, 0}, y, "irrep_1 field");
    }

    @Test
    void layerNormCentresOnlyAlongTheInvariantVector() {
        // [trivial, irrep_1] of C4 on one pixel, (2; 3, 4): u = (1, 0, 0), so mu = 2 is removed from the trivial
        // channel only; v = (0 + 9 + 16) / 3 channels; the weights act per field, the bias on the trivial irrep
        FieldType type = FieldType.trivial(C4, 1).plus(FieldType.irrep(C4, 1, 1));
        MultiLayerNetwork net = NormalizationReference.single(new EquivariantLayerNorm.Builder(type).build());
        net.setParam("0_gamma", Nd4j.createFromArray(3.0, 0.5));
        net.setParam("0_beta", Nd4j.createFromArray(-1.0));
        INDArray y = net.output(Nd4j.createFromArray(2.0, 3, 4).reshape(1, 3, 1, 1));
        double s = Math.sqrt(25.0 / 3 + EPS);
        assertClose(new double[] {-1, 0.5 * 3 / s, 0.5 * 4 / s}, y, "trivial + irrep_1");
    }

    @Test
    void layerNormWithoutTrivialIrrepsOnlyRescales() {
        // two irrep_1 fields of C4 at one pixel, (1, 1) and (1, -3): v = 12 / 4, y = x / sqrt(3 + eps)
        INDArray x = Nd4j.createFromArray(1.0, 1, 1, -3).reshape(1, 4, 1, 1);
        INDArray y = NormalizationReference.single(new EquivariantLayerNorm.Builder(FieldType.irrep(C4, 2, 1))
                .affine(false).build()).output(x);
        double s = Math.sqrt(3 + EPS);
        assertClose(new double[] {1 / s, 1 / s, 1 / s, -3 / s}, y, "two irrep_1 fields");
    }
}
