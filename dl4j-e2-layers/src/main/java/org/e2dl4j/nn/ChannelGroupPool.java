package org.e2dl4j.nn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The maximum or the sum over consecutive groups of channels of an NCHW map: {@code y_j(p) = max (or sum) over c
 * in group j of x_c(p)}; the gradient of the maximum goes to the first maximal channel (as PyTorch's {@code max}
 * along a dimension), that of the sum to every channel of the group. The maximum of a group holding a NaN is NaN,
 * as PyTorch's (libnd4j's pooling skips NaN; see {@link NaNPropagation}); the sum propagates NaN by itself.
 *
 * <p>A group of size s over the channels [a, a + s) is a pooling with a kernel and stride of s along one axis of
 * the map viewed as [N, groups, s, H*W], so all groups of one size are reduced by one libnd4j {@code maxpool2d} /
 * {@code avgpool2d} call (times s for the sum) and its backward op, on whole tensors (oneDNN on CPU): a
 * reduction over a strided axis, which ND4J's reductions and pairwise ops on views do many times slower (and a
 * 0/1 1x1 convolution does several times slower). Groups of different sizes are first gathered by size (one
 * {@code gather} op), pooled size by size, and gathered back into order. Immutable.
 */
public final class ChannelGroupPool {

    /** The reduction over each group. */
    public enum Kind {
        /** The maximum of the group's channels. */
        MAX("maxpool2d"),
        /** The sum of the group's channels. */
        SUM("avgpool2d");

        private final String op;

        Kind(String op) {
            this.op = op;
        }
    }

    /** The groups of one size s: channels [inStart, inEnd) and outputs [outStart, outEnd) in size order. */
    private record Block(int size, int inStart, int inEnd, int outStart, int outEnd) {
    }

    private final Kind kind;
    private final int inChannels;
    private final int outChannels;
    private final List<Block> blocks;
    /** For each channel in size order, its input channel; null when the input is in size order already. */
    private final INDArray inOrder;
    /** For each input channel, its position in size order (null with inOrder). */
    private final INDArray inOrderInverse;
    /** For each output (group), its position in size order; null when the groups are in size order already. */
    private final INDArray outOrder;
    /** For each position in size order, its group (null with outOrder). */
    private final INDArray outOrderInverse;

    /**
     * @param kind       the reduction
     * @param groupSizes the size (at least 1) of each consecutive group of channels, in channel order
     */
    public ChannelGroupPool(Kind kind, int[] groupSizes) {
        this.kind = kind;
        Map<Integer, List<Integer>> bySize = new LinkedHashMap<>();
        int[] starts = new int[groupSizes.length];
        int c = 0;
        for (int j = 0; j < groupSizes.length; j++) {
            if (groupSizes[j] < 1) {
                throw new IllegalArgumentException("group " + j + " has size " + groupSizes[j] + "; sizes must be >= 1");
            }
            starts[j] = c;
            c += groupSizes[j];
            bySize.computeIfAbsent(groupSizes[j], s -> new ArrayList<>()).add(j);
        }
        this.inChannels = c;
        this.outChannels = groupSizes.length;
        int[] channelOrder = new int[inChannels];
        int[] groupOrder = new int[outChannels];
        List<Block> bs = new ArrayList<>();
        int in = 0;
        int out = 0;
        for (Map.Entry<Integer, List<Integer>> e : bySize.entrySet()) {
            int s = e.getKey();
            Block b = new Block(s, in, in + s * e.getValue().size(), out, out + e.getValue().size());
            for (int j : e.getValue()) {
                groupOrder[out++] = j;
                for (int k = 0; k < s; k++) {
                    channelOrder[in++] = starts[j] + k;
                }
            }
            bs.add(b);
        }
        this.blocks = List.copyOf(bs);
        this.inOrder = isIdentity(channelOrder) ? null : indices(channelOrder);
        this.inOrderInverse = inOrder == null ? null : indices(inverse(channelOrder));
        int[] outPositions = inverse(groupOrder);
        this.outOrder = isIdentity(outPositions) ? null : indices(outPositions);
        this.outOrderInverse = outOrder == null ? null : indices(groupOrder);
    }

    /** Number of input channels (the sum of the group sizes). */
    public int inChannels() {
        return inChannels;
    }

    /** Number of outputs (groups). */
    public int outChannels() {
        return outChannels;
    }

    /** y [N, groups, H, W] from x [N, inChannels, H, W]. */
    public void forward(INDArray x, INDArray y, LayerWorkspaceMgr ws, ArrayType working) {
        reduce(x, y, ws, working);
        if (kind == Kind.MAX && NaNPropagation.containsNaN(x)) {
            INDArray groupsWithNaN = ws.createUninitialized(working, y.dataType(), y.shape(), 'c');
            reduce(NaNPropagation.indicator(x, ws, working), groupsWithNaN, ws, working);
            NaNPropagation.mark(y, groupsWithNaN);
        }
    }

