package org.e2dl4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.CnnLossLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.nn.batchnorm.InnerBatchNorm;
import org.e2dl4j.nn.conv.R2Conv;
import org.e2dl4j.nn.invariant.GroupPooling;
import org.e2dl4j.nn.nonlinear.ELU;
import org.e2dl4j.nn.nonlinear.ReLU;
import org.e2dl4j.nn.pooling.PointwiseMaxPool;
import org.e2dl4j.nn.testing.TestNetworks;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.impl.ActivationELU;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The example model of e2cnn's {@code nn} documentation (the export example), written with
 * {@link EquivariantSequence} in as many lines as e2cnn's {@code SequentialModule}: on C8, 3 trivial fields to 3
 * regular fields (R2Conv 5x5 without bias, InnerBatchNorm, ReLU, PointwiseMaxPool 3 / stride 2 / padding 1), then
 * to 1 regular field (R2Conv 3x3 without bias, InnerBatchNorm, ELU) and GroupPooling. Trained for a few steps,
 * exported, and compared with the exported network on a batch of 10 31 x 31 inputs, as e2cnn's example does.
 */
class E2cnnExportExampleTest {

    private static final GSpace S = GSpaces.rot2dOnR2(8);
    private static final FieldType C_IN = FieldType.trivial(S, 3);
    private static final FieldType C_HID = FieldType.regular(S, 3);
    private static final FieldType C_OUT = FieldType.regular(S, 1);

    /** e2cnn: {@code SequentialModule(R2Conv(c_in, c_hid, 5, bias=False), InnerBatchNorm(c_hid), ...)}. */
    private static EquivariantSequence documentationModel() {
        return EquivariantSequence.builder(C_IN)
                .add(t -> new R2Conv.Builder(t, C_HID, 5).bias(false).build())
                .add(t -> new InnerBatchNorm.Builder(t).build())
                .add(t -> new ReLU.Builder(t).build())
                .add(t -> new PointwiseMaxPool.Builder(t, 3).stride(2).padding(1).build())
                .add(t -> new R2Conv.Builder(t, C_OUT, 3).bias(false).build())
                .add(t -> new InnerBatchNorm.Builder(t).build())
                .add(t -> new ELU.Builder(t).build())
                .add(t -> new GroupPooling.Builder(t).build())
                .build();
    }

    /** The model with a per-pixel MSE loss, trained for four Adam steps on a fixed random batch. */
    private static MultiLayerNetwork trainedModel() {
        EquivariantSequence model = documentationModel();
        MultiLayerConfiguration conf = model.listBuilder(new NeuralNetConfiguration.Builder().seed(7)
                        .updater(new Adam(0.01)).dataType(DataType.FLOAT))
                .layer(new CnnLossLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY).build())
                .setInputType(model.inputType(31, 31)).build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        INDArray x = TestNetworks.gaussian(DataType.FLOAT, 1, 10, C_IN.size(), 31, 31);
        INDArray y = TestNetworks.gaussian(DataType.FLOAT, 2, 10, 1, 12, 12);
        for (int step = 0; step < 4; step++) {
            net.fit(x, y);
        }
        return net;
    }

    @Test
    void theTypesThreadThroughTheModelAsInE2cnn() {
        EquivariantSequence model = documentationModel();
        assertEquals(FieldType.trivial(S, 1), model.outType(), "GroupPooling of one regular field: one invariant field");
        assertEquals(List.of(C_IN, C_HID, C_HID, C_HID, C_HID, C_OUT, C_OUT, C_OUT),
                model.layers().stream().map(l -> ((TypedLayer) l).getInType()).toList(), "each layer's input type");
    }

    @Test
    void theTrainedModelAndItsExportGiveTheSameOutput() {
        MultiLayerNetwork net = trainedModel();
        MultiLayerNetwork untrained = trainedModelBefore();
        assertNotEquals(untrained.params(), net.params(), "training must change the parameters and running statistics");

        MultiLayerNetwork exported = Export.toStandard(net);
        assertFalse(exported.getLayerWiseConfigurations().toJson().contains("org.e2dl4j"),
                "the exported model must be made of stock DL4J classes only");

        INDArray x = TestNetworks.gaussian(DataType.FLOAT, 3, 10, C_IN.size(), 31, 31);
        INDArray y1 = net.output(x);
        INDArray y2 = exported.output(x);
        assertArrayEquals(new long[] {10, 1, 12, 12}, y1.shape(), "31 -> 27 (conv 5) -> 14 (pool) -> 12 (conv 3)");
        double err = y1.sub(y2).amaxNumber().doubleValue() / y1.amaxNumber().doubleValue();
        assertTrue(err < 1e-5, "exported output should equal the model's (inference mode), relative difference " + err);
    }

    /** e2cnn prints Conv2d(3, 24, 5, bias=False), BatchNorm2d(24), ReLU, MaxPool2d(3, 2, 1), Conv2d(24, 8, 3), .... */
    @Test
    void theExportIsE2cnnsStockSequence() {
        MultiLayerNetwork exported = Export.toStandard(trainedModel());
        MultiLayerConfiguration conf = exported.getLayerWiseConfigurations();
        ConvolutionLayer conv1 = (ConvolutionLayer) layer(conf, 0);
        assertEquals(List.of(3L, 24L, 5, false), List.of(conv1.getNIn(), conv1.getNOut(), conv1.getKernelSize()[0],
                conv1.hasBias()), "Conv2d(3, 24, kernel_size=5, bias=False)");
        assertEquals(24, ((BatchNormalization) layer(conf, 1)).getNOut(), "BatchNorm2d(24)");
        assertTrue(((ActivationLayer) layer(conf, 2)).getActivationFn() instanceof ActivationReLU, "ReLU");
        SubsamplingLayer pool = (SubsamplingLayer) layer(conf, 3);
        assertEquals(List.of(PoolingType.MAX, 3, 2, 1), List.of(pool.getPoolingType(),
                pool.getKernelSize()[0], pool.getStride()[0], pool.getPadding()[0]), "MaxPool2d(3, stride=2, padding=1)");
        ConvolutionLayer conv2 = (ConvolutionLayer) layer(conf, 4);
        assertEquals(List.of(24L, 8L, 3, false), List.of(conv2.getNIn(), conv2.getNOut(), conv2.getKernelSize()[0],
                conv2.hasBias()), "Conv2d(24, 8, kernel_size=3, bias=False)");
        assertEquals(8, ((BatchNormalization) layer(conf, 5)).getNOut(), "BatchNorm2d(8)");
        assertTrue(((ActivationLayer) layer(conf, 6)).getActivationFn() instanceof ActivationELU, "ELU");
    }

    @Test
    void theTrainedModelIsInvariantOnExactElementsOfC8() {
        EquivarianceReport r = EquivarianceCheck.of(trainedModel(), C_IN, FieldType.trivial(S, 1)).inputSize(31, 31)
                .run();
        assertTrue(r.maxExactRelativeError() < 1e-5, "trained documentation model, inference mode:\n" + r);
    }

    private static Layer layer(MultiLayerConfiguration conf, int i) {
        return conf.getConf(i).getLayer();
    }

    /** The same network right after initialisation. */
    private static MultiLayerNetwork trainedModelBefore() {
        EquivariantSequence model = documentationModel();
        MultiLayerNetwork net = new MultiLayerNetwork(model.listBuilder(new NeuralNetConfiguration.Builder().seed(7)
                        .updater(new Adam(0.01)).dataType(DataType.FLOAT))
                .layer(new CnnLossLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY).build())
                .setInputType(model.inputType(31, 31)).build());
        net.init();
        return net;
    }
}
