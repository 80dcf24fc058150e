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
import org.nd4j.linalg.api.ops.impl.indexaccum.custom.ArgMax;
import org.nd4j.linalg.api.ops.impl.reduce.same.Max;
import org.nd4j.linalg.api.ops.impl.shape.OneHot;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Channel-wise adaptive pooling to a fixed output size (PyTorch's {@code adaptive_avg_pool2d} /
 * {@code adaptive_max_pool2d}): along an axis of n cells and o outputs, output i pools the cells
 * [floor(i n / o), ceil((i + 1) n / o)). When o divides n the windows are a plain pooling with kernel and
 * stride n / o ({@link WindowPool}); otherwise their sizes vary and the layer works on the map flattened to
 * [N * C, H * W]: the average is one matrix product with the pooling matrix P [o_h o_w, H W]; the maximum
 * gathers each window's cells by their indices (one {@code gather} op; windows padded to a common length by
 * repeating their first cell, which never wins a tie), takes the max over the last axis (NaN where a window holds
 * a NaN, as PyTorch's; see {@link NaNPropagation}), and sends the gradient back through the first maximal cell
 * with the 0/1 selection matrix. Caches the plans per input size and data type.
 */
final class AdaptivePool {

    private final WindowPool.Kind kind;
    private final int[] outputSize;
    private final Map<String, Plan> plans = new ConcurrentHashMap<>();

    /**
     * How inputs of one size are pooled: by a WindowPool, or by a matrix (P or the selection S^T, [H W, M K]);
     * for the maximum also the cell of every window slot ([M K], the column of S^T holding its 1).
     */
    private record Plan(WindowPool uniform, INDArray matrix, int windowLength, INDArray cells) {
    }

    public AdaptivePool(WindowPool.Kind kind, int[] outputSize) {
        this.kind = kind;
        this.outputSize = outputSize.clone();
    }

    /** The start of window i along an axis of n cells with o windows: floor(i n / o). */
    public static int windowStart(int i, int n, int o) {
        return Math.floorDiv(i * n, o);
    }

    /** One past the end of window i: ceil((i + 1) n / o). */
    public static int windowEnd(int i, int n, int o) {
        return -Math.floorDiv(-(i + 1) * n, o);
    }

    /** y [N, C, oH, oW] from x [N, C, H, W]. */
    public void forward(INDArray x, INDArray y, LayerWorkspaceMgr ws, ArrayType working) {
        Plan plan = plan(x);
        if (plan.uniform != null) {
            plan.uniform.forward(x, y, ws, working);
            return;
        }
        INDArray flat = x.reshape('c', x.size(0) * x.size(1), x.size(2) * x.size(3));
        INDArray rows = y.reshape('c', flat.size(0), (long) outputSize[0] * outputSize[1]);
        if (kind == WindowPool.Kind.AVG) {
            Nd4j.gemm(flat, plan.matrix, rows, false, false, 1.0, 0.0);
            return;
        }
        Nd4j.getExecutioner().exec(new Max(gathered(flat, plan, ws, working), rows, 2));
        if (NaNPropagation.containsNaN(x)) {
            INDArray windowsWithNaN = ws.createUninitialized(working, x.dataType(), rows.shape(), 'c');
            INDArray indicator = NaNPropagation.indicator(flat, ws, working);
            Nd4j.getExecutioner().exec(new Max(gathered(indicator, plan, ws, working), windowsWithNaN, 2));
            NaNPropagation.mark(rows, windowsWithNaN);
        }
    }

    /** dL/dx into dx (shape of x) from dL/dy dy. */
    public void backward(INDArray x, INDArray dy, INDArray dx, LayerWorkspaceMgr ws, ArrayType working) {
        Plan plan = plan(x);
        if (plan.uniform != null) {
            plan.uniform.backward(x, dy, dx, ws, working);
            return;
        }
        long rows = x.size(0) * x.size(1);
        INDArray dxFlat = dx.reshape('c', rows, x.size(2) * x.size(3));
        INDArray dyRows = dy.reshape('c', rows, (long) outputSize[0] * outputSize[1]);
        if (kind == WindowPool.Kind.AVG) {
            Nd4j.gemm(dyRows, plan.matrix, dxFlat, false, true, 1.0, 0.0);
            return;
        }
        INDArray g = gathered(x.reshape('c', rows, x.size(2) * x.size(3)), plan, ws, working);
        INDArray first = ws.createUninitialized(working, DataType.LONG, dyRows.shape(), 'c');
        Nd4j.exec(new ArgMax(new INDArray[] {g}, new INDArray[] {first}, false, 2));
        INDArray mask = ws.createUninitialized(working, x.dataType(), g.shape(), 'c');
        Nd4j.exec(new OneHot(first, mask, plan.windowLength));
        Nd4j.getExecutioner().exec(new BroadcastMulOp(mask, dyRows, mask, 0, 1));
        Nd4j.gemm(mask.reshape('c', rows, mask.size(1) * mask.size(2)), plan.matrix, dxFlat, false, true, 1.0, 0.0);
    }

    /** The cells of every window, [N * C, windows, window length]. */
    private INDArray gathered(INDArray flat, Plan plan, LayerWorkspaceMgr ws, ArrayType working) {
        INDArray g = ws.createUninitialized(working, flat.dataType(), new long[] {flat.size(0), plan.cells.length()}, 'c');
        Nd4j.exec(DynamicCustomOp.builder("gather").addInputs(flat, plan.cells).addOutputs(g).addIntegerArguments(1)
                .build());
        return g.reshape('c', flat.size(0), (long) outputSize[0] * outputSize[1], plan.windowLength);
    }

    private Plan plan(INDArray x) {
        int h = (int) x.size(2);
        int w = (int) x.size(3);
        return plans.computeIfAbsent(h + "x" + w + ":" + x.dataType(), k -> buildPlan(h, w, x.dataType()));
    }

    private Plan buildPlan(int h, int w, DataType dataType) {
        int oh = outputSize[0];
        int ow = outputSize[1];
        if (h % oh == 0 && w % ow == 0) {
            int[] k = {h / oh, w / ow};
            return new Plan(new WindowPool(kind, new PoolingGeometry(k, k, new int[] {0, 0}, new int[] {1, 1}, false)),
                    null, 0, null);
        }
        int maxH = 0;
        int maxW = 0;
        for (int i = 0; i < oh; i++) {
            maxH = Math.max(maxH, windowEnd(i, h, oh) - windowStart(i, h, oh));
        }
        for (int j = 0; j < ow; j++) {
            maxW = Math.max(maxW, windowEnd(j, w, ow) - windowStart(j, w, ow));
        }
        int length = kind == WindowPool.Kind.AVG ? 1 : maxH * maxW;
        double[][] m = new double[h * w][oh * ow * length];
        int[] cells = new int[kind == WindowPool.Kind.AVG ? 0 : oh * ow * length];
        for (int i = 0; i < oh; i++) {
            for (int j = 0; j < ow; j++) {
                int r0 = windowStart(i, h, oh);
                int r1 = windowEnd(i, h, oh);
                int q0 = windowStart(j, w, ow);
                int q1 = windowEnd(j, w, ow);
                int window = i * ow + j;
                int slot = 0;
                for (int r = r0; r < r1; r++) {
                    for (int q = q0; q < q1; q++) {
                        if (kind == WindowPool.Kind.AVG) {
                            m[r * w + q][window] = 1.0 / ((r1 - r0) * (q1 - q0));
                        } else {
                            cells[window * length + slot] = r * w + q;
                            m[r * w + q][window * length + slot++] = 1;
                        }
                    }
                }
                while (kind == WindowPool.Kind.MAX && slot < length) {
                    cells[window * length + slot] = r0 * w + q0;
                    m[r0 * w + q0][window * length + slot++] = 1;
                }
            }
        }
        try (MemoryWorkspace ignored = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
            return new Plan(null, Nd4j.createFromArray(m).castTo(dataType), length,
                    kind == WindowPool.Kind.AVG ? null : Nd4j.createFromArray(cells));
        }
    }
}
