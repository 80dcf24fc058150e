package org.e2dl4j.math.gspace;

/**
 * How the fibergroup of a {@link GSpace} acts on its base space: on the plane R^2, or on no base space at all
 * ({@link #NONE}, escnn's {@code no_base_space}: the group acts on the fibers only).
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
    NONE
}
