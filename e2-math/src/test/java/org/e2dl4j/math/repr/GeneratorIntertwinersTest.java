package org.e2dl4j.math.repr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;

import org.e2dl4j.math.group.Group;
import org.e2dl4j.math.group.GroupElement;
import org.e2dl4j.math.group.Groups;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.SingularValueDecomposition;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Group#generators()} is what the kernel solvers rely on: the matrices X with psi(g) X = X phi(g) for the
 * generators g alone must be exactly the intertwiners of psi and phi, whose dimension Schur's lemma gives (1 for
 * equal real-type irreps, 2 for the complex-type ones of C_N and SO(2), else 0).
 */
class GeneratorIntertwinersTest {

    static Stream<Group> groups() {
        return Stream.of(Groups.so3(4), Groups.o3(3), Groups.octa(), Groups.fullOcta(), Groups.ico(), Groups.fullIco(),
                Groups.cylinder(-1, 3), Groups.fullCylinder(-1, 3), Groups.fullCylinder(4, 2), Groups.so2(5), Groups.o2(5),
                Groups.cyclic(6), Groups.dihedral(5), Groups.trivial());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("groups")
    void commonSolutionsOnTheGeneratorsAreTheIntertwiners(Group group) {
        List<GroupElement> gens = group.generators();
        List<IrreducibleRepresentation> irreps = Representations.irreps(group);
        for (IrreducibleRepresentation psi : irreps) {
            for (IrreducibleRepresentation phi : irreps) {
                int expected = psi.equals(phi) ? psi.sumOfSquaresConstituents() : 0;
                assertEquals(expected, intertwinerDimension(psi, phi, gens),
                        group + ": dim Hom(" + phi.name() + ", " + psi.name() + ") on the generators");
            }
        }
    }

    /** The dimension of {X : psi(g) X - X phi(g) = 0 for every generator g}. */
    private static int intertwinerDimension(Representation psi, Representation phi, List<GroupElement> gens) {
        int p = psi.size();
        int q = phi.size();
        double[][] system = new double[Math.max(1, gens.size()) * p * q][p * q];
        for (int s = 0; s < gens.size(); s++) {
            double[][] a = psi.matrix(gens.get(s));
            double[][] b = phi.matrix(gens.get(s));
            for (int i = 0; i < p; i++) {
                for (int j = 0; j < q; j++) {
                    int row = s * p * q + i * q + j;
                    for (int k = 0; k < p; k++) {
                        system[row][k * q + j] += a[i][k];
                    }
                    for (int k = 0; k < q; k++) {
                        system[row][i * q + k] -= b[k][j];
                    }
                }
            }
        }
        double[] sv = new SingularValueDecomposition(new Array2DRowRealMatrix(system, false)).getSingularValues();
        int rank = 0;
        for (double v : sv) {
            if (v > 1e-8) {
                rank++;
            }
        }
        return p * q - rank;
    }
}
