package org.e2dl4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;

import org.e2dl4j.math.group.SubgroupId;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.math.repr.Nonlinearity;
import org.e2dl4j.math.repr.Representation;
import org.e2dl4j.math.repr.Representations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FieldTypeJsonTest {

    static Stream<FieldType> fieldTypes() {
        GSpace c8 = GSpaces.rot2dOnR2(8);
        GSpace d4 = GSpaces.flipRot2dOnR2(4);
        GSpace so2 = GSpaces.rot2dOnR2(-1, 4);
        GSpace o2 = GSpaces.flipRot2dOnR2(-1, 3);
        GSpace tilted = GSpaces.flipRot2dOnR2(6, 3, 0.25);
        return Stream.of(
                FieldType.regular(c8, 3).plus(FieldType.irrep(c8, 2, 1)).plus(FieldType.trivial(c8, 1)),
                new FieldType(d4, List.of(d4.irrep(1, 1), d4.regularRepr(), d4.irrep(1, 1), d4.trivialRepr())),
                FieldType.irrep(so2, 2, 3).plus(FieldType.trivial(so2, 1)),
                FieldType.irrep(o2, 1, 1, 2).plus(FieldType.irrep(o2, 1, 1, 0)),
                FieldType.regular(tilted, 1),
                FieldType.regular(GSpaces.flip2dOnR2(), 2),
                FieldType.trivial(GSpaces.trivialOnR2(), 3),
                FieldType.of(c8, c8.quotientRepr(SubgroupId.rotations(2)), 2),
                FieldType.of(d4, d4.quotientRepr(SubgroupId.dihedral(null, 2)), 1)
                        .plus(FieldType.of(d4, d4.quotientRepr(SubgroupId.dihedral(0, 1)), 1)),
                FieldType.of(c8, c8.inducedRepr(SubgroupId.rotations(4),
                        Representations.irrep(c8.fibergroup().subgroup(SubgroupId.rotations(4)).group(), 1)), 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fieldTypes")
    void descriptionRebuildsAnEqualFieldType(FieldType type) {
        String json = FieldTypeJson.describe(type);
        assertEquals(type, FieldTypeJson.parse(json), "round trip through " + json);
        assertFalse(json.contains("[["), "the description must not hold matrices: " + json);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fieldTypes")
    void javaSerializationRebuildsAnEqualFieldType(FieldType type) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(type);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertEquals(type, in.readObject(), "Java serialization round trip");
        }
    }

    @Test
    void descriptionIsShortAndReadable() {
        GSpace c8 = GSpaces.rot2dOnR2(8);
        FieldType t = FieldType.regular(c8, 2).plus(FieldType.irrep(c8, 1, 1));
        assertEquals("{\"gspace\":\"rot2dOnR2\",\"n\":8,\"fields\":[\"regular*2\",\"irrep:1\"]}",
                FieldTypeJson.describe(t), "JSON of 2 regular fields and one irrep_1 field of C8");
    }

    @Test
    void representationWithoutADescriptionIsRejectedByName() {
        GSpace c4 = GSpaces.rot2dOnR2(4);
        Representation custom = Representations.changeBasis(c4.irrep(1), new double[][] {{0, 1}, {1, 0}}, "swapped",
                EnumSet.noneOf(Nonlinearity.class));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FieldTypeJson.describe(FieldType.of(c4, custom, 1)));
        assertTrue(e.getMessage().contains("'swapped'"), "message should name the representation: " + e.getMessage());
    }

    @Test
    void unknownKeysAndGSpacesAreRejectedWithTheValidForms() {
        IllegalArgumentException key = assertThrows(IllegalArgumentException.class,
                () -> FieldTypeJson.parse("{\"gspace\":\"rot2dOnR2\",\"n\":4,\"fields\":[\"vector\"]}"));
        assertTrue(key.getMessage().contains("'vector'") && key.getMessage().contains("irrep:k"), key.getMessage());
        IllegalArgumentException gs = assertThrows(IllegalArgumentException.class,
                () -> FieldTypeJson.parse("{\"gspace\":\"rot3d\",\"fields\":[\"trivial\"]}"));
        assertTrue(gs.getMessage().contains("rot3d") && gs.getMessage().contains("flipRot2dOnR2"), gs.getMessage());
    }
}
