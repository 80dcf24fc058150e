package org.e2dl4j.nn;

import static org.e2dl4j.testing.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.stream.Stream;

import org.e2dl4j.math.group.SubgroupId;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The JSON form of field types of the G-spaces of R^3: every factory round trips, defaults are escnn's. */
class FieldTypeJson3dTest {

    static Stream<FieldType> fieldTypes() {
        GSpace c4 = GSpaces.rot2dOnR3(4);
        GSpace so2 = GSpaces.rot2dOnR3();
        GSpace so2f5 = GSpaces.rot2dOnR3(-1, 5);
        GSpace d4 = GSpaces.dihedralOnR3(4);
        GSpace o2 = GSpaces.dihedralOnR3(-1, 3, 0.5);
        GSpace cone = GSpaces.conicalOnR3(6, 2, 0.25);
        return Stream.of(
                FieldType.regular(c4, 2).plus(FieldType.irrep(c4, 1, 1)),
                FieldType.irrep(so2, 2, 2).plus(FieldType.trivial(so2, 1)),
                FieldType.irrep(so2f5, 1, 5),
                FieldType.regular(d4, 1).plus(FieldType.of(d4, d4.quotientRepr(SubgroupId.dihedral(0, 1)), 2)),
                FieldType.irrep(o2, 1, 1, 3),
                FieldType.irrep(GSpaces.conicalOnR3(), 1, 1, 2),
                FieldType.regular(cone, 1),
                FieldType.regular(GSpaces.dihedralOnR3(1), 3),
                FieldType.regular(GSpaces.mirOnR3(), 1),
                FieldType.regular(GSpaces.mirOnR3(0.0), 1),
                FieldType.irrep(GSpaces.invOnR3(), 2, 1),
                FieldType.trivial(GSpaces.trivialOnR3(), 3),
                FieldType.regular(c4, 1).restrict(SubgroupId.rotations(2)),
                FieldType.irrep(GSpaces.rot3dOnR3(), 1, 1).plus(FieldType.irrep(GSpaces.rot3dOnR3(), 1, 2)),
                FieldType.irrep(GSpaces.rot3dOnR3(3), 1, 3),
                FieldType.irrep(GSpaces.flipRot3dOnR3(), 2, 1, 1),
                FieldType.regular(GSpaces.octaOnR3(), 1).plus(FieldType.trivial(GSpaces.octaOnR3(), 1)),
                FieldType.regular(GSpaces.fullOctaOnR3(), 1),
                FieldType.of(GSpaces.icoOnR3(), GSpaces.icoOnR3().irreps().get(2), 1),
                FieldType.trivial(GSpaces.fullIcoOnR3(), 2),
                FieldType.irrep(GSpaces.flipRot3dOnR3(), 1, 1, 2).restrict(SubgroupId.octa()),
                FieldType.regular(GSpaces.octaOnR3(), 1).restrict(SubgroupId.planarRotations(4)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fieldTypes")
    void descriptionRebuildsAnEqualFieldType(FieldType type) throws Exception {
        String json = FieldTypeJson.describe(type);
        assertEquals(type, FieldTypeJson.parse(json), "round trip through " + json);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(type);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertEquals(type, in.readObject(), "Java serialization round trip");
        }
    }

    @Test
    void descriptionsNameEscnnsFactories() {
        assertEquals("{\"gspace\":\"rot2dOnR3\",\"n\":4,\"fields\":[\"regular*2\"]}",
                FieldTypeJson.describe(FieldType.regular(GSpaces.rot2dOnR3(4), 2)));
        assertEquals("{\"gspace\":\"dihedralOnR3\",\"n\":1,\"fields\":[\"trivial\"]}",
                FieldTypeJson.describe(FieldType.trivial(GSpaces.dihedralOnR3(1), 1)));
        assertEquals("{\"gspace\":\"rot3dOnR3\",\"maximumFrequency\":2,\"fields\":[\"irrep:1\"]}",
                FieldTypeJson.describe(FieldType.irrep(GSpaces.rot3dOnR3(), 1, 1)));
        assertEquals("{\"gspace\":\"octaOnR3\",\"fields\":[\"regular\"]}",
                FieldTypeJson.describe(FieldType.regular(GSpaces.octaOnR3(), 1)));
        assertEquals("{\"gspace\":\"invOnR3\",\"fields\":[\"irrep:1\"]}",
                FieldTypeJson.describe(FieldType.irrep(GSpaces.invOnR3(), 1, 1)));
        // a missing maximum frequency is escnn's default on R^3, 2 (6 on the plane)
        assertEquals(FieldType.irrep(GSpaces.rot2dOnR3(), 1, 2),
                FieldTypeJson.parse("{\"gspace\":\"rot2dOnR3\",\"n\":-1,\"fields\":[\"irrep:2\"]}"));
        assertEquals(FieldType.trivial(GSpaces.mirOnR3(), 1),
                FieldTypeJson.parse("{\"gspace\":\"conicalOnR3\",\"n\":1,\"fields\":[\"trivial\"]}"),
                "conicalOnR3(1) is mirOnR3, as in escnn");
    }

    @Test
    void badDescriptionsAreRefusedClearly() {
        assertRejected(() -> FieldTypeJson.parse("{\"gspace\":\"rot3dOnR2\",\"fields\":[\"trivial\"]}"),
                "unknown gspace 'rot3dOnR2'", "rot2dOnR3", "trivialOnR3");
        assertRejected(() -> FieldTypeJson.parse("{\"gspace\":\"dihedralOnR3\",\"fields\":[\"trivial\"]}"),
                "lacks 'n'");
        assertRejected(() -> FieldTypeJson.parse("{\"gspace\":\"rot2dOnR3\",\"n\":0,\"fields\":[\"trivial\"]}"),
                "rot2dOnR3", "N = 0");
        assertRejected(() -> FieldTypeJson.parse("{\"gspace\":\"invOnR3\",\"fields\":[\"irrep:2\"]}"),
                "bad field key");
    }
}
