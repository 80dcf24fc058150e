package org.e2dl4j.nn;

import org.e2dl4j.math.group.GroupElement;
import org.e2dl4j.math.gspace.GSpace;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The action of a group element on NCHW feature maps and NCDHW volumes, with ND4J ops: the grid part moves pixels
 * ({@code x(g^-1 p)}, a gather by the G-space's pixel or voxel permutation, or on the plane e2cnn's order-2 spline
 * resampling ({@link SplineGridAction}) for elements that do not map the grid onto itself), the fiber part
 * multiplies the channels of every pixel by the block-diagonal rho(g). Results are fresh arrays outside any
 * workspace.
 */
final class FieldTransform {

    private FieldTransform() {
    }

    /** {@code y(p) = x(g^-1 p)} for every channel. */
    static INDArray grid(GSpace gspace, INDArray x, GroupElement g) {
        return x.rank() == 5 ? voxels(gspace, x, g) : pixels(gspace, x, g);
    }

    /** The exact voxel permutation of a grid-preserving element on [N, C, D, H, W]. */
    @SuppressWarnings("try")
    private static INDArray voxels(GSpace gspace, INDArray x, GroupElement g) {
        long[] shape = x.shape().clone();
        int[] source = gspace.gridPermutation(g, (int) shape[2], (int) shape[3], (int) shape[4]);
        try (MemoryWorkspace ignored = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
            INDArray flat = x.dup('c').reshape('c', shape[0] * shape[1], (long) source.length);
            return gather(flat, source).reshape('c', shape);
        }
    }

    @SuppressWarnings("try")
    private static INDArray pixels(GSpace gspace, INDArray x, GroupElement g) {
        int n = (int) x.size(0);
        int c = (int) x.size(1);
        int h = (int) x.size(2);
        int w = (int) x.size(3);
        try (MemoryWorkspace ignored = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
            INDArray flat = x.dup('c').reshape('c', (long) n * c, (long) h * w);
            INDArray out;
            if (gspace.preservesGrid(g)) {
                out = gather(flat, gspace.gridPermutation(g, h, w));
            } else {
                out = SplineGridAction.of(gspace, g, h, w).apply(flat);
            }
            return out.reshape('c', n, c, h, w);
        }
    }

    /**
     * Multiplies the channel vector of every pixel by rho(g) (block-diagonal over the fields); for [N, C] fibers
     * without base space, every row.
     */
    @SuppressWarnings("try")
    static INDArray fibers(FieldType type, INDArray x, GroupElement g) {
        if (x.rank() == 2) {
            try (MemoryWorkspace ignored = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
                INDArray rho = Nd4j.createFromArray(type.fiberMatrix(g)).castTo(x.dataType());
                return x.mmul(rho.transpose()).dup('c');
            }
        }
        long[] shape = x.shape().clone();
        long n = shape[0];
        long c = shape[1];
        long points = x.length() / (n * c);
        try (MemoryWorkspace ignored = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
            INDArray rho = Nd4j.createFromArray(type.fiberMatrix(g)).castTo(x.dataType());
            INDArray channelsFirst = x.dup('c').reshape('c', n, c, points).permute(1, 0, 2).dup('c')
                    .reshape('c', c, n * points);
            INDArray moved = rho.mmul(channelsFirst);
            return moved.reshape('c', c, n, points).permute(1, 0, 2).dup('c').reshape('c', shape);
        }
    }

    private static INDArray gather(INDArray flat, int[] source) {
        INDArray out = Nd4j.createUninitialized(flat.dataType(), flat.size(0), flat.size(1));
        INDArray indices = Nd4j.createFromArray(source);
        Nd4j.exec(DynamicCustomOp.builder("gather").addInputs(flat, indices).addOutputs(out)
                .addIntegerArguments(1).build());
        return out;
    }
}
