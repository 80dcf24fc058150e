package org.e2dl4j.math.group;

import static org.e2dl4j.testing.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The grids and numpy's random stream: known first draws of numpy's {@code RandomState} (the documented outputs
 * 0.5488135039273248 for seed 0 and 0.3745401188473625 for seed 42), the regular grids' points and order, and the
 * refusals. escnn's grids themselves are compared in {@code FourierTransformReferenceTest}.
 */
class GroupGridTest {

    @Test
    void numpysFirstDrawsAreReproduced() {
        assertEquals(0.5488135039273248, new NumpyRandomState(0).random(), 0.0);
        assertEquals(0.3745401188473625, new NumpyRandomState(42).random(), 0.0);
        NumpyRandomState r = new NumpyRandomState(0);
        r.random();
        assertEquals(0.7151893663724195, r.random(), 0.0, "numpy's second draw of seed 0");
    }

    @Test
    void regularGridsAreEscnnsOrder() {
        assertEquals(List.of(GroupElement.finite(0, 0, 8), GroupElement.finite(0, 2, 8), GroupElement.finite(0, 4, 8),
                GroupElement.finite(0, 6, 8)), GroupGrid.regular(4).elements(Groups.cyclic(8)));
        List<GroupElement> d = GroupGrid.regular(2).elements(Groups.dihedral(4));
        assertEquals(List.of(GroupElement.finite(0, 0, 4), GroupElement.finite(0, 2, 4), GroupElement.finite(1, 0, 4),
                GroupElement.finite(1, 2, 4)), d);
        List<GroupElement> o = GroupGrid.regular(4).elements(Groups.o2(2));
        assertEquals(8, o.size());
        assertEquals(GroupElement.continuous(1, Math.PI / 2), o.get(5));
        assertEquals(GroupGrid.rand(5, 3).elements(Groups.so2(1)), GroupGrid.rand(5, 3).elements(Groups.so2(1)));
    }

    @Test
    void gridsThatDoNotExistAreRefused() {
        assertRejected(() -> GroupGrid.regular(3).elements(Groups.cyclic(8)), "N = 3", "divide", "8 rotations");
        assertRejected(() -> GroupGrid.rand(3, 1).elements(Groups.dihedral(4)), "unseeded", "regular grid");
        assertRejected(() -> GroupGrid.rand(3, -1), "seed", "2^32");
        assertRejected(() -> GroupGrid.Type.fromEscnnName("thomson"), "thomson", "regular, rand");
    }
}
