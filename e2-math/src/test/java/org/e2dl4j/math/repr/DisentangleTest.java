package org.e2dl4j.math.repr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;

import org.e2dl4j.math.Mat;
import org.e2dl4j.math.group.Group;
import org.e2dl4j.math.group.GroupElement;
import org.e2dl4j.math.group.Groups;
import org.e2dl4j.math.group.SubgroupId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DisentangleTest {

    private static final double EXACT = 1e-12;

    /**
     * A direct sum whose axes were interleaved by a permutation is split back into its summands: axes are
     * linked only through non-zero entries of the change of basis, and the summands share none.
     */
    @Test
    void interleavedDirectSumSplitsBackIntoItsSummands() {
        Group d4 = Groups.dihedral(4);
        List<Representation> summands = List.of(Representations.irrep(d4, 1, 1), Representations.trivial(d4),
                Representations.quotient(d4, SubgroupId.dihedral(0, 1)));
        Representation sum = Representations.directSum(summands, "sum");
        // new axis i takes old axis order[i]; relative order inside each summand is kept
        int[] order = {2, 3, 0, 4, 5, 1, 6};
        double[][] perm = new double[7][7];
        for (int i = 0; i < 7; i++) {
            perm[i][order[i]] = 1;
        }
        Representation mixed = Representations.changeBasis(sum, perm, "mixed", EnumSet.of(Nonlinearity.NORM));
        Disentanglement d = Representations.disentangle(mixed);
        assertEquals(3, d.parts().size(), "D4|mixed: parts");
        for (int i = 0; i < 3; i++) {
            Representation part = d.parts().get(i);
            assertEquals("mixed_" + i, part.name(), "D4|mixed: name of part " + i);
            assertEquals(EnumSet.of(Nonlinearity.NORM), part.supportedNonlinearities(), part.name() + ": nonlinearities");
            for (GroupElement x : d4.elements()) {
                Mat.assertClose(summands.get(i).matrix(x), part.matrix(x), EXACT,
                        part.name() + " vs " + summands.get(i).name() + " at " + x);
            }
        }
        assertDisentangles(mixed, d);
    }

    @Test
    void anIrrepAndTheRegularRepresentationAreOnePart() {
        Group d4 = Groups.dihedral(4);
        assertEquals(1, Representations.disentangle(Representations.irrep(d4, 1, 1)).parts().size(),
                "D4|irrep_1,1: an irrep is one part");
        // the trivial irrep's column of the regular change of basis is non-zero on every axis
        assertEquals(1, Representations.disentangle(Representations.regular(d4)).parts().size(),
                "D4|regular: one part");
    }

    static Stream<Representation> finiteSamples() {
        return SampleRepresentations.all().stream().filter(r -> r.group().isFinite() && r.group().order() <= 8);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("finiteSamples")
    void permutationConjugatesRhoIntoTheDirectSumOfTheParts(Representation rho) {
        assertDisentangles(rho, Representations.disentangle(rho));
    }

    /** P is a permutation and P rho(g) P^T equals the direct sum of the parts for every element. */
    private static void assertDisentangles(Representation rho, Disentanglement d) {
        String where = rho.group() + "|" + rho.name();
        double[][] p = d.changeOfBasis();
        for (double[] row : p) {
            int ones = 0;
            for (double v : row) {
                assertTrue(v == 0 || v == 1, where + ": P must be a 0/1 matrix");
                ones += v == 1 ? 1 : 0;
            }
            assertEquals(1, ones, where + ": one 1 per row of P");
        }
        Mat.assertClose(Mat.identity(rho.size()), Mat.multiply(p, Mat.transpose(p)), 0, where + ": P P^T");
        assertEquals(rho.size(), d.parts().stream().mapToInt(Representation::size).sum(), where + ": sizes of the parts");
        for (GroupElement x : rho.group().elements()) {
            double[][] expected = Mat.blockDiagonal(d.parts().stream().map(r -> r.matrix(x)).toList());
            Mat.assertClose(expected, Mat.multiply(Mat.multiply(p, rho.matrix(x)), Mat.transpose(p)), 1e-9,
                    where + " disentangled at " + x);
        }
    }
}
