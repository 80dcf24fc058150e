package org.e2dl4j.samples.model;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.BaseLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/** Implementation of {@link PlainConvolution}: conv2d forward, conv2d_bp backward, NCHW data, OIYX weights. */
public class PlainConvolutionLayer extends BaseLayer<PlainConvolution> {

    public PlainConvolutionLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    private int[] args() {
        PlainConvolution c = layerConf();
        int k = c.getKernelSize();
        int p = c.getPadding();
        return new int[] {k, k, 1, 1, p, p, 1, 1, 0, 0, 1};
    }

    private INDArray filter(INDArray flat) {
        PlainConvolution c = layerConf();
        return flat.reshape('c', c.getNOut(), c.getNIn(), c.getKernelSize(), c.getKernelSize());
    }

    @Override
    public Type type() {
        return Type.CONVOLUTIONAL;
    }

    @Override
    public boolean isPretrainLayer() {
        return false;
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        PlainConvolution c = layerConf();
        long h = input.size(2) + 2L * c.getPadding() - c.getKernelSize() + 1;
        long w = input.size(3) + 2L * c.getPadding() - c.getKernelSize() + 1;
        INDArray out = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, dataType,
                new long[] {input.size(0), c.getNOut(), h, w}, 'c');
        Nd4j.exec(DynamicCustomOp.builder("conv2d").addInputs(input, filter(getParam("W")), getParam("b"))
                .addOutputs(out).addIntegerArguments(args()).build());
        return out;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        INDArray gradInput = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, dataType, input.shape(), 'c');
        INDArray gradW = gradientViews.get("W");
        INDArray gradB = gradientViews.get("b");
        Nd4j.exec(DynamicCustomOp.builder("conv2d_bp").addInputs(input, filter(getParam("W")), getParam("b"), epsilon)
                .addOutputs(gradInput, filter(gradW), gradB).addIntegerArguments(args()).build());
        Gradient g = new DefaultGradient();
        g.setGradientFor("W", gradW);
        g.setGradientFor("b", gradB);
        return new Pair<>(g, gradInput);
    }
}
