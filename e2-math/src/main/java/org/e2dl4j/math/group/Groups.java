package org.e2dl4j.math.group;

/** Factories for the groups of this library, named as in e2cnn's {@code cyclic_group}, ... */
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

    /** The trivial group C_1. */
    public static CyclicGroup trivial() {
        return new CyclicGroup(1);
    }
}
