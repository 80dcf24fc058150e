package org.e2dl4j.nn;

import static org.e2dl4j.testing.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Collections;

import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.junit.jupiter.api.Test;

/** Field types whose channels cannot be held are refused before their lists are copied, with their counts. */
class FieldTypeSizeLimitsTest {

    private static final GSpace C8 = GSpaces.rot2dOnR2(8);

    @Test
    void multiplicitiesWhoseChannelsCannotBeHeldAreRefusedWithTheirCount() {
        assertRejected(() -> FieldType.trivial(GSpaces.rot2dOnR2(4), Integer.MAX_VALUE),
                "2147483647 fields of irrep_0 (1 channel each) on Rot2dOnR2(4)", "2147483647 channels", "16777216");
        // 2^28 regular fields of C8: 2^31 channels, past an int
        assertRejected(() -> FieldType.regular(C8, 1 << 28), "268435456 fields of regular (8 channels each)",
                "2147483648 channels");
    }

    @Test
    void aListOfFieldsIsCountedBeforeItIsCopied() {
        assertRejected(() -> new FieldType(C8, Collections.nCopies(1 << 22, C8.regularRepr())),
                "4194304 fields on Rot2dOnR2(8)", "33554432 channels", "16777216");
        assertEquals(1 << 24, FieldType.regular(C8, 1 << 21).size(), "2^21 regular fields: exactly the limit");
    }
}
