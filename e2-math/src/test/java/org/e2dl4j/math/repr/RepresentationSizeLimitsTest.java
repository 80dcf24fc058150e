package org.e2dl4j.math.repr;

import static org.e2dl4j.testing.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Collections;

import org.e2dl4j.math.group.Group;
import org.e2dl4j.math.group.Groups;
import org.e2dl4j.math.group.SubgroupId;
import org.e2dl4j.math.gspace.GSpaces;
import org.junit.jupiter.api.Test;

/**
 * Representations and groups too large to hold are refused before they are built, with their sizes: a dense
 * change of basis of n x n doubles is held in full (with its inverse), so n is at most 4096.
 */
class RepresentationSizeLimitsTest {

    @Test
    void theRegularRepresentationOfALargeGroupSaysWhatItWouldNeed() {
        // C100000: 100000 x 100000 doubles = 8 * 10^10 bytes
        assertRejected(() -> GSpaces.rot2dOnR2(100_000).regularRepr(),
                "regular representation of C100000", "100000 x 100000", "10000000000 doubles (80.0 GB)",
                "16777216");
        assertRejected(() -> Representations.regular(Groups.dihedral(2049)),
                "regular representation of D2049", "4098 x 4098");
    }

    @Test
    void quotientsAndInducedRepresentationsAreSizedBeforeTheCosetsAreBuilt() {
        Group c100000 = Groups.cyclic(100_000);
        // |C100000| / |C2| = 50000 channels
        assertRejected(() -> Representations.quotient(c100000, SubgroupId.rotations(2)),
                "quotient[2]", "50000 x 50000");
        Group c2 = c100000.subgroup(SubgroupId.rotations(2)).group();
        assertRejected(() -> Representations.induced(c100000, SubgroupId.rotations(2), Representations.irrep(c2, 1)),
                "induced[2][irrep_1]", "50000 x 50000");
    }

    @Test
    void aDirectSumIsSizedBeforeItsBlocksAreCopied() {
        Group c4 = Groups.cyclic(4);
        // 1100 regular fields of C4: 4400 channels
        assertRejected(() -> Representations.directSum(Collections.nCopies(1100, Representations.regular(c4)), null),
                "direct sum of 1100 representations", "4400 x 4400");
        assertEquals(4096, Representations.directSum(Collections.nCopies(1024, Representations.regular(c4)), "big")
                .size(), "the largest sum still builds");
    }

    @Test
    void groupsTooLargeToListAreRefusedWithTheirOrder() {
        assertRejected(() -> GSpaces.rot2dOnR2(Integer.MAX_VALUE), "C2147483647", "2147483647 elements", "1048576");
        assertRejected(() -> GSpaces.flipRot2dOnR2(1 << 20), "D1048576", "2097152 elements");
        assertRejected(() -> GSpaces.rot2dOnR2(-1, Integer.MAX_VALUE), "SO(2)", "at most 1048576",
                "got 2147483647");
        assertRejected(() -> GSpaces.flipRot2dOnR2(-1, Integer.MAX_VALUE), "O(2)", "at most 1048576");
    }
}
