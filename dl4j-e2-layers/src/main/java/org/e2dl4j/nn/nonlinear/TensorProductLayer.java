package org.e2dl4j.nn.nonlinear;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.e2dl4j.math.kernel.PairBasis;
import org.e2dl4j.math.kernel.SampledBasis;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Implementation of {@link TensorProductModule}. With C fields of size d, the input [N, C d, H, W] is read as the
 * vectors X [C, N H W, d]; per field and pixel {@code T = x (x) x} (a batched outer product, [C, NHW, d^2]) and
 * {@code Y = T M^T} with M [C, o, d^2] the per-field matrices {@code M_c = sum_w W[c, w] B_w}, B the intertwiner
 * basis [dim, o d^2] (one batched matrix product). Backward, with G = dL/dY: {@code dL/dM = G^T T},
 * {@code dL/dW = dL/dM B^T}, and with {@code S = G M} read per pixel as a d x d matrix,
 * {@code dL/dx = (S + S^T) x}. The basis is built once, outside workspaces, in the layer's data type.
 */
final class TensorProductLayer extends BiasedFieldLayer<TensorProductModule> {

    private static final long serialVersionUID = 1L;

    private final int fields;
    private final int inSize;
    private final int outSize;
    private final INDArray basis;

    @SuppressWarnings("try")
    TensorProductLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
        TensorProductModule c = (TensorProductModule) conf.getLayer();
        this.fields = c.getInType().fieldCount();
        this.inSize = c.inRepresentation().size();
        this.outSize = c.outRepresentation().size();
        PairBasis pair = c.layerBasis().pairs().get(0);
        SampledBasis b = pair.basis();
        try (MemoryWorkspace ignored = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
            this.basis = Nd4j.createFromArray(b.data()).castTo(dataType).reshape('c', b.dimension(),
                    (long) b.outSize() * b.inSize());
        }
    }

    @Override
    public boolean hasBias() {
        return false;
    }

    @Override
    protected INDArray forward(INDArray input, boolean training, LayerWorkspaceMgr workspaceMgr) {
        INDArray x = vectors(input, inSize);
        INDArray t = outerProducts(x);
        INDArray y = Nd4j.matmul(t, matrices(training, workspaceMgr), false, true, false);
        INDArray out = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, dataType,
                new long[] {input.size(0), (long) fields * outSize, input.size(2), input.size(3)}, 'c');
        maps(out, outSize).assign(y.reshape('c', fields, input.size(0), input.size(2) * input.size(3), outSize)
                .permute(1, 0, 3, 2));
        return out;
    }

    @Override
    protected INDArray backward(INDArray epsilon, Gradient gradient, LayerWorkspaceMgr workspaceMgr) {
        INDArray x = vectors(input, inSize);
        INDArray g = vectors(epsilon, outSize);
        INDArray m = matrices(true, workspaceMgr);
        INDArray dm = Nd4j.matmul(outerProducts(x), g, true, false, true);
        INDArray view = gradientViews.get(TensorProductParamInitializer.WEIGHT_KEY);
        view.assign(dm.reshape('c', fields, (long) outSize * inSize * inSize).mmul(basis.transpose())
                .reshape(view.shape()));
        gradient.setGradientFor(TensorProductParamInitializer.WEIGHT_KEY, view);
        long pixels = x.size(1);
        INDArray s = Nd4j.matmul(g, m).reshape('c', fields * pixels, inSize, inSize);
        INDArray symmetric = s.add(s.permute(0, 2, 1));
        INDArray dx = Nd4j.matmul(symmetric, x.reshape('c', fields * pixels, inSize, 1));
        INDArray out = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, dataType, input.shape(), 'c');
        maps(out, inSize).assign(dx.reshape('c', fields, input.size(0), input.size(2) * input.size(3), inSize)
                .permute(1, 0, 3, 2));
        return out;
    }

    /** The per-field matrices M [C, o, d^2] of the current weights. */
    private INDArray matrices(boolean training, LayerWorkspaceMgr workspaceMgr) {
        INDArray w = getParamWithNoise(TensorProductParamInitializer.WEIGHT_KEY, training, workspaceMgr);
        return w.reshape('c', fields, basis.size(0)).mmul(basis).reshape('c', fields, outSize, (long) inSize * inSize);
    }

    /** The outer products x (x) x of the vectors X [C, P, d], as [C, P, d^2] (entry i d + j = x_i x_j). */
    private INDArray outerProducts(INDArray x) {
        long rows = x.size(0) * x.size(1);
        INDArray t = Nd4j.matmul(x.reshape('c', rows, inSize, 1), x.reshape('c', rows, 1, inSize));
        return t.reshape('c', x.size(0), x.size(1), (long) inSize * inSize);
    }

    /** A map [N, C size, H, W] as the vectors [C, N H W, size] (a copy). */
    private INDArray vectors(INDArray map, int size) {
        long n = map.size(0);
        long pixels = map.size(2) * map.size(3);
        return maps(map, size).permute(1, 0, 3, 2).dup('c').reshape('c', fields, n * pixels, size);
    }

    /** A c-ordered map [N, C size, H, W] viewed as [N, C, size, H W]. */
    private INDArray maps(INDArray map, int size) {
        return map.reshape('c', map.size(0), fields, size, map.size(2) * map.size(3));
    }
}
