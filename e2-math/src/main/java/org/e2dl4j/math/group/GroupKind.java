package org.e2dl4j.math.group;

/** The families of subgroups of O(2) this library models. */
public enum GroupKind {
    /** C_N: the N rotations by multiples of 2 pi / N. */
    CYCLIC,
    /** D_N: C_N plus N reflections. */
    DIHEDRAL,
    /** SO(2): all rotations. */
    SO2,
    /** O(2): all rotations and reflections. */
    O2
}
