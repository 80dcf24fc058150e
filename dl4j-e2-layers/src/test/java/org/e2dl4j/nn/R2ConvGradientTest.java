package org.e2dl4j.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

@ExtendWith(DoublePrecision.class)
class R2ConvGradientTest {

    private static boolean check(MultiLayerNetwork net, InputType.InputTypeConvolutional in, long seed) {
        INDArray x = TestNetworks.gaussian(DataType.DOUBLE, seed, 2, in.getChannels(), in.getHeight(), in.getWidth());
        INDArray y = TestNetworks.gaussian(DataType.DOUBLE, seed + 1, net.output(x).shape());
        return GradientCheckUtil.checkGradients(new GradientCheckUtil.MLNConfig().net(net).input(x).labels(y)
                .epsilon(1e-6).maxRelError(1e-6).minAbsoluteError(1e-10));
    }

    @Test
    void cyclicRegularLayerPassesGradientCheckInMultiLayerNetwork() {
        GSpace gs = GSpaces.rot2dOnR2(4);
        FieldType in = FieldType.trivial(gs, 2);
        FieldType out = FieldType.regular(gs, 2);
        InputType.InputTypeConvolutional it = (InputType.InputTypeConvolutional) InputType.convolutional(7, 7, 2);
        MultiLayerNetwork net = TestNetworks.withLoss(DataType.DOUBLE, 1, it, List.<Layer>of(
                new R2Conv.Builder(in, out, 3).padding(1).build(),
                new R2Conv.Builder(out, FieldType.irrep(gs, 1, 1).plus(FieldType.trivial(gs, 1)), 3).build()));
        assertTrue(check(net, it, 5), "gradient check of C4 trivial->regular->irrep_1+trivial");
    }
}
