package org.e2dl4j.nn.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.e2dl4j.math.group.GroupElement;
import org.e2dl4j.nn.EquivarianceCheck;
import org.e2dl4j.nn.EquivarianceReport;
import org.e2dl4j.nn.FieldType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Shared pieces of the normalization and dropout tests: a network trained for a few steps (so that running
 * statistics and affine parameters are no longer at their initial values), and equivariance of its output in
 * training mode (batch statistics) and inference mode (running statistics).
 */
public final class NormTesting {

    private NormTesting() {
    }

    /** The layers and an MSE loss, fitted {@code steps} times on one random batch of 3 (NoOp updater: plain SGD). */
    public static MultiLayerNetwork trained(InputType type, List<Layer> layers, int steps) {
        MultiLayerNetwork net = TestNetworks.withLoss(DataType.FLOAT, 31, type, layers);
        InputType.InputTypeConvolutional c = (InputType.InputTypeConvolutional) type;
        INDArray x = TestNetworks.gaussian(DataType.FLOAT, 32, 3, c.getChannels(), c.getHeight(), c.getWidth())
                .muli(2).addi(0.5);
        INDArray y = TestNetworks.gaussian(DataType.FLOAT, 33, net.output(x).shape()).muli(0.1);
        for (int i = 0; i < steps; i++) {
            net.fit(x, y);
        }
        return net;
    }

    /**
     * f(g.x) = g.f(x) on every grid-preserving testing element, relative error at most {@code tolerance}, for the
     * network's output in training mode and in inference mode.
     */
    public static void assertEquivariantInBothModes(String name, MultiLayerNetwork net, FieldType in, FieldType out, int size,
                                             double tolerance) {
        List<GroupElement> exact = in.testingElements().stream().filter(in.gspace()::preservesGrid).toList();
        for (boolean training : new boolean[] {true, false}) {
            EquivarianceReport report = EquivarianceCheck.of(x -> net.output(x, training), in, out).inputSize(size, size)
                    .batchSize(3).elements(exact).dataType(DataType.FLOAT).run();
            assertFalse(report.exactErrors().isEmpty(), name + ": no grid-preserving element was checked");
            assertTrue(report.maxExactRelativeError() <= tolerance, name + (training ? " (training mode)" : " (inference)")
                    + ": expected relative equivariance error <= " + tolerance + " on exact elements, got " + report);
        }
    }
}
