package org.e2dl4j.math.repr;

import static org.e2dl4j.testing.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
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
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Representations#tensor}: the decomposition rebuilds kron(rho1(g), rho2(g)) with an orthogonal change of
 * basis, its character is the product of the factors' characters, the multiplicities are those of the characters
 * (finite groups) or the hand-derived Clebsch-Gordan rules of SO(2) and O(2), the band limit is enforced, and the
 * recipe key rebuilds it.
 */
class TensorProductTest {

    private static final double EXACT = 1e-9;

    static Stream<Arguments> products() {
        Group c4 = Groups.cyclic(4);
        Group c8 = Groups.cyclic(8);
        Group d4 = Groups.dihedral(4);
        Group d3 = Groups.dihedral(3);
        Group so2 = Groups.so2(6);
        Group o2 = Groups.o2(6);
        List<Arguments> cases = new ArrayList<>();
        cases.add(Arguments.of(Representations.regular(c4), Representations.regular(c4)));
        cases.add(Arguments.of(Representations.irrep(c8, 1), Representations.irrep(c8, 3)));
        cases.add(Arguments.of(Representations.irrep(c8, 3), Representations.regular(c8)));
        cases.add(Arguments.of(Representations.regular(d4), Representations.irrep(d4, 1, 1)));
        cases.add(Arguments.of(Representations.quotient(d4, SubgroupId.dihedral(0, 1)), Representations.regular(d4)));
        cases.add(Arguments.of(Representations.irrep(d3, 1, 1), Representations.irrep(d3, 1, 1)));
        for (int j = 0; j <= 3; j++) {
            for (int k = 0; k <= 3; k++) {
                cases.add(Arguments.of(Representations.irrep(so2, j), Representations.irrep(so2, k)));
                cases.add(Arguments.of(Representations.irrep(o2, 1, j), Representations.irrep(o2, 1, k)));
                cases.add(Arguments.of(Representations.irrep(o2, 1, j), Representations.irrep(o2, 0, 0)));
            }
        }
        Representation mixed = Representations.directSum(List.of(Representations.irrep(o2, 1, 0),
                Representations.irrep(o2, 1, 2), Representations.irrep(o2, 0, 0)), "mixed");
        cases.add(Arguments.of(mixed, mixed));
        Representation band = Representations.spectralRegular(so2, Representations.bandLimitedIrreps(so2, 2));
        cases.add(Arguments.of(band, Representations.irrep(so2, 1)));
        return cases.stream();
    }

    /** Q orthogonal and Q (+)psi(g) Q^T = kron(rho1(g), rho2(g)) at the testing elements; chi = chi1 chi2. */
    @ParameterizedTest(name = "{0} (x) {1}")
    @MethodSource("products")
    void decompositionRebuildsTheKroneckerProduct(Representation rho1, Representation rho2) {
        Representation t = Representations.tensor(rho1, rho2);
        double[][] q = t.changeOfBasis();
        Mat.assertClose(Mat.identity(q.length), Mat.multiply(q, Mat.transpose(q)), EXACT, t.name() + ": Q orthogonal");
        for (GroupElement g : rho1.group().testingElements()) {
            Mat.assertClose(TensorProduct.kron(rho1.matrix(g), rho2.matrix(g)), t.matrix(g), EXACT, t.name() + " at " + g);
            assertEquals(rho1.character(g) * rho2.character(g), t.character(g), EXACT, "character at " + g);
        }
    }

    /** Finite groups: the multiplicity of psi is <chi1 chi2, chi_psi> / c_psi. */
    @ParameterizedTest(name = "{0} (x) {1}")
    @MethodSource("products")
    void multiplicitiesAreThoseOfTheCharacters(Representation rho1, Representation rho2) {
        Group g = rho1.group();
        if (!g.isFinite()) {
            return;
        }
        Representation t = Representations.tensor(rho1, rho2);
        for (IrreducibleRepresentation psi : Representations.irreps(g)) {
            double inner = 0;
            for (GroupElement x : g.elements()) {
                inner += rho1.character(x) * rho2.character(x) * psi.character(x);
            }
            long expected = Math.round(inner / g.order() / psi.sumOfSquaresConstituents());
            assertEquals(expected, t.irreps().stream().filter(psi::equals).count(), psi.name() + " in " + t.name());
        }
    }

    private static List<String> names(Representation r) {
        return r.irreps().stream().map(Representation::name).sorted().toList();
    }

