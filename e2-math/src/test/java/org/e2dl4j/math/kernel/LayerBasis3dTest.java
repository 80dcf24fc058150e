package org.e2dl4j.math.kernel;

import static org.e2dl4j.testing.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.e2dl4j.math.group.Group;
import org.e2dl4j.math.group.GroupElement;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.math.repr.Representation;
import org.e2dl4j.math.repr.Representations;
import org.junit.jupiter.api.Test;

/** The layer machinery (layout, expansion, initializations, errors) on 3D G-spaces. */
class LayerBasis3dTest {

    private static final GSpace C4 = GSpaces.rot2dOnR3(4);
    private static final GSpace D4 = GSpaces.dihedralOnR3(4);

    @Test
    void expandedFilterOfAMixedLayerIsEquivariantForTheWholeFieldTypes() {
        for (GSpace gs : List.of(C4, D4, GSpaces.conicalOnR3(4), GSpaces.invOnR3())) {
            Group group = gs.fibergroup();
            List<Representation> in = List.of(Representations.regular(group), Representations.trivial(group),
                    Representations.irreps(group).get(1));
            List<Representation> out = List.of(Representations.irreps(group).get(1), Representations.regular(group));
            int k = 5;
            LayerBasis layer = LayerBasis.of(gs, in, out, k, 1, BasisPolicy.defaults());
            assertEquals(k * k * k, layer.kernelPoints());
            double[] filter = layer.expand(layer.heInit(new Random(3)));
            int ci = layer.inChannels();
            int co = layer.outChannels();
            int points = k * k * k;
            assertEquals(co * ci * points, filter.length);
            Representation inType = Representations.directSum(in, "in");
            Representation outType = Representations.directSum(out, "out");
            SamplingGrid grid = new SamplingGrid(k, 1, 3);
            double max = 0;
            for (GroupElement g : gs.testingElements()) {
                int[] moved = SampledBasis3dEquivarianceTest.movedPoints(grid, gs.baseMatrix(g));
                double[][] rhoOut = outType.matrix(g);
                double[][] rhoInInv = inType.matrix(group.inverse(g));
                for (int p = 0; p < points; p++) {
                    for (int o = 0; o < co; o++) {
                        for (int i = 0; i < ci; i++) {
                            double expected = 0;
                            for (int a = 0; a < co; a++) {
                                for (int c = 0; c < ci; c++) {
                                    expected += rhoOut[o][a] * filter[(a * ci + c) * points + p] * rhoInInv[c][i];
                                }
                            }
                            max = Math.max(max, Math.abs(filter[(o * ci + i) * points + moved[p]] - expected));
                        }
                    }
                }
            }
            assertTrue(max < 1e-9, gs.name() + ": equivariance error of the expanded filter " + max);
        }
    }

    @Test
    void deltaOrthogonalInitMakesTheCentreVoxelAnIsometryAndLeavesTheRestZero() {
        for (GSpace gs : List.of(C4, D4, GSpaces.rot2dOnR3())) {
            Group group = gs.fibergroup();
            Representation wide = group.isFinite() ? Representations.regular(group) : Representations.irrep(group, 2);
            List<Representation> in = List.of(wide, Representations.trivial(group));
            List<Representation> out = List.of(wide, Representations.trivial(group), wide);
            int k = 3;
            LayerBasis layer = LayerBasis.of(gs, in, out, k, 1, BasisPolicy.defaults());
            double[] filter = layer.expand(layer.deltaOrthogonalInit(new Random(5)));
            int ci = layer.inChannels();
            int co = layer.outChannels();
            int points = k * k * k;
            int centre = points / 2;
            for (int a = 0; a < ci; a++) {
                for (int b = 0; b < ci; b++) {
                    double dot = 0;
                    for (int o = 0; o < co; o++) {
                        dot += filter[(o * ci + a) * points + centre] * filter[(o * ci + b) * points + centre];
                    }
                    assertEquals(a == b ? 1.0 : 0.0, dot, 1e-9, gs.name() + ": (M^T M)[" + a + "][" + b
                            + "] of the centre voxel M");
                }
            }
            for (int x = 0; x < filter.length; x++) {
                if (x % points != centre) {
                    assertEquals(0.0, filter[x], 1e-12, gs.name() + ": off-centre filter entry " + x);
                }
            }
        }
    }

    @Test
    void elementsCarryTheirDegreeRingAndIrreps() {
        Group group = C4.fibergroup();
        LayerBasis layer = LayerBasis.of(C4, List.of(Representations.trivial(group)),
                List.of(Representations.trivial(group)), 5, 1, BasisPolicy.defaults());
        List<PairElement> elements = layer.pairs().get(0).basis().elements();
        // C4 about z, scalar to scalar: J = 0 on all 3 rings, J = 1 (z) and J = 2 (3 z^2 - 1 only: x^2 - y^2 and xy
        // change sign under the quarter turn) on rings 1 and 2
        assertEquals(3 + 2 + 2, elements.size());
        SphericalBasisElement first = (SphericalBasisElement) elements.get(0);
        assertEquals(0, first.degree());
        assertEquals(0, first.ringIndex());
        assertTrue(first.centreOnly());
        assertEquals("(irrep_0-0,irrep_0-0)_(0.0/0)_0", first.id());
        for (PairElement e : elements) {
            assertTrue(e.frequency() <= 2, e.id());
        }
    }

    @Test
    void planarOnlyOptionsAndBadRingsAreRefusedWithTheirReason() {
        Group group = C4.fibergroup();
        List<Representation> scalar = List.of(Representations.trivial(group));
        assertRejected(() -> LayerBasis.of(C4, scalar, scalar, 3, 1,
                BasisPolicy.builder().basisFilter(e -> true).build()), "basis filter", "Rot2dOnR3(4)");
        assertRejected(() -> LayerBasis.of(C4, scalar, scalar, 3, 1, BasisPolicy.builder().maximumOffset(1).build()),
                "maximum offset", "Rot2dOnR3(4)", "got 1");
        assertRejected(() -> LayerBasis.of(C4, scalar, scalar, 3, 1, BasisPolicy.builder().rings(0, 1.8).build()),
                "ring radii", "3x3x3");
        Representation vector = Representations.irreps(group).get(1);
        assertRejected(() -> LayerBasis.of(C4, List.of(vector), scalar, 1, 1, BasisPolicy.defaults()),
                "basis for the steerable filter is empty", "1x1x1");
    }
}
