package org.e2dl4j.nn;

import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.reduce.longer.MatchCondition;
import org.nd4j.linalg.api.ops.impl.transforms.bool.MatchConditionTransform;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.BooleanIndexing;
import org.nd4j.linalg.indexing.conditions.Conditions;

/**
 * PyTorch's NaN semantics for the max-based reductions (e2cnn's group pooling, max pooling, norm max pooling,
 * vector-field nonlinearity): the maximum of values one of which is NaN is NaN. libnd4j's max pooling, max
 * reduction and arg max skip NaN instead (max(NaN, NaN, 0.3, 0.7) = 0.7, and -Double.MAX_VALUE for all NaN),
 * so a layer reduces the NaN indicator of its input (1 where NaN, 0 elsewhere, which has no NaN) with the same
 * maximum as its values and {@link #mark}s the outputs whose reduced indicator is positive. All on whole
 * tensors; the extra work is done only for inputs that {@link #containsNaN contain NaN}.
 */
public final class NaNPropagation {

    private NaNPropagation() {
    }

    /** Whether any entry of {@code x} is NaN (one reduction over x). */
    public static boolean containsNaN(INDArray x) {
        return Nd4j.getExecutioner().exec(new MatchCondition(x, Conditions.isNan())).getLong(0) > 0;
    }

    /** 1 where {@code x} is NaN, 0 elsewhere: a working array of x's shape and data type. */
    public static INDArray indicator(INDArray x, LayerWorkspaceMgr ws, ArrayType working) {
        INDArray isNaN = ws.createUninitialized(working, DataType.BOOL, x.shape(), 'c');
        Nd4j.getExecutioner().exec(new MatchConditionTransform(x, isNaN, Conditions.isNan()));
        return ws.createUninitialized(working, x.dataType(), x.shape(), 'c').assign(isNaN);
    }

    /**
     * Sets {@code y} to NaN wherever the reduced indicator {@code reduced} (of y's shape) is positive, leaving
     * the other entries as they are; {@code reduced} is overwritten.
     */
    public static void mark(INDArray y, INDArray reduced) {
        BooleanIndexing.replaceWhere(reduced, Double.NaN, Conditions.greaterThan(0.0));
        y.addi(reduced);
    }
}
