package org.e2dl4j.nn.conv;

import static org.e2dl4j.testing.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.math.kernel.BasisPolicy;
import org.e2dl4j.math.kernel.LayerBasis;
import org.e2dl4j.nn.FieldType;
import org.junit.jupiter.api.Test;

/**
 * Layers too large to hold are refused when they are configured, with their sizes; large but holdable ones are
 * configured without building a dense bias expansion, and count their parameters in long.
 */
class R2ConvSizeLimitsTest {

    private static final GSpace PLANE = GSpaces.trivialOnR2();
    private static final GSpace C8 = GSpaces.rot2dOnR2(8);

    @Test
    void aLayerOf4296000000WeightsIsRefusedWithItsFilterSize() {
        // 20000 -> 35800 scalar fields at k = 3: 6 weights per pair, 4,296,000,000 weights (an int count wraps to
        // 1,032,704) and a dense filter of 35800 x 20000 x 9 = 6,444,000,000 doubles
        R2Conv.Builder b = new R2Conv.Builder(FieldType.trivial(PLANE, 20_000), FieldType.trivial(PLANE, 35_800), 3)
                .name("wide");
        assertRejected(b::build, "R2Conv layer 'wide'", "35800 output x 20000 input channels x 3 x 3",
                "6444000000 doubles (51.6 GB)", "holds 2147483639");
    }

    @Test
    void kernelSize2001IsRefusedWithTheLimit() {
        assertRejected(() -> new R2Conv.Builder(FieldType.trivial(C8, 1), FieldType.regular(C8, 1), 2001).name("huge")
                .build(), "R2Conv layer 'huge'", "kernel size must be between 1 and 255", "got 2001");
    }

    @Test
    void aMillionOutputFieldsConfigureWithoutADenseBiasExpansion() {
        // trivial(3) -> regular(C8) x 10^6 at k = 1: the dense expansion would be 8e6 x 1e6 doubles
        FieldType out = FieldType.regular(C8, 1_000_000);
        R2Conv conv = new R2Conv.Builder(FieldType.trivial(C8, 3), out, 1).build();
        int perPair = LayerBasis.of(C8, FieldType.trivial(C8, 1).representations(),
                FieldType.regular(C8, 1).representations(), 1, 1, BasisPolicy.defaults()).dimension();
        assertEquals(3L * 1_000_000 * perPair + 1_000_000, conv.initializer().numParams(conv),
                "3 x 10^6 pairs of " + perPair + " weights, one bias per regular field");
        assertEquals(1, conv.layerBasis().biasBlocks().size(), "one bias block for all regular fields");
        R2Conv noBias = new R2Conv.Builder(FieldType.trivial(C8, 3), out, 1).bias(false).build();
        assertEquals(3L * 1_000_000 * perPair, noBias.initializer().numParams(noBias));
    }
}
