package org.e2dl4j.nn;

import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.DivOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.BooleanIndexing;
import org.nd4j.linalg.indexing.conditions.Conditions;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The Euclidean norm of consecutive groups of channels of an NCHW map, {@code n_j(p) = sqrt(sum over c in group
 * j of x_c(p)^2)}, and its gradient {@code dL/dx_c = dL/dn_j x_c / n_j} (0 where n_j = 0, as PyTorch's
 * {@code norm}): the squares summed per group by a {@link ChannelGroupPool}, whose backward pass spreads
 * dL/dn_j / n_j back over the group's channels. Immutable.
 */
public final class FieldNorms {

    private final ChannelGroupPool sums;

    /** @param groupSizes the size (at least 1) of each consecutive group of channels */
    public FieldNorms(int[] groupSizes) {
        this.sums = new ChannelGroupPool(ChannelGroupPool.Kind.SUM, groupSizes);
    }

    /** Number of input channels (the sum of the group sizes). */
    public int inChannels() {
        return sums.inChannels();
    }

    /** Number of groups (output channels). */
    public int groups() {
        return sums.outChannels();
    }

    /** The norms n [N, groups, H, W] of x [N, inChannels, H, W], written into {@code n}. */
    public void forward(INDArray x, INDArray n, LayerWorkspaceMgr ws, ArrayType working) {
        INDArray squares = ws.createUninitialized(working, x.dataType(), x.shape(), 'c');
        Nd4j.exec(new MulOp(x, x, squares));
        sums.forward(squares, n, ws, working);
        Transforms.sqrt(n, false);
    }

    /** dL/dx into {@code dx} from dL/dn {@code dn}, recomputing the norms of {@code x}. */
    public void backward(INDArray x, INDArray dn, INDArray dx, LayerWorkspaceMgr ws, ArrayType working) {
        INDArray n = ws.createUninitialized(working, x.dataType(), dn.shape(), 'c');
        forward(x, n, ws, working);
        // where n = 0 every x_c of the group is 0: dividing by 1 instead gives the gradient 0 there
        BooleanIndexing.replaceWhere(n, 1.0, Conditions.lessThanOrEqual(0.0));
        Nd4j.exec(new DivOp(dn, n, n));
        sums.backward(x, n, dx, ws, working);
        Nd4j.exec(new MulOp(dx, x, dx));
    }
}
