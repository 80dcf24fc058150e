package org.e2dl4j.nn.conv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.e2dl4j.math.ReferenceData;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.nn.FieldType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The filter an R2Conv expands from a weight vector equals e2cnn's: for each reference basis with its raw
 * elements (row j = e2cnn's expanded filter for the unit weight vector e_j, in e2cnn's parameter order),
 * the layer's expanded filter for random weights w must be sum_j w_j raw_j, in the same [out][in][row][col]
 * layout.
 */
class R2ConvReferenceBasisTest {

    static Stream<String> referenceBases() {
        List<String> files = new ArrayList<>();
        for (JsonNode b : ReferenceData.read("bases/index.json").get("bases")) {
            if (b.get("has_raw").asBoolean()) {
                files.add(b.get("file").asText());
            }
        }
        return files.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("referenceBases")
    void expandedFilterIsTheReferenceExpansionOfTheWeights(String file) {
        JsonNode ref = ReferenceData.read(file);
        JsonNode config = ref.get("config");
        GSpace gs = ReferenceData.gspace(config.get("gspace"));
        FieldType in = new FieldType(gs, ReferenceData.fieldType(gs, config.get("in")));
        FieldType out = new FieldType(gs, ReferenceData.fieldType(gs, config.get("out")));
        int k = config.get("kernel_size").asInt();
        JsonNode raw = ref.get("raw");
        int dimension = raw.size();
        int filterSize = raw.get(0).size();

        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().dataType(DataType.DOUBLE)
                .list().layer(new R2Conv.Builder(in, out, k).build()).validateOutputLayerConfig(false).build());
        net.init();
        R2ConvLayer layer = (R2ConvLayer) net.getLayer(0);
        INDArray w = layer.getParam(R2ConvParamInitializer.WEIGHT_KEY);
        assertEquals(dimension, w.length(), file + ": number of weights (e2cnn's basis dimension)");

        Random rnd = new Random(17);
        double[] weights = new double[dimension];
        double[] expected = new double[filterSize];
        for (int j = 0; j < dimension; j++) {
            weights[j] = rnd.nextGaussian();
            for (int p = 0; p < filterSize; p++) {
                expected[p] += weights[j] * raw.get(j).get(p).asDouble();
            }
        }
        w.assign(Nd4j.createFromArray(weights));
        INDArray filter = layer.expandedFilter();
        assertArrayEquals(new long[] {out.size(), in.size(), k, k}, filter.shape(), file + ": filter shape");
        double[] got = filter.reshape(filterSize).toDoubleVector();
        double scale = 0;
        double err = 0;
        for (int p = 0; p < filterSize; p++) {
            scale = Math.max(scale, Math.abs(expected[p]));
            err = Math.max(err, Math.abs(expected[p] - got[p]));
        }
        assertTrue(err <= 1e-5 * scale, file + ": expanded filter differs from e2cnn's by " + err
                + " (largest entry " + scale + ")");
    }
}
