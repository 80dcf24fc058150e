package org.e2dl4j.nn;

import org.e2dl4j.math.group.GroupElement;
import org.e2dl4j.math.gspace.GSpace;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The action of a group element on NCHW feature maps, with ND4J ops: the grid part moves pixels
 * ({@code x(g^-1 p)}, a gather by the G-space's pixel permutation, or e2cnn's order-2 spline resampling
 * ({@link SplineGridAction}) for elements that do not map the grid onto itself), the fiber part multiplies the
 * channels of every pixel by the block-diagonal rho(g). Results are fresh arrays outside any workspace.
 */
final class FieldTransform {

    private FieldTransform() {
    }

    /** {@code y(p) = x(g^-1 p)} for every channel. */
    @SuppressWarnings("try")
    static INDArray grid(GSpace gspace, INDArray x, GroupElement g) {
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
        long n = x.size(0);
        long c = x.size(1);
        long h = x.size(2);
        long w = x.size(3);
        try (MemoryWorkspace ignored = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
            INDArray rho = Nd4j.createFromArray(type.fiberMatrix(g)).castTo(x.dataType());
            INDArray channelsFirst = x.permute(1, 0, 2, 3).dup('c').reshape('c', c, n * h * w);
            INDArray moved = rho.mmul(channelsFirst);
            return moved.reshape('c', c, n, h, w).permute(1, 0, 2, 3).dup('c');
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
