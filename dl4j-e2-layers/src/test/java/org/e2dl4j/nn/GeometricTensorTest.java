package org.e2dl4j.nn;

import static org.e2dl4j.testing.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.e2dl4j.math.group.GroupElement;
import org.e2dl4j.math.group.SubgroupId;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.nn.testing.TestNetworks;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class GeometricTensorTest {

    private static final GSpace C4 = GSpaces.rot2dOnR2(4);
    private static final GSpace C8 = GSpaces.rot2dOnR2(8);

    /** regular (channels 0-3), irrep 1 (4-5), trivial (6): three fields, seven channels. */
    private static final FieldType THREE = FieldType.regular(C4, 1).plus(FieldType.irrep(C4, 1, 1))
            .plus(FieldType.trivial(C4, 1));

    private static GeometricTensor three(long seed) {
        return new GeometricTensor(TestNetworks.gaussian(DataType.DOUBLE, seed, 2, 7, 5, 5), THREE);
    }

    private static INDArray channels(INDArray x, long from, long to) {
        return x.get(NDArrayIndex.all(), NDArrayIndex.interval(from, to), NDArrayIndex.all(), NDArrayIndex.all());
    }

    @Test
    void constructionChecksRankAndChannels() {
        assertRejected(() -> new GeometricTensor(Nd4j.zeros(DataType.DOUBLE, 2, 7, 5), THREE),
                "GeometricTensor", "rank-4", "got rank 3", "[2, 7, 5]");
        assertRejected(() -> new GeometricTensor(Nd4j.zeros(DataType.DOUBLE, 2, 6, 5, 5), THREE),
                "GeometricTensor", "expected 7 channels", "got 6 channels");
        assertThrows(NullPointerException.class, () -> new GeometricTensor(null, THREE));
    }

    @Test
    void slicingByFieldsKeepsFieldBoundaries() {
        GeometricTensor t = three(1);
        GeometricTensor middle = t.fields(1, 3);
        assertEquals(FieldType.irrep(C4, 1, 1).plus(FieldType.trivial(C4, 1)), middle.type(), "fields 1 and 2");
        assertEquals(channels(t.tensor(), 4, 7), middle.tensor(), "channels 4..6");
        assertSame(t, t.fields(0, 3), "all the fields: the tensor itself");

        GeometricTensor picked = t.fields(List.of(2, 0));
        assertEquals(FieldType.trivial(C4, 1).plus(FieldType.regular(C4, 1)), picked.type(), "fields 2, 0 in order");
        assertEquals(channels(t.tensor(), 6, 7), channels(picked.tensor(), 0, 1), "trivial channel first");
        assertEquals(channels(t.tensor(), 0, 4), channels(picked.tensor(), 1, 5), "then the regular field");

        assertRejected(() -> t.fields(2, 2), "fields", "0 <= from < to <= 3", "got [2, 2)");
        assertRejected(() -> t.fields(0, 4), "fields", "got [0, 4)");
        assertThrows(IndexOutOfBoundsException.class, () -> t.fields(List.of(3)));
        assertRejected(() -> t.fields(List.of()), "at least one field");
    }

    @Test
    void splitByLabelsGroupsFieldsInOrderOfFirstAppearance() {
        GeometricTensor t = three(2);
        Map<String, GeometricTensor> parts = t.splitByLabels(List.of("gated", "gate", "gated"));
        assertEquals(List.of("gated", "gate"), List.copyOf(parts.keySet()));
        assertEquals(FieldType.regular(C4, 1).plus(FieldType.trivial(C4, 1)), parts.get("gated").type());
        assertEquals(channels(t.tensor(), 6, 7), channels(parts.get("gated").tensor(), 4, 5));
        assertEquals(channels(t.tensor(), 4, 6), parts.get("gate").tensor());
        assertRejected(() -> t.splitByLabels(List.of("a", "b")), "one label per field", "3 fields", "2 labels");
    }

    @Test
    void batchAndCropAreViewsOfTheSameType() {
        GeometricTensor t = three(3);
        GeometricTensor second = t.batch(1, 2);
        assertArrayEquals(new long[] {1, 7, 5, 5}, second.shape());
        assertEquals(t.tensor().get(NDArrayIndex.interval(1, 2)), second.tensor());
        assertEquals(THREE, second.type());
        GeometricTensor window = t.crop(1, 4, 0, 2);
        assertArrayEquals(new long[] {2, 7, 3, 2}, window.shape());
        assertEquals(t.tensor().getDouble(1, 5, 3, 1), window.tensor().getDouble(1, 5, 2, 1), 0, "pixel (3, 1)");
        assertRejected(() -> t.batch(0, 3), "batch", "0 <= from < to <= 2", "got [0, 3)");
        assertRejected(() -> t.crop(0, 6, 0, 2), "crop", "rows", "got [0, 6)");
        assertRejected(() -> t.crop(0, 2, 3, 3), "crop", "columns", "got [3, 3)");
    }

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
        assertEquals(x, GeometricTensor.directSum(parts.get(0), parts.get(1), parts.get(2)).tensor(), "varargs");
        assertRejected(() -> new GeometricTensor(x, t).split(3, 1), "split", "increase strictly", "[3, 1]");
        assertRejected(() -> new GeometricTensor(x, t).split(5), "split", "(0, 5)", "[5]");
    }

    @Test
    void directSumRefusesMismatchedParts() {
        GeometricTensor t = three(4);
        GeometricTensor oneExample = t.batch(0, 1);
        assertRejected(() -> GeometricTensor.directSum(t, oneExample), "directSum", "batch size", "part 1");
        GeometricTensor onC8 = new GeometricTensor(Nd4j.zeros(DataType.DOUBLE, 2, 1, 5, 5), FieldType.trivial(C8, 1));
        assertRejected(() -> GeometricTensor.directSum(t, onC8), "same G-space");
        assertRejected(() -> GeometricTensor.directSum(List.of()), "at least one tensor");
        GeometricTensor asFloat = new GeometricTensor(t.tensor().castTo(DataType.FLOAT), THREE);
        assertRejected(() -> GeometricTensor.directSum(t, asFloat), "data type", "FLOAT");
    }

    /**
     * Regular C8 restricted to C4 (the rotations by multiples of 90 degrees, r^2 of C8) is two regular C4 fields,
     * on the even and on the odd channels: r^2 of C8 sends e_i to e_(i+2).
     */
    @Test
    void restrictingRegularC8ToC4GivesTwoRegularC4FieldsOnTheSameData() {
        INDArray x = TestNetworks.gaussian(DataType.DOUBLE, 5, 1, 8, 5, 5);
        GeometricTensor t = new GeometricTensor(x, FieldType.regular(C8, 1));
        GeometricTensor r = t.restrict(SubgroupId.rotations(4));
        assertSame(x, r.tensor(), "the same data");
        assertEquals(C4, r.type().gspace(), "C8 restricted to 4 rotations acts as C4");
        GroupElement quarter = C4.fibergroup().elements().get(1);
        double[][] rho = r.type().fiberMatrix(quarter);
        double[][] regularC4 = FieldType.regular(C4, 1).fiberMatrix(quarter);
        for (int parity = 0; parity < 2; parity++) {
            for (int i = 0; i < 4; i++) {
                for (int j = 0; j < 4; j++) {
                    assertEquals(regularC4[i][j], rho[2 * i + parity][2 * j + parity], 1e-12,
                            "channels of parity " + parity + ": a regular C4 field");
                    assertEquals(0, rho[2 * i + parity][2 * j + 1 - parity], 1e-12, "no mixing of the parities");
                }
            }
        }
        assertEquals(t.transform(C8.fibergroup().elements().get(2)).tensor(), r.transform(quarter).tensor(),
                "C4's quarter turn acts as C8's r^2");
        assertRejected(() -> t.restrict(SubgroupId.rotations(3)), "3");
    }

    /** A quarter turn is np.rot90 (counter-clockwise as displayed) of every map and rho(g) on every pixel. */
    @Test
    void transformByAQuarterTurnIsARot90AndTheFiberMatrix() {
        FieldType vector = FieldType.irrep(C4, 1, 1);
        int n = 5;
        INDArray x = TestNetworks.gaussian(DataType.DOUBLE, 6, 1, 2, n, n);
        INDArray expected = Nd4j.zeros(DataType.DOUBLE, 1, 2, n, n);
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                // the pixel at (c, n-1-r) lands at (r, c); the vector (u, v) turns into (-v, u)
                double u = x.getDouble(0, 0, c, n - 1 - r);
                double v = x.getDouble(0, 1, c, n - 1 - r);
                expected.putScalar(new int[] {0, 0, r, c}, -v);
                expected.putScalar(new int[] {0, 1, r, c}, u);
            }
        }
        GeometricTensor t = new GeometricTensor(x, vector);
        GroupElement quarter = C4.fibergroup().elements().get(1);
        assertTrue(new GeometricTensor(expected, vector).allClose(t.transform(quarter), 1e-15, 0), "rot90 + rho");
        INDArray fibersOnly = t.transformFibers(quarter).tensor();
        assertEquals(x.getDouble(0, 1, 2, 3) * -1, fibersOnly.getDouble(0, 0, 2, 3), 1e-15, "pixels stay in place");
    }

    @Test
    void arithmeticNeedsTheSameTypeShapeAndDataType() {
        GeometricTensor a = three(7);
        GeometricTensor b = three(8);
        assertEquals(a.tensor().add(b.tensor()), a.add(b).tensor());
        assertEquals(a.tensor().sub(b.tensor()), a.sub(b).tensor());
        assertEquals(a.tensor().mul(-2.5), a.mul(-2.5).tensor());
        GroupElement g = C4.fibergroup().elements().get(1);
        assertTrue(a.transform(g).add(b.transform(g).mul(3)).allClose(a.add(b.mul(3)).transform(g), 1e-12, 0),
                "g.(a + 3 b) = g.a + 3 g.b (the action is linear)");
        assertRejected(() -> a.add(new GeometricTensor(a.tensor(), FieldType.trivial(C4, 7))), "add",
                "same field type");
        assertRejected(() -> a.sub(a.batch(0, 1)), "sub", "same shape (no broadcasting)", "[2, 7, 5, 5]",
                "[1, 7, 5, 5]");
        assertRejected(() -> a.add(new GeometricTensor(b.tensor().castTo(DataType.FLOAT), THREE)), "add",
                "same data type (no conversion)", "DOUBLE and FLOAT");
        assertRejected(() -> a.mul(Double.NaN), "mul", "finite", "NaN");
    }

    @Test
    void allCloseIsNumpysAllclose() {
        GeometricTensor a = three(9);
        assertTrue(a.allClose(a, 0, 0));
        INDArray nudged = a.tensor().dup();
        double v = nudged.getDouble(1, 3, 2, 2);
        nudged.putScalar(new int[] {1, 3, 2, 2}, v + 1e-3);
        GeometricTensor b = new GeometricTensor(nudged, THREE);
        assertTrue(a.allClose(b, 1e-3 + 1e-12, 0), "within atol");
        assertFalse(a.allClose(b, 1e-3 - 1e-9, 0), "just outside atol");
        assertTrue(a.allClose(b, 0, 1e-3 / Math.abs(v + 1e-3) + 1e-9), "within rtol times |other|");
        nudged.putScalar(new int[] {0, 0, 0, 0}, Double.NaN);
        assertFalse(a.allClose(b, 1, 1), "NaN is never close");
        assertFalse(a.allClose(a.fields(0, 2), 1, 1), "another type");
        assertFalse(a.allClose(a.batch(0, 1), 1, 1), "another shape");
        assertRejected(() -> a.allClose(a, -1, 0), "allClose", ">= 0");
    }
}
