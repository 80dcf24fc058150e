package org.e2dl4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;

import org.e2dl4j.math.group.SubgroupId;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.math.repr.Representation;
import org.e2dl4j.math.repr.Representations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * JSON descriptions of the field types the structure modules produce: restrictions to subgroups
 * ({@code RestrictionModule}) and disentangled representations ({@code DisentangleModule}).
 */
class DerivedFieldTypeJsonTest {

    private static final GSpace C8 = GSpaces.rot2dOnR2(8);
    private static final GSpace D4 = GSpaces.flipRot2dOnR2(4);

    static Stream<FieldType> derivedTypes() {
        FieldType d4Mixed = new FieldType(D4, List.of(D4.regularRepr(), D4.irrep(1, 1), D4.trivialRepr()));
        FieldType restrictedToFlips = FieldType.regular(D4, 2).restrict(SubgroupId.dihedral(0, 1));
        return Stream.of(
                FieldType.regular(C8, 2).plus(FieldType.irrep(C8, 1, 3)).restrict(SubgroupId.rotations(4)),
                d4Mixed.restrict(SubgroupId.dihedral(null, 4)),
                d4Mixed.restrict(SubgroupId.dihedral(0, 1)),
                d4Mixed.restrict(SubgroupId.dihedral(1, 2)),
                d4Mixed.restrict(SubgroupId.dihedral(0, 2)),
                d4Mixed.restrict(SubgroupId.dihedral(1, 1)),
                FieldType.regular(D4, 1).restrict(SubgroupId.dihedral(null, 4)).restrict(SubgroupId.rotations(2)),
                FieldType.irrep(GSpaces.flipRot2dOnR2(-1, 3), 1, 1, 2).restrict(SubgroupId.orthogonal(null, -1)),
                FieldType.irrep(GSpaces.flipRot2dOnR2(-1, 3), 1, 1, 2).restrict(SubgroupId.orthogonal(null, 4)),
                disentangled(restrictedToFlips),
                disentangled(FieldType.regular(C8, 1).plus(FieldType.of(C8, C8.quotientRepr(SubgroupId.rotations(2)), 1))));
    }

    /** The field type made of the disentangled parts of every field. */
    private static FieldType disentangled(FieldType type) {
        List<Representation> parts = type.representations().stream()
                .flatMap(r -> Representations.disentangle(r).parts().stream()).toList();
        return new FieldType(type.gspace(), parts);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("derivedTypes")
    void descriptionRebuildsAnEqualFieldType(FieldType type) {
        String json = FieldTypeJson.describe(type);
        assertEquals(type, FieldTypeJson.parse(json), "round trip through " + json);
    }

    @Test
    void restrictionKeyNamesTheParentTheSubgroupAndTheParentKey() {
        FieldType t = FieldType.regular(D4, 1).restrict(SubgroupId.dihedral(1, 2));
        String json = FieldTypeJson.describe(t);
        assertTrue(json.contains("\"restrict:D4:1,2:regular\""), "expected the key restrict:D4:1,2:regular in " + json);
    }

    @Test
    void reflectionAxesOfTheSameOrderAreToldApart() {
        FieldType axis0 = FieldType.regular(D4, 1).restrict(SubgroupId.dihedral(0, 2));
        FieldType axis1 = FieldType.regular(D4, 1).restrict(SubgroupId.dihedral(1, 2));
        assertNotEquals(axis0, axis1, "D4 restricted to (0, 2) and (1, 2) differ (different axes)");
        assertEquals(axis1, FieldTypeJson.parse(FieldTypeJson.describe(axis1)), "axis 1 must not come back as axis 0");
    }

    @Test
    void aRepresentationWithACustomBasisIsRefusedWithItsName() {
        Representation custom = Representations.changeBasis(C8.irrep(1), new double[][] {{0, 1}, {1, 0}},
                "swapped", java.util.EnumSet.noneOf(org.e2dl4j.math.repr.Nonlinearity.class));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FieldTypeJson.describe(new FieldType(C8, List.of(custom))));
        assertTrue(e.getMessage().contains("swapped"), "the message should name the representation: " + e.getMessage());
    }

    @Test
    void aRestrictionKeyOfTheWrongGroupIsRejected() {
        String json = "{\"gspace\":\"rot2dOnR2\",\"n\":2,\"fields\":[\"restrict:C8:4:regular\"]}";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FieldTypeJson.parse(json));
        assertTrue(e.getMessage().contains("C4") && e.getMessage().contains("C2"),
                "the message should name both groups: " + e.getMessage());
    }
}
