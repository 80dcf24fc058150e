package org.e2dl4j.math.gspace;

import static org.e2dl4j.testing.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.e2dl4j.math.group.CylinderGroup;
import org.e2dl4j.math.group.GroupElement;
import org.e2dl4j.math.group.SubgroupId;
import org.junit.jupiter.api.Test;

/**
 * escnn's cylinder G-spaces {@code cylindricalOnR3} and {@code fullCylindricalOnR3}: names, defaults, degenerate
 * arguments, hand-derived matrices, testing elements and restrictions (escnn's numbers are in
 * {@link GSpace3dReferenceTest}).
 */
class CylinderGSpaceTest {

    @Test
    void namesAndDefaultsAreEscnns() {
        assertEquals("CylindricalOnR3(-1)", GSpaces.cylindricalOnR3().name());
        assertEquals("Cylindrical", GSpaces.cylindricalOnR3().fibergroup().name());
        assertEquals(2, GSpaces.cylindricalOnR3().fibergroup().maximumFrequency(), "escnn's default maximum frequency");
        assertEquals("CylindricalOnR3(-1, maximumFrequency=3)", GSpaces.cylindricalOnR3(-1, 3).name());
        assertEquals("CylindricalOnR3(4)", GSpaces.cylindricalOnR3(4).name());
        assertEquals(8, GSpaces.cylindricalOnR3(4).fibergroup().order());
        assertEquals("FullCylindricalOnR3(-1)", GSpaces.fullCylindricalOnR3().name());
        assertEquals("FullCylindrical", GSpaces.fullCylindricalOnR3().fibergroup().name());
        assertEquals("FullCylindricalOnR3(4)", GSpaces.fullCylindricalOnR3(4).name());
        assertEquals("FullCylindricalDiscrete", GSpaces.fullCylindricalOnR3(4).fibergroup().name());
        assertEquals(16, GSpaces.fullCylindricalOnR3(4).fibergroup().order());
        assertEquals("FullCylindricalOnR3(4, axis=0.0)", GSpaces.fullCylindricalOnR3(4, 2, 0.0).name());
        assertEquals(GSpaces.DEFAULT_AXIS, GSpaces.fullCylindricalOnR3(4).axis(), "escnn's default axis pi / 2");
        assertNotEquals(GSpaces.fullCylindricalOnR3(4), GSpaces.fullCylindricalOnR3(4, 2, 0.0));
        assertEquals(3, GSpaces.cylindricalOnR3(4).dimensionality());
    }

    @Test
    void degenerateArgumentsAreEscnnsOrRefused() {
        assertEquals(GSpaces.invOnR3(), GSpaces.cylindricalOnR3(1), "escnn's cylindricalOnR3(1) is the inversion C_2");
        assertRejected(() -> GSpaces.fullCylindricalOnR3(1), "fullCylindricalOnR3", "N = 1", "cylindricalOnR3(2)");
        assertRejected(() -> GSpaces.cylindricalOnR3(0), "cylindricalOnR3", "N = 0");
        assertRejected(() -> GSpaces.fullCylindricalOnR3(-2), "fullCylindricalOnR3", "N = -2");
        assertRejected(() -> GSpaces.fullCylindricalOnR3(4, 2, Double.NaN), "axis", "NaN");
    }

