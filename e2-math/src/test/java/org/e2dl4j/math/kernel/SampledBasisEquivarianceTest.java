package org.e2dl4j.math.kernel;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.e2dl4j.math.group.Group;
import org.e2dl4j.math.group.GroupElement;
import org.e2dl4j.math.group.SubgroupId;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.math.repr.IrreducibleRepresentation;
import org.e2dl4j.math.repr.Nonlinearity;
import org.e2dl4j.math.repr.Representation;
import org.e2dl4j.math.repr.Representations;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every sampled basis element satisfies the kernel constraint exactly on the grid:
 * {@code K(x_p) = rho_out(g) K(g^-1 x_p) rho_in(g)^-1} for every grid-preserving g (90-degree rotations and axis
 * flips), where {@code g^-1 x_p} is the grid point the G-space's pixel permutation takes the value from; for
 * irreps, regular, quotient, induced and mixed fields of every kind of group.
 */
class SampledBasisEquivarianceTest {

    private static final double TOLERANCE = 1e-9;
    private static final int[] KERNEL_SIZES = {3, 4, 5};

    private static List<GSpace> gspaces() {
        return List.of(GSpaces.trivialOnR2(), GSpaces.flip2dOnR2(), GSpaces.rot2dOnR2(2), GSpaces.rot2dOnR2(3),
                GSpaces.rot2dOnR2(4), GSpaces.rot2dOnR2(8), GSpaces.flipRot2dOnR2(1), GSpaces.flipRot2dOnR2(2),
                GSpaces.flipRot2dOnR2(3), GSpaces.flipRot2dOnR2(4), GSpaces.rot2dOnR2(-1, 3),
                GSpaces.flipRot2dOnR2(-1, 3));
    }

    @TestFactory
    List<DynamicTest> everyElementIsEquivariantOnTheGridForIrrepsRegularAndMixedFields() {
        List<DynamicTest> tests = new ArrayList<>();
        for (GSpace gs : gspaces()) {
            tests.add(DynamicTest.dynamicTest(gs.name() + " " + gs.fibergroup().name(), () -> {
                List<Representation> reprs = representations(gs);
                for (int k : KERNEL_SIZES) {
                    for (Representation in : reprs) {
                        for (Representation out : reprs) {
                            checkPair(gs, in, out, k);
                        }
                    }
                }
            }));
        }
        for (GSpace gs : List.of(GSpaces.rot2dOnR2(4), GSpaces.rot2dOnR2(8), GSpaces.flipRot2dOnR2(2),
                GSpaces.flipRot2dOnR2(4))) {
            tests.add(DynamicTest.dynamicTest(gs.name() + " quotient and induced fields", () -> {
                List<Representation> built = quotientAndInduced(gs);
                List<Representation> others = List.of(gs.trivialRepr(), gs.irreps().get(1), gs.regularRepr());
                for (int k : new int[] {3, 5}) {
                    for (Representation a : built) {
                        for (Representation b : built) {
                            checkPair(gs, a, b, k);
                        }
                        for (Representation b : others) {
                            checkPair(gs, a, b, k);
                            checkPair(gs, b, a, k);
                        }
                    }
                }
            }));
        }
        return tests;
    }

    /** A quotient by a rotation or flip subgroup and a representation induced from a subgroup's non-trivial irrep. */
    private static List<Representation> quotientAndInduced(GSpace gs) {
        int n = gs.fibergroup().rotationOrder();
        SubgroupId quotientBy;
        SubgroupId inducedFrom;
        if (gs.fibergroup().hasReflections()) {
            quotientBy = SubgroupId.dihedral(0, 1);
            inducedFrom = n / 2 >= 2 ? SubgroupId.dihedral(null, n / 2) : SubgroupId.dihedral(0, 1);
        } else {
            quotientBy = SubgroupId.rotations(2);
            inducedFrom = SubgroupId.rotations(n / 2);
        }
        Group subgroup = gs.fibergroup().subgroup(inducedFrom).group();
        IrreducibleRepresentation psi = Representations.irreps(subgroup).get(1);
        return List.of(gs.quotientRepr(quotientBy), gs.inducedRepr(inducedFrom, psi));
    }

