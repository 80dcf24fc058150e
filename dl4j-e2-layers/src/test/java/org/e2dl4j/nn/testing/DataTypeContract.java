package org.e2dl4j.nn.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.function.Supplier;

import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A network of one data type fed an input of the other computes as with an input of its own type (DL4J's stock
 * layers cast their input): same output, in the network's type, same score and same dL/dx, for DOUBLE networks
 * fed FLOAT and FLOAT networks fed DOUBLE, in a MultiLayerNetwork and a ComputationGraph. The inputs are
 * float values, so both casts are exact and the results must agree to rounding only. Dropout masks come from a
 * fixed ND4J seed.
 */
public final class DataTypeContract {

    private static final double TOLERANCE = 1e-6;

    private DataTypeContract() {
    }

    /** The contract for the given layers (then a per-pixel MSE loss). */
    public static void assertInputCastToNetworkType(String name, InputType type, Supplier<List<Layer>> layers) {
        for (DataType network : List.of(DataType.DOUBLE, DataType.FLOAT)) {
            DataType other = network == DataType.DOUBLE ? DataType.FLOAT : DataType.DOUBLE;
            String what = name + ", " + network + " network fed " + other;
            InputType.InputTypeConvolutional c = (InputType.InputTypeConvolutional) type;
            INDArray x = TestNetworks.gaussian(DataType.FLOAT, 31, 2, c.getChannels(), c.getHeight(), c.getWidth());

            MultiLayerNetwork net = TestNetworks.withLoss(network, 32, type, layers.get());
            INDArray expected = net.output(x.castTo(network));
            INDArray got = net.output(x.castTo(other));
            assertEquals(network, got.dataType(), what + ": output data type");
            assertClose(expected, got, what + ": MultiLayerNetwork output");
            INDArray labels = TestNetworks.gaussian(network, 33, expected.shape());
            // a training pass moves batch norms' running statistics, on which some training outputs depend
            INDArray start = net.params().dup();
            Nd4j.getRandom().setSeed(34);
            Pair<Gradient, INDArray> same = net.calculateGradients(x.castTo(network), labels, null, null);
            INDArray dxSame = same.getSecond().dup();
            net.setParams(start);
            Nd4j.getRandom().setSeed(34);
            Pair<Gradient, INDArray> cast = net.calculateGradients(x.castTo(other), labels, null, null);
            assertEquals(network, cast.getSecond().dataType(), what + ": dL/dx data type");
            assertClose(dxSame, cast.getSecond(), what + ": MultiLayerNetwork dL/dx");

            ComputationGraph graph = TestNetworks.graphWithLoss(network, 32, type, layers.get());
            INDArray graphExpected = graph.outputSingle(x.castTo(network));
            INDArray graphGot = graph.outputSingle(x.castTo(other));
            assertEquals(network, graphGot.dataType(), what + ": graph output data type");
            assertClose(graphExpected, graphGot, what + ": ComputationGraph output");
            INDArray graphStart = graph.params().dup();
            double score = graphScore(graph, x.castTo(network), labels);
            graph.setParams(graphStart);
            assertEquals(score, graphScore(graph, x.castTo(other), labels), TOLERANCE * Math.max(1, Math.abs(score)),
                    what + ": ComputationGraph training score");
        }
    }

    /** The training score (dropout from a fixed seed). */
    private static double graphScore(ComputationGraph graph, INDArray x, INDArray labels) {
        Nd4j.getRandom().setSeed(35);
        graph.setInputs(x);
        graph.setLabels(labels);
        graph.computeGradientAndScore();
        return graph.score();
    }

    private static void assertClose(INDArray expected, INDArray got, String what) {
        INDArray e = expected.castTo(DataType.DOUBLE);
        INDArray g = got.castTo(DataType.DOUBLE);
        double scale = Math.max(1, e.amaxNumber().doubleValue());
        double err = e.sub(g).amaxNumber().doubleValue() / scale;
        assertEquals(0.0, err, TOLERANCE, what + ": relative difference");
    }
}
