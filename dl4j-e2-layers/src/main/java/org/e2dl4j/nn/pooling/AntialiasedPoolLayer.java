package org.e2dl4j.nn.pooling;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.e2dl4j.nn.EquivariantLayer;
import org.e2dl4j.nn.FieldLayer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Implementation of {@link org.e2dl4j.nn.pooling.PointwiseMaxPoolAntialiased} (a dense max pooling at stride 1, then the
 * blur) and {@link org.e2dl4j.nn.pooling.PointwiseAvgPoolAntialiased} (the blur alone): the {@link GaussianBlur}
 * subsamples.
 */
final class AntialiasedPoolLayer extends FieldLayer<EquivariantLayer> {

    private static final long serialVersionUID = 1L;

    private final transient WindowPool denseMax;
    private final transient GaussianBlur blur;

    /** @param denseMax the stride-1 max pooling before the blur, or null for none */
    public AntialiasedPoolLayer(NeuralNetConfiguration conf, DataType dataType, WindowPool denseMax, GaussianBlur blur) {
        super(conf, dataType);
        this.denseMax = denseMax;
        this.blur = blur;
    }

    @Override
    protected INDArray forward(INDArray input, boolean training, LayerWorkspaceMgr workspaceMgr) {
        INDArray blurred = denseMax == null ? input : max(input, workspaceMgr, ArrayType.FF_WORKING_MEM);
        INDArray out = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, input.dataType(),
                blurredShape(blurred), 'c');
        blur.forward(blurred, out);
        return out;
    }

    @Override
    protected INDArray backward(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        INDArray dx = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, input.dataType(), input.shape(), 'c');
        if (denseMax == null) {
            blur.backward(input, epsilon, dx, workspaceMgr, ArrayType.BP_WORKING_MEM);
            return dx;
        }
        INDArray m = max(input, workspaceMgr, ArrayType.BP_WORKING_MEM);
        INDArray dm = workspaceMgr.createUninitialized(ArrayType.BP_WORKING_MEM, m.dataType(), m.shape(), 'c');
        blur.backward(m, epsilon, dm, workspaceMgr, ArrayType.BP_WORKING_MEM);
        denseMax.backward(input, dm, dx, workspaceMgr, ArrayType.BP_WORKING_MEM);
        return dx;
    }

    private INDArray max(INDArray x, LayerWorkspaceMgr ws, ArrayType working) {
        INDArray m = ws.createUninitialized(working, x.dataType(), denseMax.outputShape(x.shape()), 'c');
        denseMax.forward(x, m, ws, working);
        return m;
    }

    private long[] blurredShape(INDArray in) {
        long h = blur.outputSize(0, in.size(2));
        long w = blur.outputSize(1, in.size(3));
        if (h < 1 || w < 1) {
            throw new IllegalArgumentException(layerConf().describe() + ": an input of " + input.size(2) + " x "
                    + input.size(3) + " gives an empty output");
        }
        return new long[] {in.size(0), in.size(1), h, w};
    }
}
