package org.e2dl4j.math.kernel;

/**
 * The identity of a real irreducible representation of a subgroup of O(2), as e2cnn labels it: the rotation
 * {@code frequency} k and, for groups with reflections, the {@code flipFrequency} j (the sign the reflection
 * acts with on a 1-dimensional irrep; 1 for every 2-dimensional irrep of D_N and O(2)).
 *
 * <p>For {@link PlanarSymmetry#FLIP} (the group C_2 acting by a reflection) e2cnn labels the two irreps by their C_2
 * frequency k in {0, 1}; k = 1 is the irrep on which the reflection acts by -1.
 *
 * @param flipFrequency j (0 for C_N, SO(2) and the flip group)
 * @param frequency     k
 */
public record PlanarIrrep(int flipFrequency, int frequency) {

    /** The irrep id {@code {k}} of C_N, SO(2) or the flip group. */
    public static PlanarIrrep rotation(int frequency) {
        return new PlanarIrrep(0, frequency);
    }

    /**
     * The dimension (1 or 2) of this irrep of the given group, after checking that the group has it.
     *
     * @param symmetry       the solution family of the group
     * @param rotationOrder  N for C_N and D_N (ignored for continuous groups)
     * @throws IllegalArgumentException if the group has no irrep with this id
     */
    public int size(PlanarSymmetry symmetry, int rotationOrder) {
        int k = frequency;
        int j = flipFrequency;
        boolean valid;
        int size;
        switch (symmetry) {
            case CYCLIC -> {
                valid = j == 0 && k >= 0 && k <= rotationOrder / 2;
                size = k == 0 || 2 * k == rotationOrder ? 1 : 2;
            }
            case SO2 -> {
                valid = j == 0 && k >= 0;
                size = k == 0 ? 1 : 2;
            }
            case DIHEDRAL -> {
                size = k == 0 || 2 * k == rotationOrder ? 1 : 2;
                valid = k >= 0 && k <= rotationOrder / 2 && (j == 0 || j == 1) && (size == 1 || j == 1);
            }
            case O2 -> {
                size = k == 0 ? 1 : 2;
                valid = k >= 0 && (j == 0 || j == 1) && (size == 1 || j == 1);
            }
            case FLIP -> {
                valid = j == 0 && (k == 0 || k == 1);
                size = 1;
            }
            default -> throw new IllegalStateException("unknown symmetry " + symmetry);
        }
        if (!valid) {
            throw new IllegalArgumentException("no irrep with id " + this + " in the " + symmetry
                    + " group with rotation order " + rotationOrder);
        }
        return size;
    }

    @Override
    public String toString() {
        return "(" + flipFrequency + "," + frequency + ")";
    }
}
