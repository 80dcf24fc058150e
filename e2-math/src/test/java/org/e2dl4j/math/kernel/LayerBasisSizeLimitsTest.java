package org.e2dl4j.math.kernel;

import static org.e2dl4j.testing.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Collections;
import java.util.List;

import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.math.repr.Representation;
import org.junit.jupiter.api.Test;

/**
 * Layer bases too large to hold are refused before their weights exist, with the counts computed in long: the
 * weights of a layer are (input fields) x (output fields) x (pair basis dimension) per pair.
 */
class LayerBasisSizeLimitsTest {

    private static final GSpace PLANE = GSpaces.trivialOnR2();

    private static List<Representation> scalars(int n) {
        return Collections.nCopies(n, PLANE.trivialRepr());
    }

    @Test
    void aLayerOfMoreThan2To31WeightsReportsItsExactCount() {
        int perPair = LayerBasis.of(PLANE, scalars(1), scalars(1), 3, 1, BasisPolicy.defaults()).dimension();
        assertEquals(6, perPair, "trivial -> trivial of C1 on a 3x3 grid: the centre, frequencies 0..2 on the ring");
        // 20000 x 35800 x 6 = 4,296,000,000 weights: 2^32 + 1,032,704, which an int sum wraps to 1,032,704
        assertRejected(() -> LayerBasis.of(PLANE, scalars(20_000), scalars(35_800), 3, 1, BasisPolicy.defaults()),
                "weights (basis coefficients)", "20000 to 35800 fields", "4296000000 doubles (34.4 GB)",
                "holds 2147483639");
    }

    @Test
    void kernelSizesBeyondTheGridLimitAreRefusedBeforeSampling() {
        assertRejected(() -> LayerBasis.of(PLANE, scalars(1), scalars(1), 2001, 1, BasisPolicy.defaults()),
                "kernel size must be between 1 and 255", "got 2001");
        assertRejected(() -> new SamplingGrid(2001, 1), "between 1 and 255", "got 2001");
        assertRejected(() -> new SamplingGrid(0, 1), "between 1 and 255", "got 0");
    }
}
