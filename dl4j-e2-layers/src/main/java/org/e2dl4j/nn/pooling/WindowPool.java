package org.e2dl4j.nn.pooling;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.e2dl4j.nn.NaNPropagation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastMulOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Channel-wise max or average pooling of NCHW maps (or NCDHW volumes, for a 3-axis window) with PyTorch's semantics
 * (the ones e2cnn's and escnn's pooling modules inherit), run as libnd4j's {@code maxpool2d} / {@code avgpool2d}
 * ({@code maxpool3dnew} / {@code avgpool3dnew}) ops and their backward ops (oneDNN on CPU):
 * max pooling ignores the padding; average pooling divides by the window's cells in the padded input
 * (PyTorch's {@code count_include_pad}). Ceil mode, which libnd4j lacks, is run on the input padded at the
 * bottom and right (and back) by the overhang (with -infinity for max, zeros for average, whose divisor is then
 * corrected for the windows that overhang). The maximum of a window holding a NaN is NaN, as PyTorch's
 * ({@code maxpool2d} skips NaN; see {@link NaNPropagation}); the average propagates NaN by itself. One instance per
 * layer; caches the divisor corrections per input size.
 */
public final class WindowPool {

    /** The pooling function. */
    public enum Kind {
        /** The maximum over the window. */
        MAX("maxpool2d", "maxpool3dnew", Double.NEGATIVE_INFINITY),
        /** The mean over the window's cells in the padded input. */
        AVG("avgpool2d", "avgpool3dnew", 0.0);

        private final String planarOp;
        private final String volumeOp;
        private final double overhangValue;

        Kind(String planarOp, String volumeOp, double overhangValue) {
            this.planarOp = planarOp;
            this.volumeOp = volumeOp;
            this.overhangValue = overhangValue;
        }
    }

    /** libnd4j's avgpool2d divisor code for "the whole kernel, padding included". */
    private static final int DIVIDE_BY_KERNEL = 1;

    private final Kind kind;
    private final PoolingGeometry geometry;
    private final Map<String, INDArray> corrections = new ConcurrentHashMap<>();
    /** libnd4j's op for this kind and number of axes. */
    private final String op;

    public WindowPool(Kind kind, PoolingGeometry geometry) {
        this.kind = kind;
        this.geometry = geometry;
        this.op = geometry.axes() == 3 ? kind.volumeOp : kind.planarOp;
    }

    /**
     * The output shape [N, C, H', W'] for an NCHW input of the given shape ([N, C, D', H', W'] for NCDHW).
     *
     * @throws IllegalArgumentException if the input is smaller than the window
     */
    public long[] outputShape(long[] inputShape) {
        return geometry.outputShape(inputShape);
    }

    /**
     * Pools {@code x} into {@code out} (of {@link #outputShape}).
     *
     * @param working the workspace type of temporaries (FF or BP working memory)
     */
    public void forward(INDArray x, INDArray out, LayerWorkspaceMgr ws, ArrayType working) {
        pool(x, out, ws, working);
        if (kind == Kind.MAX && NaNPropagation.containsNaN(x)) {
            INDArray windowsWithNaN = ws.createUninitialized(working, out.dataType(), out.shape(), 'c');
            pool(NaNPropagation.indicator(x, ws, working), windowsWithNaN, ws, working);
            NaNPropagation.mark(out, windowsWithNaN);
        }
    }

    private void pool(INDArray x, INDArray out, LayerWorkspaceMgr ws, ArrayType working) {
        if (needsDouble(x)) {
            INDArray outD = ws.createUninitialized(working, DataType.DOUBLE, out.shape(), 'c');
            pool(inDouble(x, ws, working), outD, ws, working);
            out.assign(outD);
            return;
        }
        INDArray in = padded(x, ws, working);
        exec(op, out, in);
        INDArray c = correction(x);
        if (c != null) {
            Nd4j.getExecutioner().exec(new BroadcastMulOp(out, c, out, spatialDimensions()));
        }
    }

    /** dL/dx into {@code dx} (shape of {@code x}) from dL/dy {@code dy}. */
    public void backward(INDArray x, INDArray dy, INDArray dx, LayerWorkspaceMgr ws, ArrayType working) {
        if (needsDouble(x)) {
            INDArray dxD = ws.createUninitialized(working, DataType.DOUBLE, dx.shape(), 'c');
            backward(inDouble(x, ws, working), inDouble(dy, ws, working), dxD, ws, working);
            dx.assign(dxD);
            return;
        }
        INDArray in = padded(x, ws, working);
        INDArray c = correction(x);
        INDArray grad = dy;
        if (c != null) {
            grad = ws.createUninitialized(working, dy.dataType(), dy.shape(), 'c');
            Nd4j.getExecutioner().exec(new BroadcastMulOp(dy, c, grad, spatialDimensions()));
        }
        if (in == x) {
            exec(op + "_bp", dx, x, grad);
            return;
        }
        INDArray dIn = ws.createUninitialized(working, x.dataType(), in.shape(), 'c');
        exec(op + "_bp", dIn, in, grad);
        INDArrayIndex[] inside = new INDArrayIndex[x.rank()];
        inside[0] = NDArrayIndex.all();
        inside[1] = NDArrayIndex.all();
        for (int a = 2; a < x.rank(); a++) {
            inside[a] = NDArrayIndex.interval(0, x.size(a));
        }
        dx.assign(dIn.get(inside));
    }

    /** The array dimensions of the window's axes: 2, 3 (NCHW) or 2, 3, 4 (NCDHW). */
    private int[] spatialDimensions() {
        return geometry.axes() == 3 ? new int[] {2, 3, 4} : new int[] {2, 3};
    }

    /**
     * Whether to run in double: libnd4j 1.0.0-M2.1 hands the dilation of float max pooling to oneDNN in a
     * different convention and pools the wrong cells (its generic double path is right).
     */
    private boolean needsDouble(INDArray x) {
        return x.dataType() != DataType.DOUBLE && java.util.Arrays.stream(geometry.dilation()).anyMatch(d -> d > 1);
    }

    private static INDArray inDouble(INDArray a, LayerWorkspaceMgr ws, ArrayType working) {
        return ws.createUninitialized(working, DataType.DOUBLE, a.shape(), 'c').assign(a);
    }

    private void exec(String op, INDArray out, INDArray... inputs) {
        Nd4j.exec(DynamicCustomOp.builder(op).addInputs(inputs).addOutputs(out)
                .addIntegerArguments(geometry.opArguments(DIVIDE_BY_KERNEL)).build());
    }

    /** {@code x} itself, or (ceil mode with overhang) {@code x} padded at the end of each axis by the overhang. */
    private INDArray padded(INDArray x, LayerWorkspaceMgr ws, ArrayType working) {
        long[] shape = x.shape().clone();
        long[][] pads = new long[x.rank()][2];
        boolean any = false;
        for (int a = 0; a < geometry.axes(); a++) {
            pads[2 + a][1] = geometry.overhang(a, x.size(2 + a));
            shape[2 + a] += pads[2 + a][1];
            any |= pads[2 + a][1] > 0;
        }
        if (!any) {
            return x;
        }
        INDArray out = ws.createUninitialized(working, x.dataType(), shape, 'c');
        INDArray paddings = Nd4j.createFromArray(pads);
        Nd4j.exec(DynamicCustomOp.builder("pad").addInputs(x, paddings).addOutputs(out).addIntegerArguments(0)
                .addFloatingPointArguments(kind.overhangValue).build());
        return out;
    }

    /**
     * For average pooling in ceil mode with overhang: the factor [H', W'] ([D', H', W']) turning "sum / kernel
     * volume" into "sum / cells in the padded input" (PyTorch's divisor); null otherwise.
     */
    private INDArray correction(INDArray x) {
        if (kind != Kind.AVG) {
            return null;
        }
        long[] n = java.util.Arrays.copyOfRange(x.shape(), 2, 2 + geometry.axes());
        boolean any = false;
        for (int a = 0; a < n.length; a++) {
            any |= geometry.overhang(a, n[a]) > 0;
        }
        if (!any) {
            return null;
        }
        return corrections.computeIfAbsent(java.util.Arrays.toString(n) + ":" + x.dataType(),
                k -> buildCorrection(n, x.dataType()));
    }

    /** The factor of each output cell: the product over the axes of kernel / cells in the padded input. */
    private INDArray buildCorrection(long[] n, DataType dataType) {
        int[] k = geometry.kernel();
        long[] out = new long[n.length];
        double[][] perAxis = new double[n.length][];
        for (int a = 0; a < n.length; a++) {
            out[a] = geometry.outputSize(a, n[a]);
            perAxis[a] = new double[(int) out[a]];
            for (int o = 0; o < out[a]; o++) {
                perAxis[a][o] = (double) k[a] / geometry.cellsInPaddedInput(a, n[a], o);
            }
        }
        int cells = (int) java.util.Arrays.stream(out).reduce(1, (x, y) -> x * y);
        double[] f = new double[cells];
        for (int i = 0; i < cells; i++) {
            f[i] = 1;
            for (int a = n.length - 1, rest = i; a >= 0; a--) {
                f[i] *= perAxis[a][(int) (rest % out[a])];
                rest /= (int) out[a];
            }
        }
        try (MemoryWorkspace ignored = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
            return Nd4j.createFromArray(f).reshape('c', out).castTo(dataType);
        }
    }
}