    /** The inversion is -I; the default flip of fullCylindricalOnR3 is the half turn about (1, 1, 0) / sqrt 2. */
    @Test
    void matricesAreTheHandDerivedOnes() {
        CylinderGroup full = (CylinderGroup) GSpaces.fullCylindricalOnR3(4).fibergroup();
        GroupElement flip = full.element(0, GroupElement.finite(1, 0, 4));
        assertMatrix(new double[][] {{0, 1, 0}, {1, 0, 0}, {0, 0, -1}},
                GSpaces.fullCylindricalOnR3(4).baseMatrix(flip));
        // axis 0: the half turn about the x axis, times the inversion the mirror x -> -x
        CylinderGroup atZero = (CylinderGroup) GSpaces.fullCylindricalOnR3(4, 2, 0.0).fibergroup();
        assertMatrix(new double[][] {{-1, 0, 0}, {0, 1, 0}, {0, 0, 1}},
                GSpaces.fullCylindricalOnR3(4, 2, 0.0).baseMatrix(atZero.element(1, GroupElement.finite(1, 0, 4))));
        CylinderGroup cyl = (CylinderGroup) GSpaces.cylindricalOnR3(4).fibergroup();
        assertMatrix(new double[][] {{-1, 0, 0}, {0, -1, 0}, {0, 0, -1}},
                GSpaces.cylindricalOnR3(4).baseMatrix(cyl.element(1, GroupElement.finite(0, 0, 4))));
        // the quarter turn with the inversion: (x, y, z) -> (y, -x, -z)
        assertMatrix(new double[][] {{0, 1, 0}, {-1, 0, 0}, {0, 0, -1}},
                GSpaces.cylindricalOnR3(4).baseMatrix(cyl.element(1, GroupElement.finite(0, 1, 4))));
    }

    @Test
    void testingElementsAreTheGridSymmetriesWithTheirDeterminants() {
        assertEquals(8, GSpaces.cylindricalOnR3(4).testingElements().size());
        assertEquals(8, GSpaces.cylindricalOnR3().testingElements().size(), "quarter turns, with and without -I");
        assertEquals(2, GSpaces.cylindricalOnR3(3).testingElements().size(), "the identity and the inversion");
        assertEquals(16, GSpaces.fullCylindricalOnR3(4).testingElements().size());
        assertEquals(16, GSpaces.fullCylindricalOnR3().testingElements().size());
        assertEquals(16, GSpaces.fullCylindricalOnR3(8, 2, Math.PI).testingElements().size(), "half of D_8 x C_2");
        for (GSpace gs : List.of(GSpaces.cylindricalOnR3(), GSpaces.fullCylindricalOnR3(),
                GSpaces.fullCylindricalOnR3(8, 2, Math.PI))) {
            for (GroupElement g : gs.testingElements()) {
                assertTrue(gs.preservesGrid(g), gs + ": " + g);
                assertEquals(g.flip() == 1 ? -1 : 1, det(gs.baseMatrix(g)), 1e-12, gs + ": det of " + g);
            }
        }
    }

    @Test
    void restrictionsAreTheFactoriesGSpaces() {
        assertEquals(GSpaces.cylindricalOnR3(4), GSpaces.flipRot3dOnR3().restrict(SubgroupId.cylinder(4)).gspace());
        assertEquals(GSpaces.cylindricalOnR3(-1, 3),
                GSpaces.flipRot3dOnR3(3).restrict(SubgroupId.cylinder(-1)).gspace());
        assertEquals(GSpaces.fullCylindricalOnR3(4),
                GSpaces.flipRot3dOnR3().restrict(SubgroupId.fullCylinder(Math.PI / 4, 4)).gspace(),
                "escnn's axis is twice the flip line's angle");
        assertEquals(GSpaces.fullCylindricalOnR3(4, 2, 0.0),
                GSpaces.flipRot3dOnR3().restrict(SubgroupId.fullCylinder(4)).gspace());
        assertEquals(GSpaces.invOnR3(), GSpaces.flipRot3dOnR3().restrict(SubgroupId.cylinder(1)).gspace());
        assertEquals(GSpaces.invOnR3(), GSpaces.cylindricalOnR3(4).restrict(SubgroupId.inversion()).gspace());
        assertEquals(GSpaces.trivialOnR3(),
                GSpaces.fullCylindricalOnR3().restrict(SubgroupId.planarRotations(1)).gspace());
    }

    private static void assertMatrix(double[][] expected, double[][] actual) {
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(expected[i], actual[i], 1e-12, "row " + i);
        }
    }

    private static double det(double[][] m) {
        return m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
    }
}
