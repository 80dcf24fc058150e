package org.e2dl4j.nn;

import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;

/**
 * A volumetric feature map seen by a layer that computes point by point: NCDHW [N, C, D, H, W] as the planar map
 * [N, C, D*H, W] (the same c-ordered data), and back. A layer whose output at a voxel depends only on the input at
 * that voxel and on statistics over the batch and all points (nonlinearities, batch norms, dropout, group pooling,
 * restriction) computes on the folded map exactly what it computes on the volume, so its planar implementation
 * serves both.
 */
public final class DepthFolding {

    private DepthFolding() {
    }

    /** {@code x} itself for a rank-4 map; for a rank-5 volume, [N, C, D*H, W] (a view when x is c-ordered). */
    public static INDArray fold(INDArray x) {
        if (x.rank() != 5) {
            return x;
        }
        return x.reshape('c', x.size(0), x.size(1), x.size(2) * x.size(3), x.size(4));
    }

    /**
     * The folded map {@code y} [N, C', D*H, W] as the volume [N, C', D, H, W] of {@code volume}'s depth and height,
     * in the workspace of {@code type} ({@code y} itself when {@code volume} is not a volume).
     */
    public static INDArray unfold(INDArray y, INDArray volume, LayerWorkspaceMgr workspaceMgr, ArrayType type) {
        if (volume.rank() != 5) {
            return y;
        }
        INDArray c = Shape.hasDefaultStridesForShape(y) ? y : workspaceMgr.dup(type, y, 'c');
        return c.reshape('c', c.size(0), c.size(1), volume.size(2), volume.size(3), volume.size(4));
    }
}
