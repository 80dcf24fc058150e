package org.e2dl4j.nn.nonlinear;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Supplier;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.e2dl4j.math.group.GroupElement;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.testing.TestNetworks;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Checks for the pixelwise maps (nonlinearities): they act on each pixel's fiber alone, so equivariance is
 * the fiber identity {@code f(rho_in(g) x) = rho_out(g) f(x)} for every group element, continuous rotations
 * included, which these checks test in double on random inputs.
 */
final class NonlinearityChecks {

    private NonlinearityChecks() {
    }

    /** The input of {@link #behindStockConvolution}: 2 channels of 4 x 4. */
    static final InputType GRADIENT_INPUT = InputType.convolutional(4, 4, 2);

    /**
     * For gradient checks: a stock 1x1 convolution from {@link #GRADIENT_INPUT} to the layer's input channels,
     * then the layer. The convolution's parameter gradients pass through the layer's backward pass, and the
     * network is cheap enough to check every parameter (equivariance plays no part in a gradient check; the
     * steerable convolutions have their own).
     */
    static Supplier<List<Layer>> behindStockConvolution(FieldType layerInput, Supplier<Layer> layer) {
        return () -> List.of(new ConvolutionLayer.Builder(1, 1).nIn(2).nOut(layerInput.size())
                .activation(org.nd4j.linalg.activations.Activation.IDENTITY).build(), layer.get());
    }

    /** A network of the single layer (a clone), in the given data type, parameters from seed 3. */
    static MultiLayerNetwork single(Layer layer, DataType dataType) {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(3).dataType(dataType)
                .list().layer(layer.clone()).validateOutputLayerConfig(false).build());
        net.init();
        return net;
    }

    /** The layer's output (inference) on x, in double. */
    static INDArray apply(Layer layer, INDArray x) {
        return single(layer, DataType.DOUBLE).output(x.castTo(DataType.DOUBLE));
    }

    /**
     * {@code f(rho_in(g) x) = rho_out(g) f(x)} within relative error 1e-9 (of max |f(x)|) for each element, on a
     * random [2, C, 3, 3] input ([2, C, 2, 3, 3] for a field type of R^3) in double.
     */
    static void assertFiberEquivariant(String name, Layer layer, FieldType in, FieldType out,
                                       List<GroupElement> elements) {
        MultiLayerNetwork net = single(layer, DataType.DOUBLE);
        INDArray x = in.gspace().dimensionality() == 3 ? TestNetworks.gaussian(DataType.DOUBLE, 17, 2, in.size(), 2, 3, 3)
                : TestNetworks.gaussian(DataType.DOUBLE, 17, 2, in.size(), 3, 3);
        INDArray y = net.output(x);
        double scale = y.amaxNumber().doubleValue();
        assertTrue(scale > 0, name + ": the output is identically zero, the check would prove nothing");
        for (GroupElement g : elements) {
            INDArray transformedThenMapped = net.output(in.transformFibers(x, g));
            INDArray mappedThenTransformed = out.transformFibers(y, g);
            double err = transformedThenMapped.sub(mappedThenTransformed).amaxNumber().doubleValue() / scale;
            assertTrue(err <= 1e-9, name + ": expected f(rho_in(g) x) = rho_out(g) f(x) for g = " + g
                    + " within 1e-9 relative, got error " + err);
        }
    }
}
