package org.e2dl4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.nn.testing.TestNetworks;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

class GeometricTensorTest {

    private static final GSpace C4 = GSpaces.rot2dOnR2(4);

    @Test
    void splitThenDirectSumGivesBackTheTensorAndItsType() {
        FieldType t = FieldType.regular(C4, 2).plus(FieldType.irrep(C4, 1, 1)).plus(FieldType.trivial(C4, 2));
        INDArray x = TestNetworks.gaussian(DataType.DOUBLE, 1, 2, t.size(), 3, 3);
        List<GeometricTensor> parts = new GeometricTensor(x, t).split(1, 3);
        assertEquals(3, parts.size(), "parts for breakpoints 1, 3");
        assertEquals(FieldType.regular(C4, 1), parts.get(0).type(), "first part: field 0");
        assertEquals(FieldType.regular(C4, 1).plus(FieldType.irrep(C4, 1, 1)), parts.get(1).type(), "fields 1-2");
        GeometricTensor back = GeometricTensor.directSum(parts);
        assertEquals(t, back.type(), "direct sum of the parts' types");
        assertEquals(x, back.tensor(), "direct sum of the parts' channels");
    }

    @Test
    void transformAndAddKeepTheType() {
        FieldType t = FieldType.regular(C4, 1);
        GeometricTensor a = new GeometricTensor(TestNetworks.gaussian(DataType.DOUBLE, 2, 1, 4, 3, 3), t);
        GeometricTensor b = new GeometricTensor(TestNetworks.gaussian(DataType.DOUBLE, 3, 1, 4, 3, 3), t);
        var g = C4.fibergroup().elements().get(1);
        assertEquals(a.transform(g).add(b.transform(g)).tensor(), a.add(b).transform(g).tensor(),
                "g.(a + b) = g.a + g.b (linearity of the action)");
        assertThrows(IllegalArgumentException.class, () -> a.add(new GeometricTensor(
                TestNetworks.gaussian(DataType.DOUBLE, 4, 1, 4, 3, 3), FieldType.trivial(C4, 4))));
        assertThrows(IllegalArgumentException.class, () -> new GeometricTensor(
                TestNetworks.gaussian(DataType.DOUBLE, 4, 1, 3, 3, 3), t));
    }
}
