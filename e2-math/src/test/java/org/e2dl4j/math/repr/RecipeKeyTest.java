package org.e2dl4j.math.repr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;

import org.e2dl4j.math.group.Group;
import org.e2dl4j.math.group.Groups;
import org.e2dl4j.math.group.SubgroupId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The text keys of recipes: the keys of the JSON form of field types parse to the recipes they name and are
 * written back unchanged, every keyable representation's key rebuilds it (direct sums of keyable parts included),
 * and changes of basis and malformed keys are refused with the valid forms.
 */
class RecipeKeyTest {

    /** Keys as the JSON form of field types has always written them, with the group they belong to. */
    static Stream<Arguments> keys() {
        Group c8 = Groups.cyclic(8);
        Group d4 = Groups.dihedral(4);
        Group so2 = Groups.so2(3);
        Group o2 = Groups.o2(3);
        return Stream.of(
                Arguments.of(c8, "trivial"), Arguments.of(c8, "regular"), Arguments.of(c8, "irrep:3"),
                Arguments.of(d4, "trivial"), Arguments.of(d4, "irrep:1,1"), Arguments.of(d4, "irrep:0,2"),
                Arguments.of(c8, "quotient:2"), Arguments.of(d4, "quotient:None,2"), Arguments.of(d4, "quotient:0,1"),
                Arguments.of(d4, "induced:1,2:1,1"), Arguments.of(c8, "induced:4:1"),
                Arguments.of(Groups.cyclic(4), "restrict:C8:4:regular"),
                Arguments.of(Groups.dihedral(2), "restrict:D4:1,2:regular"),
                Arguments.of(Groups.cyclic(4), "restrict:D4:None,4:irrep:1,1"),
                Arguments.of(Groups.cyclic(2), "restrict:C4:2:restrict:D4:None,4:regular"),
                Arguments.of(so2, "restrict:O(2)@3:None,-1:irrep:1,2"),
                Arguments.of(Groups.cyclic(4), "restrict:O(2)@3:None,4:irrep:1,2"),
                Arguments.of(Groups.dihedral(2), "restrict:O(2)@3:0.3,2:irrep:1,3"),
                Arguments.of(Groups.cyclic(4), "restrict:SO(2)@3:4:irrep:2"),
                Arguments.of(Groups.cyclic(2), "disentangle:1:restrict:D4:0,1:irrep:1,1"),
                Arguments.of(c8, "disentangle:0:quotient:2"),
                Arguments.of(d4, "concatenated:regular"), Arguments.of(d4, "concatenated:irrep:1,0"),
                Arguments.of(o2, "irrep:1,3"), Arguments.of(so2, "trivial"),
                Arguments.of(o2, "quotient:None,-1"), Arguments.of(o2, "induced:None,-1:2"),
                Arguments.of(o2, "restrict:O(2)@3:0.5,-1:induced:None,-1:1"),
                Arguments.of(so2, "restrict:O(2)@3:None,-1:quotient:None,-1"),
                Arguments.of(d4, "user:square:0,0;1,1:norm:1.0,0.0,0.0;0.0,0.6,-0.8;0.0,0.8,0.6"),
                Arguments.of(Groups.cyclic(4), "restrict:D4:None,4:user:a%3Ab:1,1::0.0,1.0;1.0,0.0"),
                Arguments.of(d4, "disentangle:0:user:v:0,0;0,2::1.0,0.0;0.0,1.0"),
                Arguments.of(so2, "spectralRegular:0|1|2|3"), Arguments.of(o2, "spectralRegular:0,0|1,0|1,1"),
                Arguments.of(c8, "spectralRegular:0|2"), Arguments.of(o2, "spectralQuotient:None,-1:0,0|1,0|1,1"),
                Arguments.of(o2, "spectralQuotient:0.0,1:0,0|1,1"), Arguments.of(so2, "spectralQuotient:2:0|1|2"),
                Arguments.of(d4, "spectralQuotient:0,1:0,0|1,0|1,1|1,2|0,2"),
                Arguments.of(c8, "sum[trivial][trivial][irrep:1][irrep:3]:gated"),
                Arguments.of(d4, "sum[regular][sum[trivial][irrep:1,1]:[trivial]_[irrep_1,1]]:nested: a:b"),
                Arguments.of(Groups.cyclic(4), "sum[restrict:C8:4:regular]:"),
                Arguments.of(so2, "sum[spectralRegular:0|1][trivial]:mixed"),
                Arguments.of(d4, "sum[user:v:0,0;0,2::1.0,0.0;0.0,1.0][regular]:with user"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("keys")
    void aKeyIsWrittenBackUnchangedAndBuildsItsRepresentation(Group group, String key) {
        RepresentationRecipe recipe = RecipeKey.parse(group, key);
        assertEquals(key, RecipeKey.format(recipe));
        Representation r = recipe.build(group);
        assertEquals(recipe, r.recipe());
        assertEquals(key, RecipeKey.format(r.recipe()));
    }

    @Test
    void everyKeyableSampleRepresentationIsRebuiltFromItsKey() {
        int keyed = 0;
        for (Representation r : SampleRepresentations.all()) {
            if (!keyable(r.recipe())) {
                continue;
            }
            String key = RecipeKey.format(r.recipe());
            assertEquals(r, RecipeKey.parse(r.group(), key).build(r.group()), key);
            keyed++;
        }
        assertTrue(keyed > 1000, "most samples have keys: " + keyed);
    }

    /** Whether the recipe is built without direct sums and changes of basis. */
    private static boolean keyable(RepresentationRecipe recipe) {
        if (recipe instanceof RepresentationRecipe.Restricted r) {
            return keyable(r.of());
        }
        if (recipe instanceof RepresentationRecipe.Disentangled d) {
            return keyable(d.of());
        }
        if (recipe instanceof RepresentationRecipe.Concatenated c) {
            return keyable(c.of());
        }
        if (recipe instanceof RepresentationRecipe.DirectSum s) {
            return s.parts().stream().allMatch(RecipeKeyTest::keyable);
        }
        return !(recipe instanceof RepresentationRecipe.ChangeOfBasis);
    }

    @Test
    void changesOfBasisAndSumsNamedWithUnbalancedBracketsHaveNoKey() {
        Group c4 = Groups.cyclic(4);
        Representation sum = Representations.directSum(List.of(Representations.trivial(c4),
                Representations.regular(c4)), "odd]name");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RecipeKey.format(sum.recipe()));
        assertTrue(e.getMessage().contains("direct sum named with unbalanced brackets"), e.getMessage());
        Representation swapped = Representations.changeBasis(Representations.irrep(c4, 1), new double[][] {{0, 1},
                {1, 0}}, "swapped", EnumSet.noneOf(Nonlinearity.class));
        Representation restricted = Representations.restrict(swapped, SubgroupId.rotations(2));
        e = assertThrows(IllegalArgumentException.class, () -> RecipeKey.format(restricted.recipe()));
        assertTrue(e.getMessage().contains("change of basis"), e.getMessage());
    }

    @Test
    void malformedKeysAreRefusedWithTheValidForms() {
        Group d4 = Groups.dihedral(4);
        for (String key : List.of("vector", "irrep", "regular:2", "irrep:x", "disentangle:a:regular", "induced:0,1",
                "sum[trivial]", "sum[trivial", "sum[]:x")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RecipeKey.parse(d4, key));
            assertTrue(e.getMessage().contains("'" + key + "'") && e.getMessage().contains("irrep:k"), e.getMessage());
        }
        for (String key : List.of("user:v:1,1:norm", "user:v:1,1:norm:1.0,0.0;0.0,1.0:x", "user:v:1,x::1.0")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RecipeKey.parse(d4, key));
            assertTrue(e.getMessage().contains("'" + key + "'") && e.getMessage().contains("user:<name>"), e.getMessage());
        }
        IllegalArgumentException nonlinearity = assertThrows(IllegalArgumentException.class,
                () -> RecipeKey.parse(d4, "user:v:1,1:sparkle:1.0,0.0;0.0,1.0"));
        assertTrue(nonlinearity.getMessage().contains("sparkle"), nonlinearity.getMessage());
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> RecipeKey.parse(d4, "user:v:1,1::NaN,0.0;0.0,1.0").build(d4));
        assertTrue(nan.getMessage().contains("user representation 'v' of D4") && nan.getMessage().contains("NaN"),
                nan.getMessage());
        IllegalArgumentException group = assertThrows(IllegalArgumentException.class,
                () -> RecipeKey.parse(d4, "restrict:E8:1:regular"));
        assertTrue(group.getMessage().contains("E8"), group.getMessage());
        IllegalArgumentException subgroup = assertThrows(IllegalArgumentException.class,
                () -> RecipeKey.parse(d4, "quotient:2"));
        assertTrue(subgroup.getMessage().contains("None,M"), subgroup.getMessage());
    }

    @Test
    void subgroupAndGroupKeysRoundTrip() {
        for (Group g : List.of(Groups.cyclic(6), Groups.dihedral(6), Groups.so2(2), Groups.o2(2))) {
            assertEquals(g, RecipeKey.parseGroup(RecipeKey.formatGroup(g)));
        }
        for (SubgroupId id : List.of(SubgroupId.dihedral(null, 3), SubgroupId.dihedral(1, 2))) {
            assertEquals(id, RecipeKey.parseSubgroup(Groups.dihedral(6), RecipeKey.formatSubgroup(id)));
        }
        for (SubgroupId id : List.of(SubgroupId.orthogonal(null, -1), SubgroupId.orthogonal(Math.PI / 2, 1),
                SubgroupId.orthogonal(0.5, -1))) {
            assertEquals(id, RecipeKey.parseSubgroup(Groups.o2(2), RecipeKey.formatSubgroup(id)));
        }
        assertEquals("None,-1", RecipeKey.formatSubgroup(SubgroupId.orthogonal(null, -1)));
        assertEquals("1,2", RecipeKey.formatSubgroup(SubgroupId.dihedral(1, 2)));
    }
}
