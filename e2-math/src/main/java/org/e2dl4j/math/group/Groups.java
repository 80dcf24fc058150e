package org.e2dl4j.math.group;

/** Factories for the groups of this library, named as in e2cnn's / escnn's {@code cyclic_group}, ... */
public final class Groups {

    private Groups() {
    }

    /** C_N. */
    public static CyclicGroup cyclic(int n) {
        return new CyclicGroup(n);
    }

    /** D_N. */
    public static DihedralGroup dihedral(int n) {
        return new DihedralGroup(n);
    }

    /** SO(2) with irreps up to {@code maximumFrequency}. */
    public static SO2Group so2(int maximumFrequency) {
        return new SO2Group(maximumFrequency);
    }

    /** O(2) with irreps up to {@code maximumFrequency}. */
    public static O2Group o2(int maximumFrequency) {
        return new O2Group(maximumFrequency);
    }

    /** SO(3) with irreps up to degree {@code maximumFrequency} (escnn's {@code so3_group}). */
    public static SO3Group so3(int maximumFrequency) {
        return new SO3Group(maximumFrequency);
    }

    /** O(3) with irreps up to degree {@code maximumFrequency} (escnn's {@code o3_group}). */
    public static O3Group o3(int maximumFrequency) {
        return new O3Group(maximumFrequency);
    }

    /** The octahedral group O of 24 rotations (escnn's {@code octa_group}). */
    public static OctahedralGroup octa() {
        return new OctahedralGroup(false);
    }

    /** The full octahedral group O_h of 48 elements (escnn's {@code full_octa_group}). */
    public static OctahedralGroup fullOcta() {
        return new OctahedralGroup(true);
    }

    /** The icosahedral group I of 60 rotations (escnn's {@code ico_group}). */
    public static IcosahedralGroup ico() {
        return new IcosahedralGroup(false);
    }

    /** The full icosahedral group I_h of 120 elements (escnn's {@code full_ico_group}). */
    public static IcosahedralGroup fullIco() {
        return new IcosahedralGroup(true);
    }

    /**
     * escnn's cylinder group C_2 x SO(2) ({@code n = -1}, irreps up to {@code maximumFrequency}) or C_2 x C_N: rotations
     * about the z axis and the inversion ({@code cylinder_group}, {@code cylinder_discrete_group}).
     */
    public static CylinderGroup cylinder(int n, int maximumFrequency) {
        return new CylinderGroup(n == -1 ? so2(maximumFrequency) : cyclic(n));
    }

    /**
     * escnn's full cylinder group C_2 x O(2) ({@code n = -1}, irreps up to {@code maximumFrequency}) or C_2 x D_N, the flip
     * the pi rotation about the x axis ({@code full_cylinder_group}, {@code full_cylinder_discrete_group}).
     */
    public static CylinderGroup fullCylinder(int n, int maximumFrequency) {
        return new CylinderGroup(n == -1 ? o2(maximumFrequency) : dihedral(n));
    }

    /** The trivial group C_1. */
    public static CyclicGroup trivial() {
        return new CyclicGroup(1);
    }
}
