package org.e2dl4j.math.repr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;

import org.e2dl4j.math.Mat;
import org.e2dl4j.math.group.Group;
import org.e2dl4j.math.group.GroupElement;
import org.e2dl4j.math.group.Groups;
import org.e2dl4j.math.group.SubgroupId;
import org.e2dl4j.testing.Rejections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Regular, quotient, induced and restricted representations of the 3D groups, their decompositions, and their recipe
 * keys (the JSON form of field types).
 */
class SpatialRepresentationsTest {

    static Stream<Representation> representations() {
        Group octa = Groups.octa();
        Group fullOcta = Groups.fullOcta();
        Group ico = Groups.ico();
        return Stream.of(
                Representations.regular(octa),
                Representations.regular(fullOcta),
                Representations.regular(ico),
                Representations.regular(Groups.fullCylinder(4, 2)),
                Representations.quotient(Groups.fullCylinder(4, 2), SubgroupId.inversion()),
                Representations.irrep(Groups.fullCylinder(-1, 2), 1, 1, 2),
                Representations.restrict(Representations.irrep(Groups.o3(3), 1, 3), SubgroupId.fullCylinder(-1)),
                Representations.irrep(octa, -1),
                Representations.irrep(fullOcta, 1, 2),
                Representations.irrep(Groups.fullIco(), 1, 4),
                Representations.irrep(Groups.so3(3), 2),
                Representations.irrep(Groups.o3(3), 1, 3),
                Representations.trivial(Groups.so3(2)),
                Representations.quotient(octa, SubgroupId.planarRotations(4)),
                Representations.quotient(octa, SubgroupId.planarDihedral(4)),
                Representations.quotient(ico, SubgroupId.planarRotations(2)),
                Representations.quotient(fullOcta, SubgroupId.inversion()),
                Representations.quotient(fullOcta, SubgroupId.cone(4)),
                Representations.quotient(fullOcta, SubgroupId.cone(Math.PI / 2, 4)),
                Representations.quotient(octa, SubgroupId.planarDihedral(Math.PI / 2, 4)),
                Representations.induced(fullOcta, SubgroupId.octa(), Representations.irrep(octa, 2)),
                Representations.induced(octa, SubgroupId.planarRotations(4),
                        Representations.irrep(Groups.cyclic(4), 1)),
                Representations.restrict(Representations.regular(fullOcta), SubgroupId.octa()),
                Representations.restrict(Representations.irrep(Groups.so3(4), 4), SubgroupId.octa()),
                Representations.restrict(Representations.irrep(Groups.o3(2), 1, 2), SubgroupId.fullIco()),
                Representations.restrict(Representations.irrep(Groups.so3(3), 3), SubgroupId.planarDihedral(-1)),
                Representations.restrict(Representations.regular(octa), SubgroupId.planarDihedral(2)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("representations")
    void isAnOrthogonalHomomorphismAndItsKeyRebuildsIt(Representation rho) {
        Group g = rho.group();
        List<GroupElement> els = g.testingElements();
        int step = els.size() > 48 ? 5 : 1;
        for (int i = 0; i < els.size(); i += step) {
            GroupElement a = els.get(i);
            double[][] ra = rho.matrix(a);
            Mat.assertClose(Mat.identity(rho.size()), Mat.multiply(ra, Mat.transpose(ra)), 1e-9, rho + " orthogonal");
            assertEquals(Mat.trace(ra), rho.character(a), 1e-9, rho + " character at " + a);
            for (GroupElement b : els) {
                Mat.assertClose(rho.matrix(g.combine(a, b)), Mat.multiply(ra, rho.matrix(b)), 1e-9,
                        rho + ": rho(ab) = rho(a) rho(b) at " + a + ", " + b);
            }
        }
        String key = RecipeKey.format(rho.recipe());
        Representation rebuilt = RecipeKey.parse(g, key).build(g);
        assertEquals(rho, rebuilt, key);
        assertEquals(key, RecipeKey.format(rebuilt.recipe()));
    }

    @Test
    void quotientsPermuteTheCosets() {
        Group octa = Groups.octa();
        Representation q = Representations.quotient(octa, SubgroupId.planarRotations(4));
        assertEquals(6, q.size(), "24 rotations / C4: the 6 faces of the cube");
        assertTrue(q.isPermutation());
        for (GroupElement a : octa.elements()) {
            double[][] m = q.matrix(a);
            for (double[] row : m) {
                double sum = 0;
                for (double x : row) {
                    assertTrue(Math.abs(x) < 1e-9 || Math.abs(x - 1) < 1e-9, "0/1 entries");
                    sum += x;
                }
                assertEquals(1, sum, 1e-9);
            }
        }
        // the face permutation of O: permutation character 6 = 1 + 2 + 3, the irreps irrep_0, irrep_2, irrep_1
        List<String> names = q.irreps().stream().map(IrreducibleRepresentation::name).sorted().toList();
        assertEquals(List.of("irrep_0", "irrep_1", "irrep_2"), names);
        assertEquals(3, Representations.quotient(octa, SubgroupId.planarDihedral(4)).size(),
                "24 rotations / D4: the 3 axes of the cube");
    }

    @Test
    void theRegularRepresentationContainsEachIrrepAsOftenAsItsSize() {
        for (Group g : List.of(Groups.octa(), Groups.fullOcta(), Groups.ico(), Groups.fullIco())) {
            Representation reg = Representations.regular(g);
            for (IrreducibleRepresentation psi : Representations.irreps(g)) {
                long copies = reg.irreps().stream().filter(psi::equals).count();
                assertEquals(psi.size(), copies, g + ": copies of " + psi.name());
            }
        }
    }

    @Test
    void subgroupKeysOfTheSpatialGroupsRoundTrip() {
        List<SubgroupId> ids = List.of(SubgroupId.so3(), SubgroupId.octa(), SubgroupId.ico(), SubgroupId.fullOcta(),
                SubgroupId.fullIco(), SubgroupId.planarRotations(-1), SubgroupId.planarRotations(4),
                SubgroupId.planarDihedral(-1), SubgroupId.planarDihedral(6), SubgroupId.cone(-1), SubgroupId.cone(1),
                SubgroupId.inversion(), SubgroupId.planarDihedral(Math.PI / 2, 4), SubgroupId.cone(Math.PI / 3, -1),
                SubgroupId.cylinder(-1), SubgroupId.cylinder(4), SubgroupId.fullCylinder(6),
                SubgroupId.fullCylinder(Math.PI / 4, -1));
        for (SubgroupId id : ids) {
            assertEquals(id, RecipeKey.parseSubgroup(Groups.o3(2), RecipeKey.formatSubgroup(id)), id.toString());
        }
        assertEquals("True,'octa'", RecipeKey.formatSubgroup(SubgroupId.fullOcta()));
        assertEquals("'cone',4", RecipeKey.formatSubgroup(SubgroupId.cone(4)));
        assertEquals("False,3.141592653589793,4", RecipeKey.formatSubgroup(SubgroupId.planarDihedral(Math.PI / 2, 4)));
        assertEquals(SubgroupId.planarDihedral(4), SubgroupId.planarDihedral(-0.0, 4));
        for (Group g : List.of(Groups.so3(3), Groups.o3(2), Groups.octa(), Groups.fullOcta(), Groups.ico(),
                Groups.fullIco(), Groups.cylinder(-1, 3), Groups.cylinder(4, 2), Groups.fullCylinder(-1, 2),
                Groups.fullCylinder(5, 2))) {
            assertEquals(g, RecipeKey.parseGroup(RecipeKey.formatGroup(g)));
        }
        assertEquals("SO(3)@3", RecipeKey.formatGroup(Groups.so3(3)));
        Rejections.assertRejected(() -> RecipeKey.parseSubgroup(Groups.o3(2), "'dodeca'"), "'dodeca'", "O(3)",
                "'octa'");
    }

    @Test
    void subgroupsOutsideTheFiniteGroupAreRefused() {
        Rejections.assertRejected(() -> Groups.octa().subgroup(SubgroupId.planarRotations(5)), "(False, 5)",
                "not a subgroup of Octahedral");
        Rejections.assertRejected(() -> Groups.octa().subgroup(SubgroupId.cone(4)), "('cone', 4)",
                "not a subgroup of Octahedral");
        Rejections.assertRejected(() -> Groups.ico().subgroup(SubgroupId.planarRotations(-1)), "continuous",
                "Icosahedral");
        Rejections.assertRejected(() -> Groups.so3(2).subgroup(SubgroupId.fullOcta()), "Subgroups of SO(3)",
                "(True, 'octa')");
        Rejections.assertRejected(() -> Representations.regular(Groups.so3(2)), "finite", "SO(3)");
    }

    @Test
    void bandLimitedIrrepsAreEscnns() {
        assertEquals(List.of("[0]", "[1]", "[2]"), Representations.bandLimitedIrreps(Groups.so3(3), 2).stream()
                .map(java.util.Arrays::toString).toList());
        assertEquals(List.of("[0, 0]", "[1, 0]", "[0, 1]", "[1, 1]"), Representations.bandLimitedIrreps(Groups.o3(3), 1)
                .stream().map(java.util.Arrays::toString).toList());
        assertEquals(5, Representations.bandLimitedIrreps(Groups.ico(), 4).size());
        Rejections.assertRejected(() -> Representations.bandLimitedIrreps(Groups.octa(), 1), "Octahedral",
                "no band-limited irreps");
        Rejections.assertRejected(() -> Representations.bandLimitedIrreps(Groups.so3(2), 3), "SO(3)", "between 0 and 2");
    }
}
