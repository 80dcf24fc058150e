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
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Channel-wise max or average pooling of NCHW maps with PyTorch's semantics (the ones e2cnn's pooling modules
 * inherit), run as libnd4j's {@code maxpool2d} / {@code avgpool2d} ops and their backward ops (oneDNN on CPU):
 * max pooling ignores the padding; average pooling divides by the window's cells in the padded input
 * (PyTorch's {@code count_include_pad}). Ceil mode, which libnd4j lacks, is run on the input padded at the
 * bottom and right by the overhang (with -infinity for max, zeros for average, whose divisor is then
 * corrected for the windows that overhang). The maximum of a window holding a NaN is NaN, as PyTorch's
 * ({@code maxpool2d} skips NaN; see {@link NaNPropagation}); the average propagates NaN by itself. One instance per
 * layer; caches the divisor corrections per input size.
 */
public final class WindowPool {

    /** The pooling function. */
    public enum Kind {
        /** The maximum over the window. */
        MAX("maxpool2d", Double.NEGATIVE_INFINITY),
        /** The mean over the window's cells in the padded input. */
        AVG("avgpool2d", 0.0);

        private final String op;
        private final double overhangValue;

        Kind(String op, double overhangValue) {
            this.op = op;
            this.overhangValue = overhangValue;
        }
    }

    /** libnd4j's avgpool2d divisor code for "the whole kernel, padding included". */
    private static final int DIVIDE_BY_KERNEL = 1;

    private final Kind kind;
    private final PoolingGeometry geometry;
    private final Map<String, INDArray> corrections = new ConcurrentHashMap<>();

    public WindowPool(Kind kind, PoolingGeometry geometry) {
        this.kind = kind;
        this.geometry = geometry;
    }

    /**
     * The output shape [N, C, H', W'] for an NCHW input of the given shape.
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
        exec(kind.op, out, in);
        INDArray c = correction(x);
        if (c != null) {
            Nd4j.getExecutioner().exec(new BroadcastMulOp(out, c, out, 2, 3));
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
            Nd4j.getExecutioner().exec(new BroadcastMulOp(dy, c, grad, 2, 3));
        }
        if (in == x) {
            exec(kind.op + "_bp", dx, x, grad);
            return;
        }
        INDArray dIn = ws.createUninitialized(working, x.dataType(), in.shape(), 'c');
        exec(kind.op + "_bp", dIn, in, grad);
        dx.assign(dIn.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(0, x.size(2)),
                NDArrayIndex.interval(0, x.size(3))));
    }

    /**
     * Whether to run in double: libnd4j 1.0.0-M2.1 hands the dilation of float max pooling to oneDNN in a
     * different convention and pools the wrong cells (its generic double path is right).
     */
    private boolean needsDouble(INDArray x) {
        int[] d = geometry.dilation();
        return x.dataType() != DataType.DOUBLE && (d[0] > 1 || d[1] > 1);
    }

    private static INDArray inDouble(INDArray a, LayerWorkspaceMgr ws, ArrayType working) {
        return ws.createUninitialized(working, DataType.DOUBLE, a.shape(), 'c').assign(a);
    }

    private void exec(String op, INDArray out, INDArray... inputs) {
        Nd4j.exec(DynamicCustomOp.builder(op).addInputs(inputs).addOutputs(out)
                .addIntegerArguments(geometry.opArguments(DIVIDE_BY_KERNEL)).build());
    }

    /** {@code x} itself, or (ceil mode with overhang) {@code x} padded at the bottom and right by the overhang. */
    private INDArray padded(INDArray x, LayerWorkspaceMgr ws, ArrayType working) {
        long eh = geometry.overhang(0, x.size(2));
        long ew = geometry.overhang(1, x.size(3));
        if (eh == 0 && ew == 0) {
            return x;
        }
        INDArray out = ws.createUninitialized(working, x.dataType(),
                new long[] {x.size(0), x.size(1), x.size(2) + eh, x.size(3) + ew}, 'c');
        INDArray paddings = Nd4j.createFromArray(new long[][] {{0, 0}, {0, 0}, {0, eh}, {0, ew}});
        Nd4j.exec(DynamicCustomOp.builder("pad").addInputs(x, paddings).addOutputs(out).addIntegerArguments(0)
                .addFloatingPointArguments(kind.overhangValue).build());
        return out;
    }

    /**
     * For average pooling in ceil mode with overhang: the factor [H', W'] turning "sum / kernel area" into
     * "sum / cells in the padded input" (PyTorch's divisor); null otherwise.
     */
    private INDArray correction(INDArray x) {
        if (kind != Kind.AVG) {
            return null;
        }
        long h = x.size(2);
        long w = x.size(3);
        if (geometry.overhang(0, h) == 0 && geometry.overhang(1, w) == 0) {
            return null;
        }
        return corrections.computeIfAbsent(h + "x" + w + ":" + x.dataType(), k -> buildCorrection(h, w, x.dataType()));
    }

    private INDArray buildCorrection(long h, long w, DataType dataType) {
        int oh = (int) geometry.outputSize(0, h);
        int ow = (int) geometry.outputSize(1, w);
        int[] k = geometry.kernel();
        double[][] f = new double[oh][ow];
        for (int i = 0; i < oh; i++) {
            for (int j = 0; j < ow; j++) {
                f[i][j] = (double) k[0] * k[1]
                        / (geometry.cellsInPaddedInput(0, h, i) * geometry.cellsInPaddedInput(1, w, j));
            }
        }
        try (MemoryWorkspace ignored = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
            return Nd4j.createFromArray(f).castTo(dataType);
        }
    }
}
