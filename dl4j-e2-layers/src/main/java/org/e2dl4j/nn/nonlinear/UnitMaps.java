package org.e2dl4j.nn.nonlinear;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The ND4J side of a {@link UnitLayout}: channel permutations, per-unit sums and per-unit broadcasts on
 * feature maps flattened to [N, C, H*W], as whole-tensor ops (libnd4j {@code gather} along the channel axis,
 * one strided reduction per block). Index arrays are built once, outside workspaces.
 */
final class UnitMaps {

    private final UnitLayout layout;
    private final INDArray order;
    private final INDArray inverseOrder;
    private final INDArray unitOfChannel;
    private final INDArray unitsPerField;

    /**
     * @param layout   the channel layout
     * @param dataType the network's floating point type (for the unit-to-field matrix)
     */
    @SuppressWarnings("try")
    UnitMaps(UnitLayout layout, DataType dataType) {
        this.layout = layout;
        try (MemoryWorkspace ignored = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
            boolean identity = layout.isInputOrder();
            this.order = identity ? null : Nd4j.createFromArray(layout.order());
            this.inverseOrder = identity ? null : Nd4j.createFromArray(layout.inverseOrder());
            this.unitOfChannel = Nd4j.createFromArray(layout.unitOfChannel());
            int[] fieldOfUnit = layout.fieldOfUnit();
            if (fieldOfUnit.length == layout.unitFields()) {
                this.unitsPerField = null;
            } else {
                double[][] m = new double[fieldOfUnit.length][layout.unitFields()];
                for (int u = 0; u < fieldOfUnit.length; u++) {
                    m[u][fieldOfUnit[u]] = 1;
                }
                this.unitsPerField = Nd4j.createFromArray(m).castTo(dataType);
            }
        }
    }

    /** The layout these maps implement. */
    UnitLayout layout() {
        return layout;
    }

    /** {@code out[:, i] = x[:, indices[i]]} along axis 1 (libnd4j gather); returns {@code out}. */
    static INDArray gather(INDArray x, INDArray indices, INDArray out) {
        Nd4j.exec(DynamicCustomOp.builder("gather").addInputs(x, indices).addOutputs(out).addIntegerArguments(1)
                .build());
        return out;
    }

    /** Whether the canonical order differs from the input order (else the permutations are skipped). */
    boolean permutes() {
        return order != null;
    }

    /** x [N, C, HW] in canonical channel order into {@code out} (same shape); only if {@link #permutes()}. */
    INDArray toCanonical(INDArray x, INDArray out) {
        return gather(x, order, out);
    }

    /** The inverse of {@link #toCanonical}; only if {@link #permutes()}. */
    INDArray fromCanonical(INDArray canonical, INDArray out) {
        return gather(canonical, inverseOrder, out);
    }

    /**
     * Per-unit sums: {@code out[n, u, p] = sum of unitPart[n, c, p] over the channels c of unit u}.
     *
     * @param unitPart the unit channels in canonical order [N, unitChannels, HW]
     * @param out      [N, units, HW], overwritten
     */
    void unitSums(INDArray unitPart, INDArray out) {
        long n = unitPart.size(0);
        long hw = unitPart.size(2);
        for (UnitLayout.Block b : layout.blocks()) {
            INDArray channels = unitPart.get(NDArrayIndex.all(),
                    NDArrayIndex.interval(b.channelStart(), b.channelStart() + (long) b.units() * b.unitSize()),
                    NDArrayIndex.all());
            INDArray target = out.get(NDArrayIndex.all(), NDArrayIndex.interval(b.unitStart(), b.unitStart() + b.units()),
                    NDArrayIndex.all());
            channels.reshape('c', n, b.units(), b.unitSize(), hw).sum(target, 2);
        }
    }

    /** Per-unit values broadcast to the unit channels: {@code out[n, c, p] = perUnit[n, unit(c), p]}. */
    INDArray expand(INDArray perUnit, INDArray out) {
        return gather(perUnit, unitOfChannel, out);
    }

    /** A per-unit-field vector [F] as a per-unit vector [U] (each unit takes its field's value). */
    INDArray fieldToUnits(INDArray perField) {
        return unitsPerField == null ? perField : unitsPerField.mmul(perField.reshape(perField.length(), 1))
                .reshape(unitsPerField.rows());
    }

    /** A per-unit vector [U] summed over the units of each unit field, [F]: the transpose of {@link #fieldToUnits}. */
    INDArray unitsToFields(INDArray perUnit) {
        return unitsPerField == null ? perUnit : perUnit.reshape(1, perUnit.length()).mmul(unitsPerField)
                .reshape(unitsPerField.columns());
    }
}
