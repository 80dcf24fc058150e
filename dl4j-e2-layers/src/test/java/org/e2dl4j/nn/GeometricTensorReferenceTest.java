package org.e2dl4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.e2dl4j.math.ReferenceData;
import org.e2dl4j.math.group.GroupElement;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.nn.conv.R2Conv;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * GeometricTensor's group action and an R2Conv's equivariance errors against e2cnn (reference/data/tensors.json,
 * written by reference/tensors.py): e2cnn moves fields by non-grid elements with scipy's order-2 spline rotation.
 */
class GeometricTensorReferenceTest {

    /** Half a unit in the 10th decimal (the data's rounding), plus float64 arithmetic. */
    private static final double ROUNDING = 6e-11;

    private static INDArray array(JsonNode values, long... shape) {
        return Nd4j.createFromArray(ReferenceData.doubles(values)).reshape('c', shape);
    }

    private static long[] shape(JsonNode s) {
        long[] shape = new long[s.size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = s.get(i).asLong();
        }
        return shape;
    }

    private static double maxError(INDArray a, INDArray b) {
        return Transforms.abs(a.sub(b)).maxNumber().doubleValue();
    }

    @Test
    void transformsMatchE2cnnAtGridAndNonGridElements() {
        int transforms = 0;
        for (JsonNode c : ReferenceData.read("tensors.json").get("transforms")) {
            GSpace gs = ReferenceData.gspace(c.get("gspace"));
            FieldType type = new FieldType(gs, ReferenceData.fieldType(gs, c.get("fields")));
            long[] shape = shape(c.get("shape"));
            GeometricTensor x = new GeometricTensor(array(c.get("input"), shape), type);
            GeometricTensor xFloat = new GeometricTensor(x.tensor().castTo(DataType.FLOAT), type);
            for (JsonNode t : c.get("transforms")) {
                GroupElement g = ReferenceData.element(gs.fibergroup(), t.get("element"));
                INDArray expected = array(t.get("output"), shape);
                String where = c.get("name").asText() + " at " + g;
                double err = maxError(x.transform(g).tensor(), expected);
                assertTrue(err <= ROUNDING, where + " (double): max error " + err);
                double errFloat = maxError(xFloat.transform(g).tensor().castTo(DataType.DOUBLE), expected);
                assertTrue(errFloat <= 1e-5, where + " (float): max error " + errFloat);
                transforms++;
            }
        }
        assertEquals(13, transforms, "transforms compared");
    }

    /**
     * e2cnn's check_equivariance protocol on one seeded R2Conv (C8, whole 11 x 11 maps, float64): our layer with
     * e2cnn's weights gives e2cnn's f(x), and the errors |g.f(x) - f(g.x)| per element are e2cnn's, exactly zero
     * (to rounding) at the quarter turns and about 1.7 at the odd eighth turns, where both resample the same
     * way; numpy's allclose verdict at e2cnn's atol and rtol is the same for every element.
     */
    @Test
    void r2ConvEquivarianceErrorsAreE2cnns() {
        JsonNode check = ReferenceData.read("tensors.json").get("conv_check");
        GSpace c8 = GSpaces.rot2dOnR2(8);
        FieldType in = FieldType.trivial(c8, 2).plus(FieldType.irrep(c8, 1, 1));
        FieldType out = FieldType.regular(c8, 2);
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().dataType(DataType.DOUBLE)
                .list().layer(new R2Conv.Builder(in, out, 5).padding(2).bias(false).build())
                .validateOutputLayerConfig(false).build());
        net.init();
        double[] weights = ReferenceData.doubles(check.get("weights"));
        assertEquals(weights.length, net.numParams(), "e2cnn's weight count");
        net.getLayer(0).setParam("W", Nd4j.createFromArray(weights).reshape(1, weights.length));

        long[] shape = shape(check.get("input_shape"));
        GeometricTensor x = new GeometricTensor(array(check.get("input"), shape), in);
        GeometricTensor y = new GeometricTensor(net.output(x.tensor()), out);
        double outputError = maxError(y.tensor(), array(check.get("output"), y.shape()));
        assertTrue(outputError <= 1e-9, "f(x) against e2cnn's: " + outputError);

        double atol = check.get("atol").asDouble();
        double rtol = check.get("rtol").asDouble();
        List<GroupElement> elements = c8.testingElements();
        assertEquals(8, check.get("elements").size());
        for (JsonNode e : check.get("elements")) {
            GroupElement g = elements.get(e.get("element").asInt());
            GeometricTensor mappedThenTransformed = y.transform(g);
            GeometricTensor transformedThenMapped = new GeometricTensor(net.output(x.transform(g).tensor()), out);
            INDArray errors = Transforms.abs(mappedThenTransformed.tensor().sub(transformedThenMapped.tensor()));
            String where = "element " + g;
            assertEquals(e.get("max_abs_err").asDouble(), errors.maxNumber().doubleValue(), 1e-9, where + " max");
            assertEquals(e.get("mean_abs_err").asDouble(), errors.meanNumber().doubleValue(), 1e-9, where + " mean");
            assertEquals(e.get("allclose").asBoolean(), mappedThenTransformed.allClose(transformedThenMapped, atol,
                    rtol), where + ": numpy's allclose verdict");
        }
    }
}
