package org.e2dl4j.math;

import static org.e2dl4j.testing.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The size check: exact products, saturation instead of overflow, and messages with the memory needed. */
class SizeLimitsTest {

    @Test
    void productsAreExactAndSaturateInsteadOfOverflowing() {
        assertEquals(4_296_000_000L, SizeLimits.product(40_000, 53_700, 2));
        assertEquals(Long.MAX_VALUE, SizeLimits.product(Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE));
        assertEquals(0, SizeLimits.product(0, Long.MAX_VALUE, 7));
        assertRejected(() -> SizeLimits.product(3, -1), "non-negative", "-1");
    }

    @Test
    void refusalsSayWhatWasAskedForAndWhatItWouldNeed() {
        // 100000 x 100000 doubles = 10^10 x 8 bytes = 80 GB; the limit 2^24 doubles = 134217728 bytes
        assertRejected(() -> SizeLimits.checkDoubles(10_000_000_000L, SizeLimits.DENSE_MATRIX_ENTRIES, "the matrix"),
                "the matrix would hold 10000000000 doubles (80.0 GB)", "holds 16777216 (134.2 MB)");
        assertRejected(() -> SizeLimits.checkCount(2_147_483_647L, SizeLimits.CHANNELS, "channels", "the type"),
                "the type would have 2147483647 channels", "has 16777216");
        assertDoesNotThrow(() -> SizeLimits.checkDoubles(SizeLimits.ARRAY_LENGTH, SizeLimits.ARRAY_LENGTH, "at"));
        assertEquals("8 bytes", SizeLimits.bytes(1));
        assertEquals("8.0 kB", SizeLimits.bytes(1000));
    }
}
