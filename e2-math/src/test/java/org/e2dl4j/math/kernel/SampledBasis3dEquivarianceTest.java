package org.e2dl4j.math.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.e2dl4j.math.group.Group;
import org.e2dl4j.math.group.GroupElement;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.math.repr.IrreducibleRepresentation;
import org.e2dl4j.math.repr.Representation;
import org.e2dl4j.math.repr.Representations;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every sampled element of the 3D bases satisfies the kernel constraint exactly on the voxel grid:
 * {@code K(M x_p) = rho_out(g) K(x_p) rho_in(g)^-1} for every testing element g of the G-space (those whose O(3)
 * matrix M maps the grid onto itself: the 24 rotations of the cube, with the inversion 48, or the grid-preserving
 * elements of the subgroups): between all irreps for k = 3, 4 and 5 (only 3 beyond 24 testing elements), and for
 * finite groups between regular fields
 * (k = 3) and between the regular and the last irrep (k = 4 and 5); for the polyhedral groups from the first
 * non-trivial irrep to the regular representation (k = 3).
 */
class SampledBasis3dEquivarianceTest {

    private static final double TOLERANCE = 1e-9;
    private static final int[] KERNEL_SIZES = {3, 4, 5};
    /** Regular fields of larger groups are checked on k = 3 only and against one irrep (the check is quadratic). */
    private static final int SMALL_ORDER = 8;

    static List<GSpace> gspaces() {
        return List.of(GSpaces.rot3dOnR3(), GSpaces.flipRot3dOnR3(), GSpaces.octaOnR3(), GSpaces.fullOctaOnR3(),
                GSpaces.icoOnR3(), GSpaces.trivialOnR3(), GSpaces.invOnR3(), GSpaces.mirOnR3(), GSpaces.rot2dOnR3(),
                GSpaces.rot2dOnR3(4), GSpaces.rot2dOnR3(8), GSpaces.dihedralOnR3(), GSpaces.dihedralOnR3(4),
                GSpaces.conicalOnR3(), GSpaces.conicalOnR3(4), GSpaces.conicalOnR3(2));
    }

    @TestFactory
    List<DynamicTest> everyElementIsEquivariantOnTheVoxelGrid() {
        List<DynamicTest> tests = new ArrayList<>();
        for (GSpace gs : gspaces()) {
            tests.add(DynamicTest.dynamicTest(gs.name(), () -> {
                List<GroupElement> elements = gs.testingElements();
                assertTrue(elements.size() > 1 || gs.fibergroup().order() == 1, gs.name() + ": testing elements");
                List<IrreducibleRepresentation> irreps = Representations.irreps(gs.fibergroup());
                int[] sizes = elements.size() > 24 ? new int[] {3} : KERNEL_SIZES;
                for (int k : sizes) {
                    for (Representation in : irreps) {
                        for (Representation out : irreps) {
                            check(gs, elements, in, out, k);
                        }
                    }
                }
                Group group = gs.fibergroup();
                if (group.isFinite() && group.order() > 1) {
                    Representation regular = Representations.regular(group);
                    Representation last = irreps.get(irreps.size() - 1);
                    if (group.order() <= SMALL_ORDER) {
                        check(gs, elements, regular, regular, 3);
                        check(gs, elements, last, regular, 5);
                        check(gs, elements, regular, last, 4);
                    } else {
                        check(gs, elements, irreps.get(1), regular, 3);
                    }
                }
            }));
        }
        return tests;
    }

    static void check(GSpace gs, List<GroupElement> elements, Representation in, Representation out, int k) {
        Optional<SampledBasis> sampled = new SteerableKernelSampler(BasisPolicy.defaults()).sample(gs, in, out, k, 1);
        if (sampled.isEmpty()) {
            return;
        }
        SampledBasis basis = sampled.get();
        SamplingGrid grid = basis.grid();
        assertEquals(k * k * k, grid.size());
        Group group = gs.fibergroup();
        for (GroupElement g : elements) {
            int[] moved = movedPoints(grid, gs.baseMatrix(g));
            double[][] rhoOut = out.matrix(g);
            double[][] rhoInInv = in.matrix(group.inverse(g));
            int no = out.size();
            int ni = in.size();
            double[] left = new double[no * ni];
            for (int b = 0; b < basis.dimension(); b++) {
                for (int p = 0; p < grid.size(); p++) {
                    // left = rho_out K(x_p), then expected = left rho_in^-1 (zero entries skipped: permutations)
                    Arrays.fill(left, 0.0);
                    for (int o = 0; o < no; o++) {
                        for (int a = 0; a < no; a++) {
                            double r = rhoOut[o][a];
                            if (r == 0.0) {
                                continue;
                            }
                            for (int c = 0; c < ni; c++) {
                                left[o * ni + c] += r * basis.get(b, a, c, p);
                            }
                        }
                    }
                    for (int o = 0; o < no; o++) {
                        for (int i = 0; i < ni; i++) {
                            double expected = 0;
                            for (int c = 0; c < ni; c++) {
                                expected += left[o * ni + c] * rhoInInv[c][i];
                            }
                            double actual = basis.get(b, o, i, moved[p]);
                            if (Math.abs(actual - expected) > TOLERANCE) {
                                throw new AssertionError(gs.name() + " " + in.name() + " -> " + out.name() + " k=" + k
                                        + ": element " + basis.elements().get(b).id() + " at g = " + g + ", point " + p
                                        + ", entry (" + o + ", " + i + "): K(g x) = " + actual
                                        + " but rho_out K(x) rho_in^-1 = " + expected);
                            }
                        }
                    }
                }
            }
        }
    }

    /** The index of the grid point M x_p for every p (M maps the grid onto itself). */
    static int[] movedPoints(SamplingGrid grid, double[][] m) {
        int k = grid.kernelSize();
        double c = (k - 1) / 2.0;
        int[] moved = new int[grid.size()];
        for (int p = 0; p < grid.size(); p++) {
            double[] x = {grid.x(p), grid.y(p), grid.z(p)};
            double[] y = new double[3];
            for (int r = 0; r < 3; r++) {
                y[r] = m[r][0] * x[0] + m[r][1] * x[1] + m[r][2] * x[2];
            }
            long col = Math.round(y[0] + c);
            long row = Math.round(c - y[1]);
            long depth = Math.round(c - y[2]);
            for (int r = 0; r < 3; r++) {
                double back = r == 0 ? col - c : r == 1 ? c - row : c - depth;
                assertEquals(back, y[r], 1e-9, "M does not map grid point " + p + " onto the grid");
            }
            moved[p] = (int) ((depth * k + row) * k + col);
        }
        return moved;
    }
}
