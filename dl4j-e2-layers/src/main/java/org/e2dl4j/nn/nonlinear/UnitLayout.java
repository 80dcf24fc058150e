package org.e2dl4j.nn.nonlinear;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

import org.e2dl4j.nn.FieldType;

/**
 * The channel bookkeeping of the norm and gated nonlinearities, which act on "units": a field of a norm
 * nonlinearity, a sub-field of an induced one, a gated field or gated sub-field. It fixes a canonical
 * channel order, e2cnn's: first the channels of the gate fields in input order, then the unit fields sorted
 * stably by (field size, unit size), so that the units of one (field size, unit size) block are contiguous
 * runs of {@code unitSize} channels. The k-th unit field of this order owns the k-th bias of e2cnn's
 * parameter vector, and in the gated case the k-th unit is multiplied by the k-th gate channel.
 *
 * <p>Immutable; pure index arithmetic (the ND4J side is {@link UnitMaps}).
 */
final class UnitLayout {

    /**
     * A run of unit fields of equal field size and unit size, contiguous in the canonical order.
     *
     * @param channelStart first channel, counted from the first unit channel (after the gates)
     * @param unitStart    index of its first unit
     * @param units        number of units
     * @param unitSize     channels per unit
     */
    record Block(int channelStart, int unitStart, int units, int unitSize) {
    }

    private final int[] order;
    private final int gateChannels;
    private final List<Block> blocks;
    private final int[] unitOfChannel;
    private final int[] fieldOfUnit;
    private final int unitFields;

    private UnitLayout(int[] order, int gateChannels, List<Block> blocks,
                       int[] unitOfChannel, int[] fieldOfUnit, int unitFields) {
        this.order = order;
        this.gateChannels = gateChannels;
        this.blocks = blocks;
        this.unitOfChannel = unitOfChannel;
        this.fieldOfUnit = fieldOfUnit;
        this.unitFields = unitFields;
    }

    /**
     * @param type      the input field type
     * @param unitSizes for each field: the size of its units (a positive divisor of the field size), or 0 for a
     *                  gate field
     * @throws IllegalArgumentException if the sizes do not fit the type
     */
    static UnitLayout of(FieldType type, int[] unitSizes) {
        if (unitSizes.length != type.fieldCount()) {
            throw new IllegalArgumentException("one unit size per field of " + type + " expected, got "
                    + unitSizes.length);
        }
        List<Integer> gates = new ArrayList<>();
        List<Integer> unitFields = new ArrayList<>();
        for (int f = 0; f < unitSizes.length; f++) {
            int size = type.fieldEnd(f) - type.fieldStart(f);
            if (unitSizes[f] == 0) {
                gates.add(f);
            } else if (unitSizes[f] < 0 || size % unitSizes[f] != 0) {
                throw new IllegalArgumentException("unit size " + unitSizes[f] + " does not divide the size " + size
                        + " of field " + f + " of " + type);
            } else {
                unitFields.add(f);
            }
        }
        unitFields.sort(Comparator.<Integer>comparingInt(f -> type.fieldEnd(f) - type.fieldStart(f))
                .thenComparingInt(f -> unitSizes[f]));

        int[] order = new int[type.size()];
        int p = 0;
        for (int g : gates) {
            for (int c = type.fieldStart(g); c < type.fieldEnd(g); c++) {
                order[p++] = c;
            }
        }
        int gateChannels = p;
        List<Block> blocks = new ArrayList<>();
        List<Integer> unitOfChannel = new ArrayList<>();
        List<Integer> fieldOfUnit = new ArrayList<>();
        int units = 0;
        int blockStart = 0;
        int blockUnitStart = 0;
        for (int k = 0; k < unitFields.size(); k++) {
            int f = unitFields.get(k);
            int size = type.fieldEnd(f) - type.fieldStart(f);
            for (int c = type.fieldStart(f); c < type.fieldEnd(f); c++) {
                order[p] = c;
                unitOfChannel.add(units + (c - type.fieldStart(f)) / unitSizes[f]);
                p++;
            }
            for (int u = 0; u < size / unitSizes[f]; u++) {
                fieldOfUnit.add(k);
            }
            units += size / unitSizes[f];
            boolean lastOfBlock = k == unitFields.size() - 1 || sizeOf(type, unitFields.get(k + 1)) != size
                    || unitSizes[unitFields.get(k + 1)] != unitSizes[f];
            if (lastOfBlock) {
                blocks.add(new Block(blockStart, blockUnitStart, units - blockUnitStart, unitSizes[f]));
                blockStart = p - gateChannels;
                blockUnitStart = units;
            }
        }
        return new UnitLayout(order, gateChannels, Collections.unmodifiableList(blocks),
                toArray(unitOfChannel), toArray(fieldOfUnit), unitFields.size());
    }

    private static int sizeOf(FieldType type, int f) {
        return type.fieldEnd(f) - type.fieldStart(f);
    }

    private static int[] toArray(List<Integer> list) {
        return list.stream().mapToInt(Integer::intValue).toArray();
    }

    /** For each canonical channel, the input channel it holds (a fresh copy). */
    int[] order() {
        return order.clone();
    }

    /** Whether the canonical order is the input order. */
    boolean isInputOrder() {
        for (int c = 0; c < order.length; c++) {
            if (order[c] != c) {
                return false;
            }
        }
        return true;
    }

    /** For each input channel, its canonical position: the inverse permutation of {@link #order()}. */
    int[] inverseOrder() {
        int[] inv = new int[order.length];
        for (int c = 0; c < order.length; c++) {
            inv[order[c]] = c;
        }
        return inv;
    }

    /** Number of leading canonical channels that belong to gate fields. */
    int gateChannels() {
        return gateChannels;
    }

    /** Number of channels of the unit fields. */
    int unitChannels() {
        return order.length - gateChannels;
    }

    /** The blocks of equal (field size, unit size), in canonical order. */
    List<Block> blocks() {
        return blocks;
    }

    /** Number of units. */
    int units() {
        return fieldOfUnit.length;
    }

    /** For each unit channel (canonical, counted after the gates), its unit (a fresh copy). */
    int[] unitOfChannel() {
        return unitOfChannel.clone();
    }

    /**
     * For each input channel, the unit it belongs to, or -1 for a gate channel: the per-unit values of the
     * canonical order broadcast back to the input order in one gather.
     */
    int[] unitOfInputChannel() {
        int[] units = new int[order.length];
        for (int p = 0; p < order.length; p++) {
            units[order[p]] = p < gateChannels ? -1 : unitOfChannel[p - gateChannels];
        }
        return units;
    }

    /** For each unit, the index of its field among the unit fields in canonical order (a fresh copy). */
    int[] fieldOfUnit() {
        return fieldOfUnit.clone();
    }

    /** Number of unit fields (fields that are not gates). */
    int unitFields() {
        return unitFields;
    }
}
