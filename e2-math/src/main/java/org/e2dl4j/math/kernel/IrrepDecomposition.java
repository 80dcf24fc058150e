package org.e2dl4j.math.kernel;

import java.util.Arrays;

/**
 * What the kernel solver needs of a representation: its irreps in decomposition order (name, id, size, offset)
 * and the change of basis with {@code rho(g) = Q (direct sum of irreps(g)) Q^-1}. Equal when the irreps and both
 * matrices are equal (the representation's own name does not matter to its kernel basis).
 */
final class IrrepDecomposition {

    private final int size;
    private final String[] irrepNames;
    private final PlanarIrrep[] irreps;
    private final int[] irrepSizes;
    private final int[] irrepStarts;
    private final double[] q;
    private final double[] qInv;
    private final int hash;

    /**
     * @param symmetry      the solution family (fixes the irrep sizes)
     * @param rotationOrder N of C_N / D_N
     * @param irrepNames    names of the irreps, in decomposition order
     * @param irreps        ids of the irreps, same order
     * @param q             the change of basis Q, square
     * @param qInv          Q^-1
     */
    IrrepDecomposition(PlanarSymmetry symmetry, int rotationOrder, String[] irrepNames, PlanarIrrep[] irreps,
                       double[][] q, double[][] qInv) {
        if (irrepNames.length != irreps.length || irreps.length == 0) {
            throw new IllegalArgumentException("one name per irrep expected, got " + irrepNames.length + " names for "
                    + irreps.length + " irreps");
        }
        this.irrepNames = irrepNames.clone();
        this.irreps = irreps.clone();
        this.irrepSizes = new int[irreps.length];
        this.irrepStarts = new int[irreps.length];
        int offset = 0;
        for (int k = 0; k < irreps.length; k++) {
            irrepStarts[k] = offset;
            irrepSizes[k] = irreps[k].size(symmetry, rotationOrder);
            offset += irrepSizes[k];
        }
        this.size = offset;
        this.q = flatten(q, size, "change of basis");
        this.qInv = flatten(qInv, size, "inverse change of basis");
        this.hash = 31 * (31 * Arrays.hashCode(this.irreps) + Arrays.hashCode(this.q)) + Arrays.hashCode(this.irrepNames);
    }

    private static double[] flatten(double[][] m, int size, String what) {
        if (m.length != size) {
            throw new IllegalArgumentException(what + " must be " + size + " x " + size + ", got " + m.length + " rows");
        }
        double[] flat = new double[size * size];
        for (int r = 0; r < size; r++) {
            if (m[r].length != size) {
                throw new IllegalArgumentException(what + " must be " + size + " x " + size + ", row " + r + " has "
                        + m[r].length + " entries");
            }
            System.arraycopy(m[r], 0, flat, r * size, size);
        }
        return flat;
    }

    /** Dimension of the representation. */
    int size() {
        return size;
    }

    int irrepCount() {
        return irreps.length;
    }

    String irrepName(int k) {
        return irrepNames[k];
    }

    PlanarIrrep irrep(int k) {
        return irreps[k];
    }

    int irrepSize(int k) {
        return irrepSizes[k];
    }

    int irrepStart(int k) {
        return irrepStarts[k];
    }

    /** Q[row][col]. */
    double q(int row, int col) {
        return q[row * size + col];
    }

    /** Q^-1[row][col]. */
    double qInv(int row, int col) {
        return qInv[row * size + col];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IrrepDecomposition d && d.hash == hash && Arrays.equals(irreps, d.irreps)
                && Arrays.equals(irrepNames, d.irrepNames) && Arrays.equals(q, d.q) && Arrays.equals(qInv, d.qInv);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return "irreps " + Arrays.toString(irrepNames);
    }
}
