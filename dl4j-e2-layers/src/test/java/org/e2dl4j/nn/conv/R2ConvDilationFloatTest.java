package org.e2dl4j.nn.conv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.nn.Export;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.testing.TestNetworks;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Dilated steerable convolutions in float, the data type in which CPU builds run libnd4j's oneDNN kernels (which
 * refuse dilated primitives in M2.1): the output equals that of the exported stock DL4J layer, which convolves
 * through DL4J's own im2col path, and a training step gives a finite input gradient. (The double-precision gradient
 * checks of R2ConvGradientTest cover the dilated backward pass against finite differences.)
 */
class R2ConvDilationFloatTest {

    private static final int SIZE = 13;

    static Stream<Arguments> layers() {
        FieldType c4 = FieldType.regular(GSpaces.rot2dOnR2(4), 2);
        FieldType d4 = FieldType.regular(GSpaces.flipRot2dOnR2(4), 1);
        return Stream.of(
                Arguments.of("C4 k3 dilation 2 padding 2", c4,
                        (Supplier<Layer>) () -> new R2Conv.Builder(c4, c4, 3).dilation(2).padding(2).build()),
                Arguments.of("D4 k5 dilation 3 stride 2", d4,
                        (Supplier<Layer>) () -> new R2Conv.Builder(d4, d4, 5).dilation(3).stride(2).padding(1).build()),
                Arguments.of("C4 k3 dilation 2 Same", c4, (Supplier<Layer>) () -> new R2Conv.Builder(c4, c4, 3)
                        .dilation(2).convolutionMode(ConvolutionMode.Same).build()),
                Arguments.of("C4 transposed k3 dilation 2 stride 2", c4, (Supplier<Layer>) () ->
                        new R2ConvTransposed.Builder(c4, c4, 3).dilation(2).stride(2).padding(1).build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layers")
    void matchesTheStockLayerInFloat(String name, FieldType type, Supplier<Layer> layer) {
        MultiLayerNetwork net = TestNetworks.withLoss(DataType.FLOAT, 7, TestNetworks.input(type, SIZE),
                List.of(layer.get()));
        INDArray x = TestNetworks.gaussian(DataType.FLOAT, 3, 2, type.size(), SIZE, SIZE);
        INDArray ours = net.output(x);
        INDArray stock = Export.toStandard(net).output(x);
        assertArrayEquals(stock.shape(), ours.shape(), name);
        double scale = stock.amaxNumber().doubleValue();
        double diff = ours.sub(stock).amaxNumber().doubleValue();
        assertTrue(scale > 0 && diff <= 1e-5 * scale, name + ": max difference " + diff + " at scale " + scale);

        net.setInput(x);
        net.setLabels(TestNetworks.gaussian(DataType.FLOAT, 4, ours.shape()));
        net.computeGradientAndScore();
        assertTrue(Double.isFinite(net.gradient().gradient().norm2Number().doubleValue())
                && net.gradient().gradient().norm2Number().doubleValue() > 0, name);
    }
}