    private void reduce(INDArray x, INDArray y, LayerWorkspaceMgr ws, ArrayType working) {
        INDArray xs = permuted(x, inOrder, ws, working);
        INDArray ys = outOrder == null ? y : ws.createUninitialized(working, y.dataType(), y.shape(), 'c');
        if (blocks.size() == 1) {
            pool(blocks.get(0).size(), xs, ys);
        } else {
            for (Block b : blocks) {
                INDArray xb = contiguous(channels(xs, b.inStart, b.inEnd), ws, working);
                INDArray yb = ws.createUninitialized(working, y.dataType(),
                        new long[] {x.size(0), b.outEnd - b.outStart, x.size(2), x.size(3)}, 'c');
                pool(b.size, xb, yb);
                channels(ys, b.outStart, b.outEnd).assign(yb);
            }
        }
        if (outOrder != null) {
            gather(ys, outOrder, y);
        }
    }

    /** dL/dx into dx (shape of x) from dL/dy dy [N, groups, H, W]. */
    public void backward(INDArray x, INDArray dy, INDArray dx, LayerWorkspaceMgr ws, ArrayType working) {
        INDArray xs = permuted(x, inOrder, ws, working);
        INDArray dys = permuted(dy, outOrderInverse, ws, working);
        INDArray dxs = inOrder == null ? dx : ws.createUninitialized(working, dx.dataType(), dx.shape(), 'c');
        if (blocks.size() == 1) {
            poolBackward(blocks.get(0).size(), xs, dys, dxs);
        } else {
            for (Block b : blocks) {
                INDArray xb = contiguous(channels(xs, b.inStart, b.inEnd), ws, working);
                INDArray dyb = contiguous(channels(dys, b.outStart, b.outEnd), ws, working);
                INDArray dxb = ws.createUninitialized(working, dx.dataType(), xb.shape(), 'c');
                poolBackward(b.size, xb, dyb, dxb);
                channels(dxs, b.inStart, b.inEnd).assign(dxb);
            }
        }
        if (inOrder != null) {
            gather(dxs, inOrderInverse, dx);
        }
    }

    /** The reduction over groups of s consecutive channels of the contiguous x into the contiguous y. */
    private void pool(int s, INDArray x, INDArray y) {
        if (s == 1) {
            y.assign(x);
            return;
        }
        Nd4j.exec(DynamicCustomOp.builder(kind.op).addInputs(groupView(x, s)).addOutputs(groupView(y, 1))
                .addIntegerArguments(poolArguments(s)).build());
        if (kind == Kind.SUM) {
            y.muli(s);
        }
    }

    private void poolBackward(int s, INDArray x, INDArray dy, INDArray dx) {
        if (s == 1) {
            dx.assign(dy);
            return;
        }
        Nd4j.exec(DynamicCustomOp.builder(kind.op + "_bp").addInputs(groupView(x, s), groupView(dy, 1))
                .addOutputs(groupView(dx, s)).addIntegerArguments(poolArguments(s)).build());
        if (kind == Kind.SUM) {
            dx.muli(s);
        }
    }

    /**
     * [N, C, H, W] as [N, C / s, s, H * W], read by the pooling as NHWC (height C / s, width s, H * W channels): each
     * group of s channels is a row of width s, and the H * W positions, contiguous, are oneDNN's channels (measured
     * faster than the NCHW reading, which oneDNN reorders).
     */
    private static INDArray groupView(INDArray a, int s) {
        return a.reshape('c', a.size(0), a.size(1) / s, s, a.size(2) * a.size(3));
    }

    /** Pooling arguments: kernel and stride (1, s), no padding, NHWC (average: divide by the kernel, s). */
    private static int[] poolArguments(int s) {
        return new int[] {1, s, 1, s, 0, 0, 1, 1, 0, 1, 1};
    }

    private static INDArray channels(INDArray a, int from, int to) {
        return a.get(NDArrayIndex.all(), NDArrayIndex.interval(from, to), NDArrayIndex.all(), NDArrayIndex.all());
    }

    private static INDArray contiguous(INDArray view, LayerWorkspaceMgr ws, ArrayType working) {
        INDArray c = ws.createUninitialized(working, view.dataType(), view.shape(), 'c');
        return c.assign(view);
    }

    /** a itself when order is null, else a's channels in the given order (a working array). */
    private static INDArray permuted(INDArray a, INDArray order, LayerWorkspaceMgr ws, ArrayType working) {
        if (order == null) {
            return a;
        }
        INDArray out = ws.createUninitialized(working, a.dataType(),
                new long[] {a.size(0), order.length(), a.size(2), a.size(3)}, 'c');
        gather(a, order, out);
        return out;
    }

    private static void gather(INDArray a, INDArray order, INDArray out) {
        Nd4j.exec(DynamicCustomOp.builder("gather").addInputs(a, order).addOutputs(out).addIntegerArguments(1)
                .build());
    }

    private static boolean isIdentity(int[] p) {
        for (int i = 0; i < p.length; i++) {
            if (p[i] != i) {
                return false;
            }
        }
        return true;
    }

    private static int[] inverse(int[] p) {
        int[] inv = new int[p.length];
        for (int i = 0; i < p.length; i++) {
            inv[p[i]] = i;
        }
        return inv;
    }

    private static INDArray indices(int[] v) {
        try (MemoryWorkspace ignored = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
            return Nd4j.createFromArray(v);
        }
    }
}
