package org.e2dl4j.math.gspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;

import org.e2dl4j.math.group.GroupElement;
import org.e2dl4j.math.group.Groups;
import org.e2dl4j.math.group.SubgroupId;
import org.e2dl4j.math.kernel.BasisPolicy;
import org.e2dl4j.math.kernel.LayerBasis;
import org.e2dl4j.testing.Rejections;
import org.junit.jupiter.api.Test;

class NoBaseSpaceTest {

    @Test
    void aPointHasDimensionZeroAndThePlaneTwo() {
        assertEquals(0, GSpaces.noBaseSpace(Groups.cyclic(4)).dimensionality());
        assertEquals(0, GSpaces.noBaseSpace(Groups.o2(3)).dimensionality());
        for (GSpace plane : List.of(GSpaces.rot2dOnR2(4), GSpaces.flipRot2dOnR2(-1), GSpaces.flip2dOnR2(),
                GSpaces.trivialOnR2())) {
            assertEquals(2, plane.dimensionality(), plane.name());
        }
    }

    @Test
    void namedAndEqualByItsGroupOnly() {
        assertEquals("NoBaseSpace(D4)", GSpaces.noBaseSpace(Groups.dihedral(4)).name());
        assertEquals("NoBaseSpace(SO(2))", GSpaces.noBaseSpace(Groups.so2(6)).name());
        assertEquals("NoBaseSpace(O(2), maximumFrequency=3)", GSpaces.noBaseSpace(Groups.o2(3)).name());
        assertEquals(GSpaces.noBaseSpace(Groups.cyclic(8)), GSpaces.noBaseSpace(Groups.cyclic(8)));
        assertEquals(GSpaces.noBaseSpace(Groups.cyclic(8)).hashCode(),
                GSpaces.noBaseSpace(Groups.cyclic(8)).hashCode());
        assertNotEquals(GSpaces.noBaseSpace(Groups.cyclic(8)), GSpaces.noBaseSpace(Groups.cyclic(4)));
        assertNotEquals(GSpaces.noBaseSpace(Groups.cyclic(8)), GSpaces.rot2dOnR2(8));
        assertNotEquals(GSpaces.noBaseSpace(Groups.dihedral(4)), GSpaces.flipRot2dOnR2(4));
    }

    @Test
    void itsFieldsAreThoseOfTheGroup() {
        GSpace point = GSpaces.noBaseSpace(Groups.dihedral(4));
        assertEquals(GSpaces.flipRot2dOnR2(4).irreps(), point.irreps());
        assertEquals(GSpaces.flipRot2dOnR2(4).regularRepr(), point.regularRepr());
        assertEquals(Groups.dihedral(4).testingElements(), point.testingElements());
    }

    @Test
    void pointsAndGridsAreRefused() {
        GSpace point = GSpaces.noBaseSpace(Groups.cyclic(4));
        GroupElement quarter = GroupElement.finite(0, 1, 4);
        Rejections.assertRejected(IllegalStateException.class, () -> point.planeMatrix(quarter),
                "NoBaseSpace(C4) has no base space", "fibers only");
        Rejections.assertRejected(IllegalStateException.class, () -> point.preservesGrid(quarter),
                "NoBaseSpace(C4) has no base space");
        Rejections.assertRejected(IllegalStateException.class, () -> point.gridPermutation(quarter, 3, 3),
                "no base space");
    }

    @Test
    void restrictionKeepsNoBaseSpace() {
        RestrictedGSpace d2 = GSpaces.noBaseSpace(Groups.dihedral(4)).restrict(SubgroupId.dihedral(0, 2));
        assertEquals(GSpaces.noBaseSpace(Groups.dihedral(2)), d2.gspace());
        RestrictedGSpace c4 = GSpaces.noBaseSpace(Groups.so2(6)).restrict(4);
        assertEquals(GSpaces.noBaseSpace(Groups.cyclic(4)), c4.gspace());
        assertEquals(Groups.cyclic(4), c4.restrict(GSpaces.noBaseSpace(Groups.so2(6)).irrep(1)).group());
    }

    @Test
    void convolutionKernelsAreRefused() {
        GSpace point = GSpaces.noBaseSpace(Groups.cyclic(4));
        Rejections.assertRejected(() -> LayerBasis.of(point, List.of(point.regularRepr()), List.of(point.regularRepr()),
                3, 1, BasisPolicy.defaults()), "NoBaseSpace(C4) has no base space", "FiberIntertwinerSampler");
    }
}
