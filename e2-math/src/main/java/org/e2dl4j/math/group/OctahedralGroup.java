package org.e2dl4j.math.group;

import org.hipparchus.geometry.euclidean.threed.Rotation;

/**
 * The octahedral group O of the 24 rotations of the cube (escnn's {@code Octahedral}) and its full version
 * O_h = O x C_2 of the 48 symmetries of the cube ({@code FullOctahedral}). Immutable.
 */
public final class OctahedralGroup extends PolyhedralGroup {

    private static final Rotation[] ROTATIONS = PolyhedralRotations.octahedral();
    private static final int[][] TABLE = multiplicationTable(ROTATIONS);
    private static final int[] INVERSES = inverses(TABLE, IDENTITY_INDEX);

    /** @param full whether to include the inversion (O_h) */
    public OctahedralGroup(boolean full) {
        super(full, ROTATIONS, TABLE, INVERSES);
    }

    @Override
    public String name() {
        return isFull() ? "FullOctahedral" : "Octahedral";
    }

    @Override
    public GroupKind kind() {
        return isFull() ? GroupKind.FULL_OCTAHEDRAL : GroupKind.OCTAHEDRAL;
    }

    /** 3: the largest id of the irreps (irrep_0, irrep_1, irrep_-1, irrep_2, irrep_3). */
    @Override
    public int maximumFrequency() {
        return 3;
    }

    /** escnn's: a rotation by pi / 2 about an axis, one by 2 pi / 3 about a diagonal, one by pi about an edge axis. */
    @Override
    int[] rotationGenerators() {
        return new int[] {17, 11, 22};
    }

    @Override
    SubgroupId.Spatial ownId() {
        return isFull() ? SubgroupId.Spatial.FULL_OCTA : SubgroupId.Spatial.OCTA;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OctahedralGroup && ((OctahedralGroup) o).isFull() == isFull();
    }

    @Override
    public int hashCode() {
        return isFull() ? 48 : 24;
    }
}
