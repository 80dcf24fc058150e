package org.e2dl4j.math.gspace;

import static org.e2dl4j.testing.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.e2dl4j.math.group.SubgroupId;
import org.junit.jupiter.api.Test;

/** Unequal G-spaces print differently, and a G-space with a NaN or infinite parameter is never built. */
class GSpaceIdentityTest {

    @Test
    void gspacesThatDifferOnlyInTheReflectionAxisPrintDifferently() {
        GSpace vertical = GSpaces.flipRot2dOnR2(4);
        GSpace horizontal = GSpaces.flipRot2dOnR2(4, GSpaces.DEFAULT_MAXIMUM_FREQUENCY, 0);
        assertNotEquals(vertical, horizontal);
        assertEquals("FlipRot2dOnR2(4)", vertical.name(), "the default axis pi/2 is not printed");
        assertEquals("FlipRot2dOnR2(4, axis=0.0)", horizontal.name());
        assertEquals(horizontal.name(), horizontal.toString());
        assertEquals("Flip2dOnR2(axis=0.7853981633974483)", GSpaces.flip2dOnR2(Math.PI / 4).name());
        assertEquals("Flip2dOnR2", GSpaces.flip2dOnR2(Math.PI / 2).name());
        assertEquals("FlipRot2dOnR2(-1, maximumFrequency=3, axis=1.0)", GSpaces.flipRot2dOnR2(-1, 3, 1.0).name());
        assertNotEquals(GSpaces.rot2dOnR2(-1, 3).name(), GSpaces.rot2dOnR2(-1).name(),
                "SO(2) G-spaces of different maximum frequency differ, and print so");
    }

    @Test
    void aRestrictionToRotationsForgetsTheAxisAndEqualsTheFactoryGSpace() {
        // D4 with its reflection across the x axis, restricted to C4: the axis no longer acts
        GSpace d4 = GSpaces.flipRot2dOnR2(4, GSpaces.DEFAULT_MAXIMUM_FREQUENCY, 0);
        GSpace c4 = d4.restrict(SubgroupId.dihedral(null, 4)).gspace();
        assertEquals(GSpaces.rot2dOnR2(4), c4);
        assertEquals("Rot2dOnR2(4)", c4.name());
        // D4 restricted to the flips r^1 f: the reflection axis turns by pi / 4, and the name says so
        GSpace flips = GSpaces.flipRot2dOnR2(4).restrict(SubgroupId.dihedral(1, 1)).gspace();
        assertEquals("Flip2dOnR2(axis=" + (Math.PI / 2 + Math.PI / 4) + ")", flips.name());
    }

    @Test
    void aNanOrInfiniteReflectionAxisIsRefused() {
        assertRejected(() -> GSpaces.flipRot2dOnR2(4, 6, Double.NaN), "reflection axis", "FlipRot2dOnR2(4)",
                "finite", "got NaN");
        assertRejected(() -> GSpaces.flipRot2dOnR2(-1, 6, Double.POSITIVE_INFINITY), "FlipRot2dOnR2(-1)",
                "got Infinity");
        assertRejected(() -> GSpaces.flip2dOnR2(Double.NEGATIVE_INFINITY), "Flip2dOnR2", "got -Infinity");
    }

    @Test
    void aNanSubgroupAngleIsRefused() {
        assertRejected(() -> SubgroupId.orthogonal(Double.NaN, 2), "(theta, 2)", "finite", "got NaN");
        assertRejected(() -> SubgroupId.orthogonal(Double.POSITIVE_INFINITY, 1), "got Infinity");
    }
}
