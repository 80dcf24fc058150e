package org.e2dl4j.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.conv.R3Conv;
import org.junit.jupiter.api.Test;

/** The basis benchmark builds, from an empty cache, the basis a new R3Conv of its field types uses (not timed). */
class BasisBenchmarkTest {

    @Test
    void theBenchmarkedBasisIsR3ConvsBasisFor8CopiesOfIrreps0To2() {
        BasisBenchmark benchmark = new BasisBenchmark();
        int dimension = benchmark.r3ConvBasis();
        FieldType type = new FieldType(GSpaces.rot3dOnR3(), BasisBenchmark.fields(GSpaces.rot3dOnR3()));
        assertEquals(72, type.size());
        assertEquals(new R3Conv.Builder(type, type, BasisBenchmark.KERNEL_SIZE).build().layerBasis().dimension(),
                dimension);
        assertEquals(0, dimension % (BasisBenchmark.COPIES * BasisBenchmark.COPIES),
                "each (irrep, irrep) pair occurs 8 x 8 times with the same basis");
    }
}
