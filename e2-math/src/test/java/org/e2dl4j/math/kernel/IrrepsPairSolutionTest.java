package org.e2dl4j.math.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import org.e2dl4j.math.group.GroupElement;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.math.repr.IrreducibleRepresentation;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The analytic irreps-pair solutions, checked against the constraint itself (at arbitrary angles, with the
 * core's irrep matrices) and against the dimension of the equivariant subspace of band-limited kernels, counted
 * independently with characters: dim = mean_g chi_out(g) chi_in(g) tr T_g(F), where T_g(F) is g acting on the
 * trigonometric polynomials of degree F (trace 1 + 2 sum_m cos(m theta) for a rotation, 1 for a reflection).
 */
class IrrepsPairSolutionTest {

    private static final int[] FREQUENCIES = {0, 1, 2, 3, 5, 7};
    private static final double[] ANGLES = {0.0, 0.37, 1.3, 2.9, 4.4, 5.8};

    private static List<GSpace> gspaces() {
        List<GSpace> list = new ArrayList<>();
        list.add(GSpaces.trivialOnR2());
        list.add(GSpaces.flip2dOnR2());
        list.add(GSpaces.flip2dOnR2(0.3));
        for (int n : new int[] {2, 3, 4, 5, 6, 8}) {
            list.add(GSpaces.rot2dOnR2(n));
        }
        for (int n : new int[] {1, 2, 3, 4, 6}) {
            list.add(GSpaces.flipRot2dOnR2(n));
        }
        list.add(GSpaces.flipRot2dOnR2(4, 6, 0.7));
        list.add(GSpaces.rot2dOnR2(-1, 4));
        list.add(GSpaces.flipRot2dOnR2(-1, 4));
        list.add(GSpaces.flipRot2dOnR2(-1, 4, 0.25));
        return list;
    }

    @TestFactory
    List<DynamicTest> everyHarmonicSatisfiesTheConstraintAndTheyFillTheBandLimitedSolutionSpace() {
        List<DynamicTest> tests = new ArrayList<>();
        for (GSpace gs : gspaces()) {
            tests.add(DynamicTest.dynamicTest(gs.name() + " axis " + gs.axis(), () -> checkGSpace(gs)));
        }
        return tests;
    }

    private static void checkGSpace(GSpace gs) {
        PlanarSymmetry symmetry = SteerableKernelSampler.symmetryOf(gs);
        int order = symmetry == PlanarSymmetry.FLIP ? 2 : gs.fibergroup().rotationOrder();
        List<GroupElement> elements = testElements(gs);
        for (IrreducibleRepresentation in : gs.irreps()) {
            for (IrreducibleRepresentation out : gs.irreps()) {
                for (int f : FREQUENCIES) {
                    IrrepsPairSolution solution = IrrepsPairSolution.of(symmetry, order,
                            new PlanarIrrep(in.flipFrequency(), in.frequency()),
                            new PlanarIrrep(out.flipFrequency(), out.frequency()), f, OptionalInt.empty());
                    String where = gs.name() + " " + in.name() + " -> " + out.name() + " F=" + f;
                    assertEquals(out.size(), solution.outSize(), where + ": output size");
                    assertEquals(in.size(), solution.inSize(), where + ": input size");
                    int bandLimited = 0;
                    for (int h = 0; h < solution.dimension(); h++) {
                        checkConstraint(gs, solution, h, in, out, elements, where);
                        if (Math.abs(solution.harmonics().get(h).frequency()) <= f) {
                            bandLimited++;
                        }
                        assertEquals(h, solution.harmonics().get(h).innerIndex(), where + ": inner index");
                    }
                    if (!symmetry.isContinuous()) {
                        assertEquals(solution.dimension(), bandLimited, where + ": every aliased |mu| <= F");
                    }
                    assertEquals(invariantDimension(gs, in, out, f), bandLimited,
                            where + ": number of harmonics with |mu| <= F vs the character count of equivariant"
                                    + " band-limited kernels");
                    checkOrthogonal(gs, solution, where);
                }
            }
        }
    }

    private static List<GroupElement> testElements(GSpace gs) {
        if (gs.fibergroup().isFinite()) {
            return gs.fibergroup().elements();
        }
        List<GroupElement> list = new ArrayList<>();
        for (double theta : new double[] {0.0, 0.4, 1.7, 3.0, 5.1}) {
            list.add(GroupElement.continuous(0, theta));
            if (gs.fibergroup().hasReflections()) {
                list.add(GroupElement.continuous(1, theta));
            }
        }
        return list;
    }

    /** The harmonic's block at polar angle phi (a point of the unit circle). */
    static double[][] block(GSpace gs, IrrepsPairSolution solution, int h, double phi) {
        double origin = SteerableKernelSampler.symmetryOf(gs).hasReflections() ? gs.axis() : 0.0;
        int mu = Math.abs(solution.harmonics().get(h).frequency());
        double[] cells = new double[solution.outSize() * solution.inSize()];
        solution.evaluate(h, Math.cos(mu * (phi - origin)), Math.sin(mu * (phi - origin)), false, cells, 0);
        double[][] m = new double[solution.outSize()][solution.inSize()];
        for (int r = 0; r < m.length; r++) {
            for (int c = 0; c < m[r].length; c++) {
                m[r][c] = cells[r * solution.inSize() + c];
            }
        }
        return m;
    }

    private static void checkConstraint(GSpace gs, IrrepsPairSolution solution, int h, IrreducibleRepresentation in,
                                        IrreducibleRepresentation out, List<GroupElement> elements, String where) {
        for (GroupElement g : elements) {
            double[][] plane = gs.planeMatrix(g);
            double[][] outMatrix = out.matrix(g);
            double[][] inInverse = in.matrix(gs.fibergroup().inverse(g));
            for (double phi : ANGLES) {
                double x = Math.cos(phi);
                double y = Math.sin(phi);
                double gPhi = Math.atan2(plane[1][0] * x + plane[1][1] * y, plane[0][0] * x + plane[0][1] * y);
                double[][] lhs = block(gs, solution, h, gPhi);
                double[][] rhs = multiply(multiply(outMatrix, block(gs, solution, h, phi)), inInverse);
                for (int r = 0; r < lhs.length; r++) {
                    for (int c = 0; c < lhs[r].length; c++) {
                        if (Math.abs(lhs[r][c] - rhs[r][c]) > 1e-12) {
                            fail(where + ", harmonic " + solution.harmonics().get(h) + ", g = " + g + ", phi = " + phi
                                    + ": K(g x)[" + r + "][" + c + "] = " + lhs[r][c]
                                    + " but rho_out(g) K(x) rho_in(g)^-1 gives " + rhs[r][c]);
                        }
                    }
                }
            }
        }
    }

    /** Distinct harmonics are orthogonal in L2(circle) (x) Frobenius, so they are linearly independent. */
    private static void checkOrthogonal(GSpace gs, IrrepsPairSolution solution, String where) {
        int samples = 64;
        int d = solution.dimension();
        double[][] gram = new double[d][d];
        for (int s = 0; s < samples; s++) {
            double phi = 2 * Math.PI * s / samples;
            double[][][] blocks = new double[d][][];
            for (int h = 0; h < d; h++) {
                blocks[h] = block(gs, solution, h, phi);
            }
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < d; b++) {
                    for (int r = 0; r < blocks[a].length; r++) {
                        for (int c = 0; c < blocks[a][r].length; c++) {
                            gram[a][b] += blocks[a][r][c] * blocks[b][r][c] / samples;
                        }
                    }
                }
            }
        }
        for (int a = 0; a < d; a++) {
            assertTrue(gram[a][a] > 0.4, where + ": harmonic " + a + " has norm " + gram[a][a]);
            for (int b = 0; b < d; b++) {
                if (a != b) {
                    assertEquals(0.0, gram[a][b], 1e-12, where + ": harmonics " + a + " and " + b + " overlap");
                }
            }
        }
    }

    private static int invariantDimension(GSpace gs, IrreducibleRepresentation in, IrreducibleRepresentation out,
                                          int f) {
        List<GroupElement> elements = new ArrayList<>();
        if (gs.fibergroup().isFinite()) {
            elements.addAll(gs.fibergroup().elements());
        } else {
            int m = 4 * (f + gs.fibergroup().maximumFrequency()) + 8;
            for (int k = 0; k < m; k++) {
                elements.add(GroupElement.continuous(0, 2 * Math.PI * k / m));
                if (gs.fibergroup().hasReflections()) {
                    elements.add(GroupElement.continuous(1, 2 * Math.PI * k / m));
                }
            }
        }
        double sum = 0;
        for (GroupElement g : elements) {
            double[][] plane = gs.planeMatrix(g);
            boolean reflection = plane[0][0] * plane[1][1] - plane[0][1] * plane[1][0] < 0;
            double trace = 1;
            if (!reflection) {
                double theta = Math.atan2(plane[1][0], plane[0][0]);
                for (int m = 1; m <= f; m++) {
                    trace += 2 * Math.cos(m * theta);
                }
            }
            sum += out.character(g) * in.character(g) * trace;
        }
        double mean = sum / elements.size();
        long rounded = Math.round(mean);
        assertEquals(rounded, mean, 1e-9, "character average must be an integer");
        return (int) rounded;
    }

    private static double[][] multiply(double[][] a, double[][] b) {
        double[][] c = new double[a.length][b[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int k = 0; k < b.length; k++) {
                for (int j = 0; j < b[0].length; j++) {
                    c[i][j] += a[i][k] * b[k][j];
                }
            }
        }
        return c;
    }

    @Test
    void cyclicTwoDimensionalPairAliasesByMultiplesOfN() {
        // C8, irrep_1 -> irrep_1, F = 2: s=0 base 0 -> {0}; s=1 base 2 -> {2} (-6 is beyond F); twice (gamma 0, pi/2)
        IrrepsPairSolution s = IrrepsPairSolution.of(PlanarSymmetry.CYCLIC, 8, PlanarIrrep.rotation(1),
                PlanarIrrep.rotation(1), 2, OptionalInt.empty());
        assertEquals(List.of(0, 2, 0, 2), s.harmonics().stream().map(AngularHarmonic::frequency).toList());
        assertEquals(List.of(false, false, true, true),
                s.harmonics().stream().map(AngularHarmonic::quarterPhase).toList());
        assertEquals(List.of(0, 1, 0, 1), s.harmonics().stream().map(h -> h.s().getAsInt()).toList());
        // C4, irrep_1 -> irrep_1, F = 3: s=0 base 0 -> t=0 (mu 0); s=1 base 2 -> t=-1 (mu -2), t=0 (mu 2)
        IrrepsPairSolution c4 = IrrepsPairSolution.of(PlanarSymmetry.CYCLIC, 4, PlanarIrrep.rotation(1),
                PlanarIrrep.rotation(1), 3, OptionalInt.empty());
        assertEquals(List.of(0, -2, 2, 0, -2, 2), c4.harmonics().stream().map(AngularHarmonic::frequency).toList());
        assertEquals(List.of(0, -1, 0, 0, -1, 0), c4.harmonics().stream().map(h -> h.offset().getAsInt()).toList());
        // the same with maximum offset 0 keeps t = 0 only
        IrrepsPairSolution limited = IrrepsPairSolution.of(PlanarSymmetry.CYCLIC, 4, PlanarIrrep.rotation(1),
                PlanarIrrep.rotation(1), 3, OptionalInt.of(0));
        assertEquals(List.of(0, 2, 0, 2), limited.harmonics().stream().map(AngularHarmonic::frequency).toList());
    }

    @Test
    void scalarPairsDropTheVanishingSineOfFrequencyZero() {
        // trivial -> trivial of C_1 with F = 2: cos(0), cos(phi), cos(2 phi), sin(phi), sin(2 phi)
        IrrepsPairSolution s = IrrepsPairSolution.of(PlanarSymmetry.CYCLIC, 1, PlanarIrrep.rotation(0),
                PlanarIrrep.rotation(0), 2, OptionalInt.empty());
        assertEquals(List.of(0, 1, 2, 1, 2), s.harmonics().stream().map(AngularHarmonic::frequency).toList());
        assertEquals(List.of(false, false, false, true, true),
                s.harmonics().stream().map(AngularHarmonic::quarterPhase).toList());
        // O(2): irrep_0,0 -> irrep_1,0 would need sin(0 phi): no solution at all
        IrrepsPairSolution o2 = IrrepsPairSolution.of(PlanarSymmetry.O2, -1, new PlanarIrrep(0, 0),
                new PlanarIrrep(1, 0), 4, OptionalInt.empty());
        assertEquals(0, o2.dimension());
    }
}
