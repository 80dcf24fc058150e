package org.e2dl4j.nn;

import java.util.Arrays;

import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.workspace.ND4JWorkspaceException;

/**
 * What every equivariant layer implementation does with an array before computing on it. Its input must be a
 * non-empty NCHW feature map of the layer's input field type (an NCDHW volume for a type of R^3, [N, C] fibers for a
 * type without base space) (otherwise an {@link IllegalArgumentException}
 * naming the layer and its index, what was expected and the shape that came); it is then cast to the layer's
 * data type, as DL4J's stock layers do ({@code input.castTo(dataType)}), so a FLOAT input into a DOUBLE network
 * (and the reverse) computes in the network's type. The cast copy lives in the {@code INPUT} workspace where one
 * is open (there DL4J keeps a layer's dropped-out input for the backward pass), else in the current workspace; an
 * input of the layer's type is used as it is. The gradient dL/dy coming back is cast the same way.
 */
public final class LayerInput {

    private LayerInput() {
    }

    /**
     * The input {@code x} of the layer configured by {@code conf} (at network index {@code index}), checked and
     * in the layer's {@code dataType}: x itself when it has that type already.
     *
     * @throws IllegalArgumentException if x is not of the field type's rank (4, or 5 for volumes), has the wrong
     *                                  number of channels, an empty batch or an empty map
     */
    public static INDArray prepared(INDArray x, EquivariantLayer conf, int index, DataType dataType,
                                    LayerWorkspaceMgr workspaceMgr) {
        check(x, conf, index);
        if (x.dataType() == dataType) {
            return x;
        }
        if (inputWorkspaceOpen(workspaceMgr)) {
            return workspaceMgr.createUninitialized(ArrayType.INPUT, dataType, x.shape(), 'c').assign(x);
        }
        // inference without an INPUT workspace: in the current one, as DL4J's stock layers cast
        return x.castTo(dataType);
    }

    /** Whether arrays of type INPUT can be created now (scoped out, or configured and open). */
    private static boolean inputWorkspaceOpen(LayerWorkspaceMgr workspaceMgr) {
        try {
            return workspaceMgr.isWorkspaceOpen(ArrayType.INPUT);
        } catch (ND4JWorkspaceException notConfigured) {
            return false;
        }
    }

    /**
     * dL/dy in the layer's data type: {@code epsilon} itself when it has that type already.
     *
     * @throws IllegalStateException naming the layer if there is no dL/dy (a convolution above it was built without
     *                               input gradient, which only layers without parameters may precede)
     */
    public static INDArray gradient(INDArray epsilon, DataType dataType, EquivariantLayer conf, int index) {
        if (epsilon == null) {
            throw new IllegalStateException(conf.describe() + " (layer index " + index + "): no dL/dy came from the"
                    + " layer above, which was built with inputGradient(false); only layers without parameters may"
                    + " come before such a convolution");
        }
        return epsilon.dataType() == dataType ? epsilon : epsilon.castTo(dataType);
    }

    /**
     * Checks that {@code x} is a non-empty NCHW feature map of the input type of {@code conf}.
     *
     * @throws IllegalArgumentException naming the layer, its index, what was expected and x's shape
     */
    public static void check(INDArray x, EquivariantLayer conf, int index) {
        conf.getInType().checkFeatureMap(x, () -> conf.describe() + " (layer index " + index + ")");
        boolean emptyMap = x.rank() == 4 && (x.size(2) == 0 || x.size(3) == 0)
                || x.rank() == 5 && (x.size(2) == 0 || x.size(3) == 0 || x.size(4) == 0);
        if (x.size(0) > 0 && !emptyMap) {
            return;
        }
        String layer = conf.describe() + " (layer index " + index + ")";
        if (x.size(0) == 0) {
            throw new IllegalArgumentException(layer + ": expected a batch of at least one example, got an empty"
                    + " batch (batch size 0) in shape " + Arrays.toString(x.shape()));
        }
        if (x.rank() == 4) {
            throw new IllegalArgumentException(layer + ": expected a feature map of at least 1 x 1 pixels, got "
                    + x.size(2) + " x " + x.size(3) + " in shape " + Arrays.toString(x.shape()));
        }
        throw new IllegalArgumentException(layer + ": expected a volume of at least 1 x 1 x 1 voxels, got "
                + x.size(2) + " x " + x.size(3) + " x " + x.size(4) + " in shape " + Arrays.toString(x.shape()));
    }
}
