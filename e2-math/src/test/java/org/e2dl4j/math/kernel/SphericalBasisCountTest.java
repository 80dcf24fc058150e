package org.e2dl4j.math.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.e2dl4j.math.group.Group;
import org.e2dl4j.math.group.GroupElement;
import org.e2dl4j.math.group.SubgroupId;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.math.repr.IrreducibleRepresentation;
import org.e2dl4j.math.repr.Representation;
import org.e2dl4j.math.repr.Representations;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The number of 3D basis elements against character theory, independently of the solver: on a ring that admits
 * degree J, the intertwiners {@code Hom_G(Y_J|_G (x) psi_in, psi_out)} number
 * {@code (1/|G|) sum_g chi_J(g) chi_in(g) chi_out(g)}, with {@code chi_J(M) = det(M)^J (1 + 2 sum_{m=1..J}
 * cos(m theta))} for M = {@code det(M)} times a rotation by theta (the parity {@code (-1)^J} of Y_J under the
 * inversion). For a subgroup of SO(3) this is the restriction count: SO(3)'s {@code 2 min(l, j) + 1} per ring
 * enlarged by the multiplicities of the irreps Y_J restricts to.
 */
class SphericalBasisCountTest {

    static List<GSpace> finiteGSpaces() {
        return List.of(GSpaces.octaOnR3(), GSpaces.fullOctaOnR3(), GSpaces.icoOnR3(), GSpaces.fullIcoOnR3(),
                GSpaces.trivialOnR3(), GSpaces.invOnR3(), GSpaces.mirOnR3(), GSpaces.rot2dOnR3(3),
                GSpaces.rot2dOnR3(4), GSpaces.rot2dOnR3(6), GSpaces.dihedralOnR3(2), GSpaces.dihedralOnR3(4),
                GSpaces.dihedralOnR3(5), GSpaces.conicalOnR3(3), GSpaces.conicalOnR3(4));
    }

    @TestFactory
    List<DynamicTest> finiteGroupsCountTheirIntertwinersByCharacters() {
        List<DynamicTest> tests = new ArrayList<>();
        for (GSpace gs : finiteGSpaces()) {
            tests.add(DynamicTest.dynamicTest(gs.name(), () -> {
                for (int k : new int[] {3, 5}) {
                    SamplingPlan plan = BasisPolicy.defaults().resolve(k, 1, 3);
                    for (IrreducibleRepresentation in : Representations.irreps(gs.fibergroup())) {
                        for (IrreducibleRepresentation out : Representations.irreps(gs.fibergroup())) {
                            int expected = 0;
                            for (double cutoff : plan.ringCutoffs()) {
                                for (int degree = 0; degree <= cutoff; degree++) {
                                    expected += characterCount(gs, degree, in, out);
                                }
                            }
                            assertEquals(expected, dimension(gs, in, out, k), gs.name() + " " + in.name() + " -> "
                                    + out.name() + " k=" + k);
                        }
                    }
                }
            }));
        }
        return tests;
    }

    @Test
    void so3IrrepsLToJHaveTwoMinLJPlusOneElementsPerRing() {
        GSpace gs = GSpaces.rot3dOnR3(2);
        // two rings inside the 5^3 grid, every degree up to l + j admitted
        BasisPolicy all = BasisPolicy.builder().rings(1.0, 2.0).sigma(0.6).frequencyCutoff(r -> 4).build();
        for (int l = 0; l <= 2; l++) {
            for (int j = 0; j <= 2; j++) {
                Optional<SampledBasis> basis = new SteerableKernelSampler(all).sample(gs,
                        Representations.irrep(gs.fibergroup(), l), Representations.irrep(gs.fibergroup(), j), 5, 1);
                assertEquals(2 * (2 * Math.min(l, j) + 1), basis.orElseThrow().dimension(), "SO(3) " + l + " -> " + j);
            }
        }
    }

    @Test
    void restrictingSo3IrrepsToTheOctahedralGroupEnlargesTheBasisByTheRestrictedMultiplicities() {
        GSpace so3 = GSpaces.rot3dOnR3(3);
        GSpace octa = GSpaces.octaOnR3();
        int enlarged = 0;
        for (int l = 0; l <= 3; l++) {
            for (int j = 0; j <= 3; j++) {
                IrreducibleRepresentation a = Representations.irrep(so3.fibergroup(), l);
                IrreducibleRepresentation b = Representations.irrep(so3.fibergroup(), j);
                Representation ra = Representations.restrict(a, SubgroupId.octa());
                Representation rb = Representations.restrict(b, SubgroupId.octa());
                SamplingPlan plan = BasisPolicy.defaults().resolve(5, 1, 3);
                // per admitted degree: sum over the octahedral irreps in the restrictions of their intertwiners
                int expected = 0;
                int so3Count = 0;
                for (double cutoff : plan.ringCutoffs()) {
                    for (int degree = 0; degree <= cutoff; degree++) {
                        so3Count += Math.abs(l - j) <= degree && degree <= l + j ? 1 : 0;
                        for (IrreducibleRepresentation psi : ra.irreps()) {
                            for (IrreducibleRepresentation phi : rb.irreps()) {
                                expected += characterCount(octa, degree, psi, phi);
                            }
                        }
                    }
                }
                int actual = new SteerableKernelSampler(BasisPolicy.defaults()).sample(octa, ra, rb, 5, 1)
                        .map(SampledBasis::dimension).orElse(0);
                assertEquals(expected, actual, "octa: restricted " + l + " -> restricted " + j);
                assertEquals(so3Count, dimension(so3, a, b, 5), "SO(3) " + l + " -> " + j);
                assertTrue(actual >= so3Count, "restriction never loses solutions");
                enlarged += actual - so3Count;
            }
        }
        assertTrue(enlarged > 0, "the octahedral group admits more kernels than SO(3)");
    }

    static int dimension(GSpace gs, IrreducibleRepresentation in, IrreducibleRepresentation out, int k) {
        Optional<SampledBasis> basis = new SteerableKernelSampler(BasisPolicy.defaults()).sample(gs, in, out, k, 1);
        return basis.map(SampledBasis::dimension).orElse(0);
    }

    /** {@code (1/|G|) sum_g chi_J(g) chi_in(g) chi_out(g)}, rounded after checking it is an integer. */
    static int characterCount(GSpace gs, int degree, IrreducibleRepresentation in, IrreducibleRepresentation out) {
        Group group = gs.fibergroup();
        double sum = 0;
        for (GroupElement g : group.elements()) {
            sum += harmonicCharacter(gs.baseMatrix(g), degree) * in.character(g) * out.character(g);
        }
        double count = sum / group.order();
        long rounded = Math.round(count);
        assertEquals(rounded, count, 1e-9, "character inner product of " + gs.name() + " at degree " + degree);
        return (int) rounded;
    }

    /** {@code chi_J(M) = det(M)^J (1 + 2 sum_{m=1..J} cos(m theta))}. */
    static double harmonicCharacter(double[][] m, int degree) {
        double det = m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
                - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
        double sign = Math.signum(det);
        double trace = sign * (m[0][0] + m[1][1] + m[2][2]);
        double theta = Math.acos(Math.max(-1, Math.min(1, (trace - 1) / 2)));
        double chi = 1;
        for (int k = 1; k <= degree; k++) {
            chi += 2 * Math.cos(k * theta);
        }
        return (degree % 2 == 1 ? sign : 1) * chi;
    }
}
