package org.e2dl4j.nn;

import org.e2dl4j.math.group.GroupElement;
import org.e2dl4j.math.gspace.GSpace;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The action of a group element on NCHW feature maps, with ND4J ops: the grid part moves pixels
 * ({@code x(g^-1 p)}, a gather by the G-space's pixel permutation, or bilinear resampling for elements
 * that do not map the grid onto itself), the fiber part multiplies the channels of every pixel by the
 * block-diagonal rho(g). Results are fresh arrays outside any workspace.
 */
final class FieldTransform {

    /** Fractional source coordinates this close to an integer are taken as exact. */
    private static final double SNAP = 1e-9;

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
                out = bilinear(flat, gspace.sourceCoordinates(g, h, w), h, w);
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

    /** Bilinear interpolation at the given (row, column) source points; neighbours off the grid count as 0. */
    static INDArray bilinear(INDArray flat, double[][] source, int h, int w) {
        int pixels = h * w;
        int[][] index = new int[4][pixels];
        double[][] weight = new double[4][pixels];
        for (int p = 0; p < pixels; p++) {
            double r = snap(source[p][0]);
            double c = snap(source[p][1]);
            int r0 = (int) Math.floor(r);
            int c0 = (int) Math.floor(c);
            double fr = r - r0;
            double fc = c - c0;
            double[] wts = {(1 - fr) * (1 - fc), (1 - fr) * fc, fr * (1 - fc), fr * fc};
            int[] rows = {r0, r0, r0 + 1, r0 + 1};
            int[] cols = {c0, c0 + 1, c0, c0 + 1};
            for (int k = 0; k < 4; k++) {
                boolean inside = rows[k] >= 0 && rows[k] < h && cols[k] >= 0 && cols[k] < w;
                index[k][p] = inside ? rows[k] * w + cols[k] : 0;
                weight[k][p] = inside ? wts[k] : 0;
            }
        }
        INDArray out = Nd4j.zeros(flat.dataType(), flat.size(0), pixels);
        for (int k = 0; k < 4; k++) {
            INDArray wk = Nd4j.createFromArray(weight[k]).castTo(flat.dataType());
            out.addi(gather(flat, index[k]).muliRowVector(wk));
        }
        return out;
    }

    private static double snap(double v) {
        double r = Math.rint(v);
        return Math.abs(v - r) < SNAP ? r : v;
    }
}
