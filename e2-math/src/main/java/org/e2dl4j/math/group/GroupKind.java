package org.e2dl4j.math.group;

/** The families of groups this library models: the subgroups of O(2) and the 3D groups of escnn. */
public enum GroupKind {
    /** C_N: the N rotations by multiples of 2 pi / N. */
    CYCLIC,
    /** D_N: C_N plus N reflections. */
    DIHEDRAL,
    /** SO(2): all rotations. */
    SO2,
    /** O(2): all rotations and reflections. */
    O2,
    /** SO(3): all rotations of R^3. */
    SO3,
    /** O(3) = SO(3) x C_2: all rotations of R^3 with and without the inversion x -> -x. */
    O3,
    /** O: the 24 rotations of the cube (or octahedron). */
    OCTAHEDRAL,
    /** O_h = O x C_2: the 48 symmetries of the cube. */
    FULL_OCTAHEDRAL,
    /** I: the 60 rotations of the icosahedron. */
    ICOSAHEDRAL,
    /** I_h = I x C_2: the 120 symmetries of the icosahedron. */
    FULL_ICOSAHEDRAL,
    /** C_2 x SO(2): rotations about the z axis and the inversion (escnn's {@code Cylindrical}). */
    CYLINDRICAL,
    /** C_2 x C_N (escnn's {@code CylindricalDiscrete}). */
    CYLINDRICAL_DISCRETE,
    /** C_2 x O(2): rotations about z, pi rotations about axes in the xy plane, the inversion ({@code FullCylindrical}). */
    FULL_CYLINDRICAL,
    /** C_2 x D_N (escnn's {@code FullCylindricalDiscrete}). */
    FULL_CYLINDRICAL_DISCRETE
}
