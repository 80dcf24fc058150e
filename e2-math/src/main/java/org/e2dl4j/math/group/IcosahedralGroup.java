package org.e2dl4j.math.group;

import org.hipparchus.geometry.euclidean.threed.Rotation;

/**
 * The icosahedral group I of the 60 rotations of the icosahedron (escnn's {@code Icosahedral}) and its full
 * version I_h = I x C_2 of its 120 symmetries ({@code FullIcosahedral}). Immutable.
 */
public final class IcosahedralGroup extends PolyhedralGroup {

    private static final Rotation[] ROTATIONS = PolyhedralRotations.icosahedral();
    private static final int[][] TABLE = multiplicationTable(ROTATIONS);
    private static final int[] INVERSES = inverses(TABLE, IDENTITY_INDEX);

    /** @param full whether to include the inversion (I_h) */
    public IcosahedralGroup(boolean full) {
        super(full, ROTATIONS, TABLE, INVERSES);
    }

    @Override
    public String name() {
        return isFull() ? "FullIcosahedral" : "Icosahedral";
    }

    @Override
    public GroupKind kind() {
        return isFull() ? GroupKind.FULL_ICOSAHEDRAL : GroupKind.ICOSAHEDRAL;
    }

    /** 4: the largest id of the irreps (irrep_0 .. irrep_4). */
    @Override
    public int maximumFrequency() {
        return 4;
    }

    /** escnn's: a rotation by 2 pi / 5 and the pi rotation about the x axis. */
    @Override
    int[] rotationGenerators() {
        return new int[] {21, 0};
    }

    @Override
    SubgroupId.Spatial ownId() {
        return isFull() ? SubgroupId.Spatial.FULL_ICO : SubgroupId.Spatial.ICO;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IcosahedralGroup && ((IcosahedralGroup) o).isFull() == isFull();
    }

    @Override
    public int hashCode() {
        return isFull() ? 120 : 60;
    }
}
