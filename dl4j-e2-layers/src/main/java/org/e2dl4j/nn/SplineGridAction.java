package org.e2dl4j.nn;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.e2dl4j.math.group.GroupElement;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.SplineResampling;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The ND4J form of a {@link SplineResampling}, e2cnn's order-2 spline action {@code y(p) = x(g^-1 p)} of an
 * element that does not preserve the grid: the prefilter {@code c = P_H x P_W^T} as two matrix products over all
 * planes at once, then one gather of the 9 taps per pixel, weighted and summed. Built once per (G-space, element,
 * H, W) and kept in a small cache (the last {@value #CACHE_SIZE}); its arrays live outside any workspace and are
 * never written to.
 */
final class SplineGridAction {

    private static final int CACHE_SIZE = 64;

    private static final Map<Key, SplineGridAction> CACHE = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Key, SplineGridAction> eldest) {
                    return size() > CACHE_SIZE;
                }
            });

    private record Key(GSpace gspace, GroupElement element, int height, int width) {
    }

    private final int height;
    private final int width;
    private final INDArray rowPrefilterT;
    private final INDArray columnPrefilterT;
    private final INDArray taps;
    private final INDArray weights;

    @SuppressWarnings("try")
    private SplineGridAction(SplineResampling s) {
        this.height = s.height();
        this.width = s.width();
        try (MemoryWorkspace ignored = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
            this.rowPrefilterT = Nd4j.createFromArray(s.rowPrefilter()).transpose().dup('c');
            this.columnPrefilterT = Nd4j.createFromArray(s.columnPrefilter()).transpose().dup('c');
            this.taps = Nd4j.createFromArray(s.taps());
            this.weights = Nd4j.createFromArray(s.weights());
        }
    }

    /** The cached action of g on H x W grids of the G-space. */
    static SplineGridAction of(GSpace gspace, GroupElement g, int height, int width) {
        return CACHE.computeIfAbsent(new Key(gspace, g, height, width),
                k -> new SplineGridAction(SplineResampling.of(gspace, g, height, width)));
    }

    /**
     * Resamples every row of {@code flat} [M, H * W] (one row-major plane per row), in its data type; a fresh
     * array [M, H * W].
     */
    INDArray apply(INDArray flat) {
        DataType type = flat.dataType();
        long m = flat.size(0);
        INDArray alongRows = flat.reshape('c', m * height, width).mmul(columnPrefilterT.castTo(type));
        INDArray alongColumns = alongRows.reshape('c', m, height, width).permute(0, 2, 1).dup('c')
                .reshape('c', m * width, height).mmul(rowPrefilterT.castTo(type));
        INDArray coefficients = alongColumns.reshape('c', m, width, height).permute(0, 2, 1).dup('c')
                .reshape('c', m, (long) height * width);
        INDArray gathered = Nd4j.createUninitialized(type, m, taps.length());
        Nd4j.exec(DynamicCustomOp.builder("gather").addInputs(coefficients, taps).addOutputs(gathered)
                .addIntegerArguments(1).build());
        gathered.muliRowVector(weights.castTo(type));
        return gathered.reshape('c', m, (long) height * width, SplineResampling.TAPS).sum(2);
    }
}
