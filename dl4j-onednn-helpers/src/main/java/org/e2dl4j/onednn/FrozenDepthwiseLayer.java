package org.e2dl4j.onednn;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.layers.DepthwiseConvolution2D;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.AbstractLayer;
import org.deeplearning4j.nn.layers.wrapper.BaseWrapperLayer;
import org.deeplearning4j.nn.params.DepthwiseConvolutionParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.util.ConvolutionUtils;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.impl.transforms.custom.Reverse;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The stock {@code DepthwiseConvolution2DLayer} inside a {@code FrozenLayerWithBackprop}, with a backward pass that
 * computes dL/dx alone (the frozen wrapper zeroes the parameters' gradient anyway). For y[o] = sum_a w[a] x[s o + d a -
 * p] along each axis, dL/dx is the stride-1 correlation, dilated by d, of z with the filter reversed, where z holds
 * dL/dy at s o + d (k - 1) - p and zeros elsewhere; when every channel's filter is the same outer product u v^T (a
 * blur), it is two matrix products with the band matrices of u and v instead ({@link SeparableFilter}). The stock layer instead runs the forward convolution again and
 * libnd4j's {@code depthwise_conv2d_bp}, whose filter gradient takes most of the time. Forward passes are the stock
 * layer's.
 */
final class FrozenDepthwiseLayer extends BaseWrapperLayer {

    private static final long serialVersionUID = 1L;

    /** The filter the factors were found for (a copy outside workspaces), and the factors, or null for none. */
    private transient INDArray factoredFilter;
    private transient SeparableFilter factors;

    FrozenDepthwiseLayer(Layer stock) {
        super(stock);
    }

    /** The factors of {@code w} when it is separable ({@link SeparableFilter#of}), found again when w changes. */
    private SeparableFilter factors(INDArray w) {
        if (factoredFilter == null || !factoredFilter.equalShapes(w) || !factoredFilter.equalsWithEps(w, 0.0)) {
            try (MemoryWorkspace ignored = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
                factoredFilter = w.dup('c');
            }
            factors = SeparableFilter.of(w);
        }
        return factors;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        AbstractLayer<?> stock = (AbstractLayer<?>) underlying;
        stock.assertInputSet(true);
        DepthwiseConvolution2D conf = (DepthwiseConvolution2D) stock.conf().getLayer();
        INDArray x = stock.getInput();
        INDArray w = stock.getParam(DepthwiseConvolutionParamInitializer.WEIGHT_KEY);
        int[] k = conf.getKernelSize();
        int[] s = conf.getStride();
        int[] d = conf.getDilation();
        int[] inSize = {(int) x.size(2), (int) x.size(3)};
        int[] pad = conf.getConvolutionMode() == ConvolutionMode.Same
                ? ConvolutionUtils.getSameModeTopLeftPadding(new int[] {(int) epsilon.size(2), (int) epsilon.size(3)},
                        inSize, k, s, d)
                : conf.getPadding();
        INDArray delta = conf.getActivationFn() instanceof ActivationIdentity ? epsilon
                : conf.getActivationFn().backprop(preActivation(conf, x, w,
                        conf.hasBias() ? stock.getParam(DepthwiseConvolutionParamInitializer.BIAS_KEY) : null, pad,
                        epsilon, workspaceMgr), epsilon).getFirst();
        INDArray dx = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, w.dataType(), x.shape(), 'c');
        SeparableFilter factors = factors(w);
        if (factors != null) {
            factors.adjoint(delta, dx, s, pad, d, workspaceMgr);
            return new Pair<>(new DefaultGradient(), dx);
        }
        long[] spreadShape = {x.size(0), x.size(1), inSize[0] + (long) d[0] * (k[0] - 1),
                inSize[1] + (long) d[1] * (k[1] - 1)};
        INDArray spread = workspaceMgr.create(ArrayType.BP_WORKING_MEM, w.dataType(), spreadShape, 'c');
        spread.get(NDArrayIndex.all(), NDArrayIndex.all(), onGrid(d[0] * (k[0] - 1) - pad[0], s[0], delta.size(2)),
                onGrid(d[1] * (k[1] - 1) - pad[1], s[1], delta.size(3))).assign(delta);
        INDArray reversed = workspaceMgr.createUninitialized(ArrayType.BP_WORKING_MEM, w.dataType(), w.shape(), 'c');
        Nd4j.exec(new Reverse(w, reversed, 0, 1));
        Nd4j.exec(DynamicCustomOp.builder("depthwise_conv2d").addInputs(spread, reversed).addOutputs(dx)
                .addIntegerArguments(k[0], k[1], 1, 1, 0, 0, d[0], d[1], 0, 0, 0).build());
        return new Pair<>(new DefaultGradient(), dx);
    }

    /** Whether this layer can stand for the stock layer of {@code conf}: see {@link FrozenDepthwiseLayers}. */
    static boolean supports(DepthwiseConvolution2D conf) {
        int[] k = conf.getKernelSize();
        int[] d = conf.getDilation();
        int[] p = conf.getPadding();
        boolean padded = conf.getConvolutionMode() == ConvolutionMode.Same
                || p[0] <= d[0] * (k[0] - 1) && p[1] <= d[1] * (k[1] - 1);
        return conf.getDepthMultiplier() == 1 && conf.getCnn2dDataFormat() == CNN2DFormat.NCHW
                && conf.getConvolutionMode() != ConvolutionMode.Causal && padded && conf.getIDropout() == null
                && conf.getWeightNoise() == null;
    }

    /** The positions first, first + step, ... of {@code count} values of dL/dy on the spread grid. */
    private static INDArrayIndex onGrid(long first, long step, long count) {
        return NDArrayIndex.interval(first, step, first + step * (count - 1) + 1);
    }

    /** The convolution before the activation, z = w * x + b, as the stock forward pass computes it. */
    private static INDArray preActivation(DepthwiseConvolution2D conf, INDArray x, INDArray w, INDArray b,
            int[] pad, INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        int[] k = conf.getKernelSize();
        int[] s = conf.getStride();
        int[] d = conf.getDilation();
        INDArray z = workspaceMgr.createUninitialized(ArrayType.BP_WORKING_MEM, w.dataType(), epsilon.shape(), 'c');
        DynamicCustomOp.DynamicCustomOpsBuilder op = DynamicCustomOp.builder("depthwise_conv2d").addOutputs(z)
                .addIntegerArguments(k[0], k[1], s[0], s[1], pad[0], pad[1], d[0], d[1],
                        conf.getConvolutionMode() == ConvolutionMode.Same ? 1 : 0, 0, 0);
        op = b == null ? op.addInputs(x, w) : op.addInputs(x, w, b.reshape(b.length()));
        Nd4j.exec(op.build());
        return z;
    }
}
