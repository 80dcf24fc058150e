package org.e2dl4j.math.repr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;

import org.e2dl4j.math.group.Group;
import org.e2dl4j.math.group.Groups;
import org.e2dl4j.math.group.SubgroupId;
import org.e2dl4j.math.repr.RepresentationRecipe.ChangeOfBasis;
import org.e2dl4j.math.repr.RepresentationRecipe.Concatenated;
import org.e2dl4j.math.repr.RepresentationRecipe.DirectSum;
import org.e2dl4j.math.repr.RepresentationRecipe.Disentangled;
import org.e2dl4j.math.repr.RepresentationRecipe.Induced;
import org.e2dl4j.math.repr.RepresentationRecipe.Irrep;
import org.e2dl4j.math.repr.RepresentationRecipe.Quotient;
import org.e2dl4j.math.repr.RepresentationRecipe.Regular;
import org.e2dl4j.math.repr.RepresentationRecipe.Restricted;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every representation records how it was built ({@link Representation#recipe()}), and its recipe rebuilds an
 * equal representation with an equal recipe: irreps, regular, quotient, induced, restricted (also twice),
 * direct sums, changes of basis, disentangled parts and concatenated representations of C_N, D_N, SO(2), O(2)
 * and the flips.
 */
class RepresentationRecipeTest {

    private static final Group C8 = Groups.cyclic(8);
    private static final Group D4 = Groups.dihedral(4);
    private static final Group D6 = Groups.dihedral(6);
    private static final Group SO2 = Groups.so2(4);
    private static final Group O2 = Groups.o2(4);

    /** The sample representations, their disentangled parts and their concatenated forms where they exist. */
    static Stream<Representation> representations() {
        List<Representation> out = new ArrayList<>(SampleRepresentations.all());
        for (Representation r : SampleRepresentations.all()) {
            if (r.group().isFinite() && r.group().order() <= 8) {
                out.addAll(Representations.disentangle(r).parts());
                if (r.supports(Nonlinearity.CONCATENATED) && (r.isPermutation() || r.size() == 1)) {
                    out.add(Representations.concatenated(r));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("representations")
    void theRecipeRebuildsAnEqualRepresentation(Representation r) {
        Representation rebuilt = r.recipe().build(r.group());
        assertEquals(r, rebuilt, "rebuilt from " + r.recipe());
        assertEquals(r.recipe(), rebuilt.recipe(), "the rebuilt representation has the same recipe");
        assertEquals(r.recipe().hashCode(), rebuilt.recipe().hashCode(), "equal recipes hash alike");
    }

    @Test
    void theFactoriesRecordTheirArguments() {
        assertEquals(new Irrep(new int[] {0}), Representations.trivial(C8).recipe());
        assertEquals(new Irrep(new int[] {1, 2}), Representations.irrep(D4, 1, 2).recipe());
        assertEquals(new Regular(), Representations.regular(D4).recipe());
        assertEquals(new Quotient(SubgroupId.dihedral(null, 2)),
                Representations.quotient(D4, SubgroupId.dihedral(null, 2)).recipe());
        SubgroupId flips = SubgroupId.dihedral(1, 1);
        assertEquals(new Induced(flips, new int[] {1}),
                Representations.induced(D4, flips, Representations.irrep(D4.subgroup(flips).group(), 1)).recipe());
        assertEquals(new Restricted(O2, SubgroupId.orthogonal(0.3, 2), new Irrep(new int[] {1, 3})),
                Representations.restrict(Representations.irrep(O2, 1, 3), SubgroupId.orthogonal(0.3, 2)).recipe());
    }

    @Test
    void restrictionsOfRestrictionsNestTheirRecipes() {
        SubgroupId rotations = SubgroupId.dihedral(null, 6);
        Representation once = Representations.restrict(Representations.regular(D6), rotations);
        Representation twice = Representations.restrict(once, SubgroupId.rotations(3));
        Group c6 = D6.subgroup(rotations).group();
        assertEquals(new Restricted(c6, SubgroupId.rotations(3), new Restricted(D6, rotations, new Regular())),
                twice.recipe());
        assertEquals(twice, twice.recipe().build(Groups.cyclic(3)));

        SubgroupId axis = SubgroupId.dihedral(1, 3);
        Representation toD3 = Representations.restrict(Representations.quotient(D6, SubgroupId.dihedral(0, 2)), axis);
        Representation toFlips = Representations.restrict(toD3, SubgroupId.dihedral(1, 1));
        assertEquals(toFlips, toFlips.recipe().build(toFlips.group()));

        Representation so2ToC4 = Representations.restrict(Representations.restrict(Representations.irrep(O2, 1, 3),
                SubgroupId.orthogonal(null, -1)), SubgroupId.rotations(4));
        assertEquals(so2ToC4, so2ToC4.recipe().build(Groups.cyclic(4)));
    }

    @Test
    void subgroupsOfTheSameOrderAlongDifferentAxesGiveDifferentRecipes() {
        Representation axis0 = Representations.restrict(Representations.regular(D4), SubgroupId.dihedral(0, 2));
        Representation axis1 = Representations.restrict(Representations.regular(D4), SubgroupId.dihedral(1, 2));
        assertEquals(axis0.name(), axis1.name(), "the names do not tell the axes apart");
        assertNotEquals(axis0.recipe(), axis1.recipe());
        assertEquals(axis1, axis1.recipe().build(axis1.group()));
    }

    @Test
    void disentangledPartsRecordTheirIndexAndSource() {
        Representation restricted = Representations.restrict(Representations.irrep(D4, 1, 1), SubgroupId.dihedral(0, 1));
        List<Representation> parts = Representations.disentangle(restricted).parts();
        assertEquals(2, parts.size(), "irrep_1,1 of D4 on the flips along axis 0 splits into two signs");
        for (int i = 0; i < parts.size(); i++) {
            assertEquals(new Disentangled(i, restricted.recipe()), parts.get(i).recipe());
            assertEquals(parts.get(i), parts.get(i).recipe().build(restricted.group()));
        }
        Disentangled missing = new Disentangled(parts.size(), restricted.recipe());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> missing.build(restricted.group()));
        assertTrue(e.getMessage().contains("part " + parts.size()), e.getMessage());
    }

    @Test
    void concatenatedRepresentationsRecordTheirSource() {
        Representation quotient = Representations.quotient(D4, SubgroupId.dihedral(0, 1));
        Representation c = Representations.concatenated(quotient);
        assertEquals(new Concatenated(quotient.recipe()), c.recipe());
        assertEquals("concatenated_" + quotient.name(), c.name());
        assertEquals(c, c.recipe().build(D4));
        Representation sign = Representations.irrep(Groups.cyclic(2), 1);
        assertEquals(Representations.concatenated(sign), new Concatenated(sign.recipe()).build(Groups.cyclic(2)),
                "the flips' sign irrep");
    }

    @Test
    void directSumsAndChangesOfBasisRecordTheirPartsNameAndMatrix() {
        List<Representation> parts = List.of(Representations.irrep(C8, 1), Representations.quotient(C8,
                SubgroupId.rotations(4)));
        Representation sum = Representations.directSum(parts, null);
        assertEquals(new DirectSum(List.of(parts.get(0).recipe(), parts.get(1).recipe()), sum.name()), sum.recipe());
        double[][] swap = {{0, 1}, {1, 0}};
        Representation swapped = Representations.changeBasis(Representations.irrep(SO2, 2), swap, "swapped",
                EnumSet.of(Nonlinearity.NORM));
        ChangeOfBasis recipe = new ChangeOfBasis(new Irrep(new int[] {2}), new double[][] {{0, 1}, {1, 0}}, "swapped",
                EnumSet.of(Nonlinearity.NORM));
        assertEquals(recipe, swapped.recipe());
        assertEquals(recipe.hashCode(), swapped.recipe().hashCode());
        assertEquals(swapped, recipe.build(SO2));
        swap[0][0] = 5;
        assertEquals(recipe, swapped.recipe(), "the recipe keeps its own copy of the matrix");
    }

    @Test
    void aRestrictionRebuiltForAnotherGroupIsRefusedNamingBoth() {
        Restricted toC4 = new Restricted(C8, SubgroupId.rotations(4), new Regular());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> toC4.build(Groups.cyclic(2)));
        assertTrue(e.getMessage().contains("C4") && e.getMessage().contains("C2"), e.getMessage());
    }

    @Test
    void recipesWithArraysCompareByContent() {
        assertEquals(new Irrep(new int[] {1, 1}), new Irrep(new int[] {1, 1}));
        assertEquals(new Irrep(new int[] {1, 1}).hashCode(), new Irrep(new int[] {1, 1}).hashCode());
        assertNotEquals(new Irrep(new int[] {1, 1}), new Irrep(new int[] {1, 0}));
        assertEquals(new Induced(SubgroupId.rotations(2), new int[] {1}), new Induced(SubgroupId.rotations(2),
                new int[] {1}));
        assertNotEquals(new Induced(SubgroupId.rotations(2), new int[] {1}), new Induced(SubgroupId.rotations(4),
                new int[] {1}));
        int[] id = {3};
        Irrep irrep = new Irrep(id);
        id[0] = 1;
        assertEquals(new Irrep(new int[] {3}), irrep, "the recipe keeps its own copy of the id");
    }
}