    /** The real Clebsch-Gordan rules: psi_j (x) psi_k = psi_|j-k| (+) psi_j+k, j = k giving two trivial irreps. */
    @Test
    void so2AndO2FollowTheClebschGordanRules() {
        Group so2 = Groups.so2(4);
        assertEquals(List.of("irrep_0", "irrep_0", "irrep_2"),
                names(Representations.tensor(Representations.irrep(so2, 1), Representations.irrep(so2, 1))));
        assertEquals(List.of("irrep_1", "irrep_3"),
                names(Representations.tensor(Representations.irrep(so2, 1), Representations.irrep(so2, 2))));
        assertEquals(List.of("irrep_2"),
                names(Representations.tensor(Representations.irrep(so2, 0), Representations.irrep(so2, 2))));
        Group o2 = Groups.o2(4);
        assertEquals(List.of("irrep_0,0", "irrep_1,0", "irrep_1,2"),
                names(Representations.tensor(Representations.irrep(o2, 1, 1), Representations.irrep(o2, 1, 1))));
        assertEquals(List.of("irrep_1,1", "irrep_1,3"),
                names(Representations.tensor(Representations.irrep(o2, 1, 2), Representations.irrep(o2, 1, 1))));
        assertEquals(List.of("irrep_1,2"),
                names(Representations.tensor(Representations.irrep(o2, 1, 0), Representations.irrep(o2, 1, 2))));
        assertEquals(List.of("irrep_0,0"),
                names(Representations.tensor(Representations.irrep(o2, 1, 0), Representations.irrep(o2, 1, 0))));
    }

    /** escnn's rule: norm and gated always, pointwise and gate when both factors support them. */
    @Test
    void supportedNonlinearitiesFollowEscnn() {
        Group c4 = Groups.cyclic(4);
        Representation regular = Representations.tensor(Representations.regular(c4), Representations.regular(c4));
        assertEquals(EnumSet.of(Nonlinearity.POINTWISE, Nonlinearity.NORM, Nonlinearity.GATED),
                regular.supportedNonlinearities());
        assertEquals("regular X regular", regular.name());
        Representation mixed = Representations.tensor(Representations.regular(c4), Representations.irrep(c4, 1));
        assertEquals(EnumSet.of(Nonlinearity.NORM, Nonlinearity.GATED), mixed.supportedNonlinearities());
        Representation trivial = Representations.tensor(Representations.trivial(c4), Representations.trivial(c4));
        assertTrue(trivial.supports(Nonlinearity.GATE), "trivial (x) trivial is a gate");
    }

    @Test
    void productsAboveTheMaximumFrequencyAreRefused() {
        Group so2 = Groups.so2(3);
        assertRejected(IllegalArgumentException.class,
                () -> Representations.tensor(Representations.irrep(so2, 2), Representations.irrep(so2, 2)),
                "irrep_2", "frequency 4", "maximum frequency 3", "at least 4");
        Group o2 = Groups.o2(1);
        assertRejected(IllegalArgumentException.class,
                () -> Representations.tensor(Representations.irrep(o2, 1, 1), Representations.irrep(o2, 1, 1)),
                "frequency 2", "maximum frequency 1");
        assertRejected(IllegalArgumentException.class,
                () -> Representations.tensor(Representations.regular(Groups.cyclic(4)),
                        Representations.regular(Groups.cyclic(5))), "one group", "C4", "C5");
    }

    /** The key {@code tensor[<key>][<key>]} is parsed back into the recipe, which rebuilds an equal representation. */
    @Test
    void recipeKeyRebuildsTheProduct() {
        Group d4 = Groups.dihedral(4);
        Representation t = Representations.tensor(Representations.regular(d4), Representations.irrep(d4, 1, 1));
        String key = RecipeKey.format(t.recipe());
        assertEquals("tensor[regular][irrep:1,1]", key);
        assertEquals(t.recipe(), RecipeKey.parse(d4, key));
        assertEquals(t, RecipeKey.parse(d4, key).build(d4));
        Group o2 = Groups.o2(4);
        Representation nested = Representations.tensor(Representations.tensor(Representations.irrep(o2, 1, 1),
                Representations.irrep(o2, 1, 0)), Representations.directSum(List.of(Representations.irrep(o2, 0, 0),
                Representations.irrep(o2, 1, 1)), "v"));
        String nestedKey = RecipeKey.format(nested.recipe());
        assertEquals("tensor[tensor[irrep:1,1][irrep:1,0]][sum[trivial][irrep:1,1]:v]", nestedKey);
        assertEquals(nested, RecipeKey.parse(o2, nestedKey).build(o2));
        assertRejected(IllegalArgumentException.class, () -> RecipeKey.parse(d4, "tensor[regular]"),
                "unknown field key 'tensor[regular]'", "tensor[<key>][<key>]");
        assertRejected(IllegalArgumentException.class, () -> RecipeKey.parse(d4, "tensor[regular][regular]x"),
                "unknown field key");
    }
}
