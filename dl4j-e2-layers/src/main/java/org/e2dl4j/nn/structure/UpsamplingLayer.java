package org.e2dl4j.nn.structure;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.e2dl4j.nn.EquivariantLayer;
import org.e2dl4j.nn.FieldLayer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Implementation of {@link R2Upsampling} and {@link R3Upsampling}: separable interpolation, one matrix product per
 * spatial axis on all channels at once, {@code y = x x_1 A_1 x_2 A_2 ...} (width first); the backward pass applies the
 * transposes. The interpolation matrices are built once per input size and data type, outside workspaces.
 */
final class UpsamplingLayer extends FieldLayer<EquivariantLayer> {

    private static final long serialVersionUID = 1L;

    private final transient SeparableUpsampling upsampling;
    private transient Matrices matrices;

    /** The interpolation matrices A_a [out, in] of one input size and data type, and their transposes. */
    private record Matrices(long[] spatial, DataType dataType, INDArray[] a, INDArray[] aT) {

        boolean fits(INDArray x) {
            return java.util.Arrays.equals(spatial, spatialShape(x)) && dataType == x.dataType();
        }
    }

    public UpsamplingLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
        this.upsampling = (SeparableUpsampling) conf.getLayer();
    }

    @Override
    protected INDArray forward(INDArray input, boolean training, LayerWorkspaceMgr workspaceMgr) {
        Matrices m = matrices(input);
        INDArray y = input;
        for (int a = m.a().length - 1; a >= 0; a--) {
            y = alongAxis(y, 2 + a, m.aT()[a]);
        }
        return workspaceMgr.dup(ArrayType.ACTIVATIONS, y, 'c');
    }

    @Override
    protected INDArray backward(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        Matrices m = matrices(input);
        INDArray g = epsilon;
        for (int a = m.a().length - 1; a >= 0; a--) {
            g = alongAxis(g, 2 + a, m.a()[a]);
        }
        return workspaceMgr.dup(ArrayType.ACTIVATION_GRAD, g, 'c');
    }

    /** x with its axis {@code axis} (of size n) replaced by {@code x . right} (right [n, n']). */
    private static INDArray alongAxis(INDArray x, int axis, INDArray right) {
        int rank = x.rank();
        int[] toLast = new int[rank];
        int[] back = new int[rank];
        for (int i = 0, j = 0; i < rank; i++) {
            if (i != axis) {
                toLast[j++] = i;
            }
        }
        toLast[rank - 1] = axis;
        for (int i = 0; i < rank; i++) {
            back[toLast[i]] = i;
        }
        INDArray moved = axis == rank - 1 ? x : x.permute(toLast);
        long[] shape = moved.shape().clone();
        INDArray rows = moved.dup('c').reshape('c', moved.length() / shape[rank - 1], shape[rank - 1]);
        shape[rank - 1] = right.size(1);
        INDArray out = rows.mmul(right).reshape('c', shape);
        return axis == rank - 1 ? out : out.permute(back);
    }

    private static long[] spatialShape(INDArray x) {
        return java.util.Arrays.copyOfRange(x.shape(), 2, x.rank());
    }

    private Matrices matrices(INDArray x) {
        Matrices m = matrices;
        if (m == null || !m.fits(x)) {
            long[] spatial = spatialShape(x);
            INDArray[] a = new INDArray[spatial.length];
            INDArray[] aT = new INDArray[spatial.length];
            try (MemoryWorkspace ignored = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
                for (int i = 0; i < spatial.length; i++) {
                    int n = (int) spatial[i];
                    a[i] = Nd4j.createFromArray(Interpolation.matrix(n, (int) upsampling.outputSize(i, n),
                            upsampling.nearest(), upsampling.alignCorners())).castTo(x.dataType());
                    aT[i] = a[i].transpose().dup('c');
                }
            }
            m = new Matrices(spatial, x.dataType(), a, aT);
            matrices = m;
        }
        return m;
    }
}