    /**
     * Irreps, regular, and a mixed field: the direct sum trivial (+) an irrep (+) regular, taken to a random
     * orthogonal basis so that its change of basis is dense.
     */
    private static List<Representation> representations(GSpace gs) {
        List<Representation> list = new ArrayList<>(gs.irreps());
        List<Representation> parts = new ArrayList<>();
        parts.add(gs.trivialRepr());
        parts.add(gs.irreps().get(gs.irreps().size() - 1));
        if (gs.fibergroup().isFinite()) {
            list.add(gs.regularRepr());
            parts.add(gs.regularRepr());
        } else {
            parts.add(gs.irreps().get(1));
        }
        Representation mixed = Representations.directSum(parts, "mixed");
        list.add(Representations.changeBasis(mixed, HaarOrthogonal.sample(mixed.size(), new Random(7)), "mixed_rotated",
                EnumSet.noneOf(Nonlinearity.class)));
        return list;
    }

    private static List<GroupElement> gridElements(GSpace gs) {
        List<GroupElement> candidates = new ArrayList<>();
        if (gs.fibergroup().isFinite()) {
            candidates.addAll(gs.fibergroup().elements());
        } else {
            for (int q = 0; q < 4; q++) {
                candidates.add(GroupElement.continuous(0, q * Math.PI / 2));
                if (gs.fibergroup().hasReflections()) {
                    candidates.add(GroupElement.continuous(1, q * Math.PI / 2));
                }
            }
        }
        return candidates.stream().filter(gs::preservesGrid).toList();
    }

    private static void checkPair(GSpace gs, Representation in, Representation out, int k) {
        Optional<SampledBasis> sampled = new SteerableKernelSampler(BasisPolicy.defaults()).sample(gs, in, out, k, 1);
        if (sampled.isEmpty()) {
            return;
        }
        SampledBasis basis = sampled.get();
        List<GroupElement> elements = gridElements(gs);
        assertFalse(elements.isEmpty(), gs.name() + " has no grid-preserving element");
        int points = k * k;
        int no = out.size();
        int ni = in.size();
        double[] data = basis.data();
        double[] left = new double[no * ni];
        for (GroupElement g : elements) {
            int[] source = gs.gridPermutation(g, k, k);
            double[][] rhoOut = out.matrix(g);
            double[][] rhoInInverse = in.matrix(gs.fibergroup().inverse(g));
            for (int b = 0; b < basis.dimension(); b++) {
                int base = b * no * ni * points;
                for (int p = 0; p < points; p++) {
                    // left = rho_out(g) K(g^-1 x_p)
                    Arrays.fill(left, 0.0);
                    for (int o = 0; o < no; o++) {
                        for (int a = 0; a < no; a++) {
                            double r = rhoOut[o][a];
                            if (r == 0.0) {
                                continue;
                            }
                            for (int c = 0; c < ni; c++) {
                                left[o * ni + c] += r * data[base + (a * ni + c) * points + source[p]];
                            }
                        }
                    }
                    for (int o = 0; o < no; o++) {
                        for (int i = 0; i < ni; i++) {
                            double transformed = 0;
                            for (int c = 0; c < ni; c++) {
                                transformed += left[o * ni + c] * rhoInInverse[c][i];
                            }
                            double value = data[base + (o * ni + i) * points + p];
                            if (Math.abs(value - transformed) > TOLERANCE) {
                                throw new AssertionError(gs.name() + " " + in.name() + " -> " + out.name() + " k=" + k
                                        + ", element " + basis.elements().get(b) + ", g = " + g + ", point " + p
                                        + " entry (" + o + "," + i + "): K(x) = " + value
                                        + " but rho_out(g) K(g^-1 x) rho_in(g)^-1 = " + transformed);
                            }
                        }
                    }
                }
            }
        }
        assertTrue(basis.dimension() > 0);
    }
}
