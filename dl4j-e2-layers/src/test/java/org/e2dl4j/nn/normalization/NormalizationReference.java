package org.e2dl4j.nn.normalization;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.e2dl4j.math.ReferenceData;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.testing.ReferenceFiles;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The cases of {@code normalization.json} (written by {@code reference/normalization.py} from escnn 1.0.13 and
 * torch): field types, inputs, parameters and outputs, and the single-layer networks that run them in double.
 */
final class NormalizationReference {

    private NormalizationReference() {
    }

    /** The cases of one section ("field_norm", "torch_norms"). */
    static List<JsonNode> cases(String section) {
        JsonNode all = ReferenceFiles.read("normalization.json").get(section);
        assertTrue(all != null && all.size() > 0, "normalization.json has no section " + section);
        return java.util.stream.StreamSupport.stream(all.spliterator(), false).toList();
    }

    static GSpace gspace(JsonNode c) {
        return ReferenceData.gspace(c.get("gspace"));
    }

    static FieldType fieldType(JsonNode c) {
        GSpace gs = gspace(c);
        return new FieldType(gs, ReferenceData.fieldType(gs, c.get("type")));
    }

    static INDArray array(JsonNode c, String values, String shape) {
        long[] s = new long[c.get(shape).size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = c.get(shape).get(i).asLong();
        }
        return Nd4j.createFromArray(ReferenceData.doubles(c.get(values))).reshape('c', s);
    }

    /** A network of the one layer in double (parameters as initialised). */
    static MultiLayerNetwork single(Layer layer) {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(3)
                .dataType(DataType.DOUBLE).list().layer(layer).validateOutputLayerConfig(false).build());
        net.init();
        return net;
    }

    /** The largest absolute difference, after checking the shapes; a NaN anywhere counts as infinite. */
    static double maxAbsDifference(INDArray expected, INDArray got, String what) {
        assertArrayEquals(expected.shape(), got.shape(), what + ": shape");
        double[] e = expected.castTo(DataType.DOUBLE).data().asDouble();
        double[] g = got.castTo(DataType.DOUBLE).dup('c').data().asDouble();
        double max = 0;
        for (int i = 0; i < e.length; i++) {
            double d = Math.abs(e[i] - g[i]);
            max = Double.isNaN(d) ? Double.POSITIVE_INFINITY : Math.max(max, d);
        }
        return max;
    }
}
