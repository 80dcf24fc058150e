package org.e2dl4j.math.gspace;

/**
 * How the fibergroup of a {@link GSpace} acts on its base space: on the plane R^2, on the space R^3 (as a subgroup
 * of O(3), escnn's {@code GSpace3D}), or on no base space at all ({@link #NONE}, escnn's {@code no_base_space}: the
 * group acts on the fibers only). One value per factory of {@link GSpaces}.
 */
public enum Action {
    /** C_N or SO(2) rotating the plane. */
    ROTATIONS,
    /** D_N or O(2): rotations and reflections across the G-space's axis. */
    FLIPS_AND_ROTATIONS,
    /** C_2 whose non-trivial element reflects across the G-space's axis. */
    FLIPS,
    /** The trivial group C_1: no symmetry. */
    TRIVIAL,
    /** No base space (a single point): any of the planar groups acting on the fibers only. */
    NONE,
    /** SO(3), the octahedral or the icosahedral group rotating R^3 (escnn's rot3dOnR3, octaOnR3, icoOnR3). */
    ROTATIONS_3D,
    /**
     * O(3), the full octahedral or the full icosahedral group: the rotations of {@link #ROTATIONS_3D} and their
     * products with the inversion -I (escnn's flipRot3dOnR3, fullOctaOnR3, fullIcoOnR3).
     */
    ROTATIONS_AND_INVERSION_3D,
    /** C_N or SO(2) rotating R^3 about the z axis (escnn's rot2dOnR3). */
    ROTATIONS_ABOUT_Z,
    /**
     * D_N or O(2) (C_2 for N = 1): rotations about z, the flips acting as rotations by pi about the axis in the xy
     * plane (escnn's dihedralOnR3): on the xy plane the planar reflection, z -> -z.
     */
    DIHEDRAL_ABOUT_Z,
    /**
     * D_N or O(2): rotations about z, the flips acting as mirrors through planes that contain the z axis (escnn's
     * conicalOnR3).
     */
    CONICAL,
    /** C_2 whose non-trivial element mirrors R^3 through a plane containing the z axis (escnn's mirOnR3). */
    MIRROR,
    /** C_2 whose non-trivial element is the inversion x -> -x of R^3 (escnn's invOnR3). */
    INVERSION,
    /** The trivial group C_1 on R^3 (escnn's trivialOnR3). */
    TRIVIAL_3D;

    /** The dimension of the base space: 0, 2 or 3. */
    int dimensionality() {
        switch (this) {
            case NONE:
                return 0;
            case ROTATIONS:
            case FLIPS_AND_ROTATIONS:
            case FLIPS:
            case TRIVIAL:
                return 2;
            default:
                return 3;
        }
    }
}
