package org.e2dl4j.math.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.e2dl4j.math.group.Group;
import org.e2dl4j.math.group.GroupElement;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.math.repr.IrreducibleRepresentation;
import org.e2dl4j.math.repr.Representations;
import org.junit.jupiter.api.DynamicTest;
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
        return List.of(GSpaces.trivialOnR3(), GSpaces.invOnR3(), GSpaces.mirOnR3(), GSpaces.rot2dOnR3(3),
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
