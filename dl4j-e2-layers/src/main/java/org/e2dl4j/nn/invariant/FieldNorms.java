package org.e2dl4j.nn.invariant;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.DivOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.BooleanIndexing;
import org.nd4j.linalg.indexing.conditions.Conditions;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The Euclidean norm of consecutive groups of channels of an NCHW map, {@code n_j(p) = sqrt(sum over c in group
 * j of x_c(p)^2)}, and its gradient {@code dL/dx_c = dL/dn_j x_c / n_j} (0 where n_j = 0, as PyTorch's
 * {@code norm}). The sum over each group is a 1x1 convolution of the squares with the 0/1 membership matrix
 * [groups, channels] (libnd4j's {@code conv2d}, oneDNN on CPU), so groups of any sizes in any order take one
 * op; the backward pass spreads dL/dn_j / n_j back to the channels with the transposed matrix. Immutable
 * apart from the per-data-type cache of the membership filters.
 */
public final class FieldNorms {

    private final int[] groupSizes;
    private final int inChannels;
    private final Map<DataType, INDArray[]> filters = new ConcurrentHashMap<>();

    /** @param groupSizes the size (at least 1) of each consecutive group of channels */
    public FieldNorms(int[] groupSizes) {
        int c = 0;
        for (int s : groupSizes) {
            if (s < 1) {
                throw new IllegalArgumentException("group sizes must be >= 1, got " + java.util.Arrays.toString(groupSizes));
            }
            c += s;
        }
        this.groupSizes = groupSizes.clone();
        this.inChannels = c;
    }

    /** Number of input channels (the sum of the group sizes). */
    public int inChannels() {
        return inChannels;
    }

    /** Number of groups (output channels). */
    public int groups() {
        return groupSizes.length;
    }

    /** The norms n [N, groups, H, W] of x [N, inChannels, H, W], written into {@code n}. */
    public void forward(INDArray x, INDArray n, LayerWorkspaceMgr ws, ArrayType working) {
        INDArray squares = ws.createUninitialized(working, x.dataType(), x.shape(), 'c');
        Nd4j.exec(new MulOp(x, x, squares));
        conv(squares, filters(x.dataType())[0], n);
        Transforms.sqrt(n, false);
    }

    /** dL/dx into {@code dx} from dL/dn {@code dn}, recomputing the norms of {@code x}. */
    public void backward(INDArray x, INDArray dn, INDArray dx, LayerWorkspaceMgr ws, ArrayType working) {
        INDArray n = ws.createUninitialized(working, x.dataType(), dn.shape(), 'c');
        forward(x, n, ws, working);
        // where n = 0 every x_c of the group is 0: dividing by 1 instead gives the gradient 0 there
        BooleanIndexing.replaceWhere(n, 1.0, Conditions.lessThanOrEqual(0.0));
        Nd4j.exec(new DivOp(dn, n, n));
        INDArray perChannel = ws.createUninitialized(working, x.dataType(), x.shape(), 'c');
        conv(n, filters(x.dataType())[1], perChannel);
        Nd4j.exec(new MulOp(perChannel, x, dx));
    }

    private static void conv(INDArray x, INDArray filter, INDArray out) {
        Nd4j.exec(DynamicCustomOp.builder("conv2d").addInputs(x, filter).addOutputs(out)
                .addIntegerArguments(1, 1, 1, 1, 0, 0, 1, 1, 0, 0, 1).build());
    }

    /** The membership filter [groups, channels, 1, 1] and its transpose [channels, groups, 1, 1] (OIYX). */
    private INDArray[] filters(DataType dataType) {
        return filters.computeIfAbsent(dataType, t -> {
            double[][] m = new double[groupSizes.length][inChannels];
            int c = 0;
            for (int j = 0; j < groupSizes.length; j++) {
                for (int k = 0; k < groupSizes[j]; k++) {
                    m[j][c++] = 1;
                }
            }
            try (MemoryWorkspace ignored = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
                INDArray sum = Nd4j.createFromArray(m).castTo(t);
                return new INDArray[] {sum.reshape(groupSizes.length, inChannels, 1, 1),
                        sum.transpose().dup('c').reshape(inChannels, groupSizes.length, 1, 1)};
            }
        });
    }
}
