package org.e2dl4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.e2dl4j.math.group.GroupElement;
import org.e2dl4j.math.group.Groups;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.nn.nonlinear.ReLU;
import org.e2dl4j.testing.Rejections;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Field types on escnn's G-space without base space: JSON, the action on [N, C] fibers, and their checks. */
class NoBaseSpaceFieldTypeTest {

    private static final GSpace C4 = GSpaces.noBaseSpace(Groups.cyclic(4));

    @Test
    void roundTripsThroughJson() {
        for (FieldType t : List.of(FieldType.regular(C4, 2).plus(FieldType.irrep(C4, 1, 1)),
                FieldType.irrep(GSpaces.noBaseSpace(Groups.dihedral(3)), 2, 1, 1),
                FieldType.irrep(GSpaces.noBaseSpace(Groups.so2(3)), 1, 2),
                FieldType.trivial(GSpaces.noBaseSpace(Groups.o2(6)), 3),
                FieldType.trivial(GSpaces.noBaseSpace(Groups.trivial()), 2))) {
            assertEquals(t, FieldTypeJson.parse(FieldTypeJson.describe(t)), FieldTypeJson.describe(t));
        }
        assertEquals("{\"gspace\":\"noBaseSpace\",\"group\":\"cyclic\",\"n\":4,\"fields\":[\"regular*2\"]}",
                FieldTypeJson.describe(FieldType.regular(C4, 2)));
        assertEquals("{\"gspace\":\"noBaseSpace\",\"group\":\"so2\",\"maximumFrequency\":3,\"fields\":[\"irrep:2\"]}",
                FieldTypeJson.describe(FieldType.irrep(GSpaces.noBaseSpace(Groups.so2(3)), 1, 2)));
    }

    @Test
    void badDescriptionsAreRefused() {
        Rejections.assertRejected(() -> FieldTypeJson.parse("{\"gspace\":\"noBaseSpace\",\"fields\":[\"regular\"]}"),
                "lacks 'group'");
        Rejections.assertRejected(() -> FieldTypeJson.parse(
                "{\"gspace\":\"noBaseSpace\",\"group\":\"icosahedral\",\"fields\":[\"regular\"]}"),
                "unknown group 'icosahedral'", "valid: cyclic, dihedral, so2, o2");
    }

    /** A quarter turn acts on a regular fiber by the cyclic shift and on irrep 1 by the rotation matrix. */
    @Test
    void actsOnFibersByRhoAlone() {
        FieldType t = FieldType.regular(C4, 1).plus(FieldType.irrep(C4, 1, 1));
        INDArray x = Nd4j.createFromArray(new double[][] {{1, 2, 3, 4, 1, 0}, {0, 0, 0, 1, 0, 1}});
        INDArray y = t.transform(x, GroupElement.finite(0, 1, 4));
        assertEquals(Nd4j.createFromArray(new double[][] {{4, 1, 2, 3, 0, 1}, {1, 0, 0, 0, -1, 0}}), y);
    }

    @Test
    void featureMapsAreNotFibers() {
        FieldType t = FieldType.regular(C4, 1);
        Rejections.assertRejected(() -> t.checkFeatureMap(Nd4j.zeros(2, 4, 3, 3), "here"), "here",
                "expected a rank-2 [batch, 4] array of fibers", "no base space", "got rank 4");
        Rejections.assertRejected(() -> FieldType.regular(GSpaces.rot2dOnR2(4), 1).checkFeatureMap(Nd4j.zeros(2, 4),
                "there"), "there", "expected a rank-4 NCHW feature map");
    }

    @Test
    void layersOnThePlaneRefuseFibers() {
        Rejections.assertRejected(() -> new ReLU.Builder(FieldType.regular(C4, 1)).name("relu").build(),
                "ReLU layer 'relu'", "expected a field type on a G-space with a 2-dimensional base space", "NoBaseSpace(C4)",
                "no base space");
    }
}
