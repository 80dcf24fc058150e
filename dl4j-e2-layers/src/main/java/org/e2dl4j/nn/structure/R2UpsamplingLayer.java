package org.e2dl4j.nn.structure;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.e2dl4j.nn.FieldLayer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Implementation of {@link R2Upsampling}: {@code y = A_h x A_w^T} on all planes at once, as two matrix products
 * (over the width, then over the height); the backward pass applies the transposes, {@code dx = A_h^T dy A_w}.
 * The interpolation matrices are built once per input size and data type, outside workspaces.
 */
final class R2UpsamplingLayer extends FieldLayer<R2Upsampling> {

    private static final long serialVersionUID = 1L;

    private transient Matrices matrices;

    /** The interpolation matrices for one input size and data type. */
    private record Matrices(long height, long width, DataType dataType, INDArray ah, INDArray ahT, INDArray aw,
                            INDArray awT) {

        boolean fits(INDArray x) {
            return height == x.size(2) && width == x.size(3) && dataType == x.dataType();
        }
    }

    public R2UpsamplingLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    @Override
    protected INDArray forward(INDArray input, boolean training, LayerWorkspaceMgr workspaceMgr) {
        Matrices m = matrices(input);
        INDArray out = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, input.dataType(),
                new long[] {input.size(0), input.size(1), m.ah().size(0), m.aw().size(0)}, 'c');
        resample(input, m.ah(), m.awT(), out);
        return out;
    }

    @Override
    protected INDArray backward(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        Matrices m = matrices(input);
        INDArray dx = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, epsilon.dataType(), input.shape(), 'c');
        resample(epsilon, m.ahT(), m.aw(), dx);
        return dx;
    }

    /** {@code out[n, c] = left x[n, c] rightT} for every plane; left [Ho, H], rightT [W, Wo]. */
    private static void resample(INDArray x, INDArray left, INDArray rightT, INDArray out) {
        long planes = x.size(0) * x.size(1);
        long h = x.size(2);
        long ho = left.size(0);
        long wo = rightT.size(1);
        INDArray alongWidth = x.reshape('c', planes * h, x.size(3)).mmul(rightT);
        INDArray heightFirst = alongWidth.reshape('c', planes, h, wo).permute(1, 0, 2).dup('c')
                .reshape('c', h, planes * wo);
        INDArray both = left.mmul(heightFirst).reshape('c', ho, planes, wo).permute(1, 0, 2);
        out.reshape('c', planes, ho, wo).assign(both);
    }

    private Matrices matrices(INDArray x) {
        Matrices m = matrices;
        if (m == null || !m.fits(x)) {
            R2Upsampling c = layerConf();
            int h = (int) x.size(2);
            int w = (int) x.size(3);
            try (MemoryWorkspace ignored = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
                INDArray ah = matrix(h, (int) c.outputHeight(h), c, x.dataType());
                INDArray aw = matrix(w, (int) c.outputWidth(w), c, x.dataType());
                m = new Matrices(h, w, x.dataType(), ah, ah.transpose().dup('c'), aw, aw.transpose().dup('c'));
            }
            matrices = m;
        }
        return m;
    }

    private static INDArray matrix(int in, int out, R2Upsampling c, DataType dataType) {
        return Nd4j.createFromArray(Interpolation.matrix(in, out, c.getMode(), c.isAlignCorners())).castTo(dataType);
    }
}
