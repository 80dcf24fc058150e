package org.e2dl4j.nn.e2cnn;

import static org.e2dl4j.testing.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The .npy codec: hand-written bytes as numpy writes them, round trips of the three types, bad files refused. */
class NpyTest {

    /** numpy 1.24: {@code np.save(f, np.array([1.5, -2], dtype='<f4'))}. */
    @Test
    void readsBytesAsNumpyWritesThem() {
        String header = "{'descr': '<f4', 'fortran_order': False, 'shape': (2,), }";
        byte[] h = (header + " ".repeat(128 - 10 - header.length() - 1) + "\n").getBytes(StandardCharsets.US_ASCII);
        byte[] bytes = new byte[10 + h.length + 8];
        byte[] magic = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, (byte) h.length, 0};
        System.arraycopy(magic, 0, bytes, 0, 10);
        System.arraycopy(h, 0, bytes, 10, h.length);
        // 1.5f = 0x3FC00000, -2f = 0xC0000000, little-endian
        bytes[10 + h.length + 2] = (byte) 0xC0;
        bytes[10 + h.length + 3] = 0x3F;
        bytes[10 + h.length + 7] = (byte) 0xC0;
        INDArray a = Npy.read("x", bytes);
        assertEquals(DataType.FLOAT, a.dataType());
        assertArrayEquals(new long[] {2}, a.shape());
        assertArrayEquals(new float[] {1.5f, -2f}, a.toFloatVector());
        assertEquals(0, (10 + h.length) % 64, "the header is padded to 64 bytes");
        assertArrayEquals(bytes, Npy.write(a), "and written back byte for byte");
    }

    @Test
    void roundTripsFloatDoubleLongAndScalars() {
        for (INDArray a : new INDArray[] {Nd4j.createFromArray(new float[][] {{1, 2, 3}, {4, 5, 6}}),
                Nd4j.createFromArray(1e-300, -3.25), Nd4j.scalar(7L), Nd4j.createFromArray(new long[] {1L << 40})}) {
            INDArray back = Npy.read("a", Npy.write(a));
            assertEquals(a.dataType(), back.dataType());
            assertArrayEquals(a.shape(), back.shape());
            assertEquals(a, back);
        }
    }

    @Test
    void refusesWhatIsNotASupportedNpy() {
        assertRejected(() -> Npy.read("w", new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}), "'w'", "magic");
        byte[] int32 = Npy.write(Nd4j.createFromArray(1f));
        byte[] edited = new String(int32, StandardCharsets.ISO_8859_1).replace("<f4", "<i4")
                .getBytes(StandardCharsets.ISO_8859_1);
        assertRejected(() -> Npy.read("k", edited), "'k'", "'<i4'", "float32", "int64");
        byte[] shortData = java.util.Arrays.copyOf(int32, int32.length - 1);
        assertRejected(() -> Npy.read("s", shortData), "'s'", "3 data bytes", "needs 4");
    }

    @Test
    void refusesFortranOrder() {
        byte[] fortran = edit(Npy.write(Nd4j.createFromArray(new float[][] {{1, 2}, {3, 4}})), "False", "True ");
        assertRejected(() -> Npy.read("f", fortran), "'f'", "Fortran order", "C order");
    }

    @Test
    void refusesABadShape() {
        byte[] vector = Npy.write(Nd4j.createFromArray(1f, 2f));
        assertRejected(() -> Npy.read("n", edit(vector, "(2,)", "(x,)")), "'n'", "shape (x,)",
                "non-negative integers");
        assertRejected(() -> Npy.read("m", edit(vector, "(2,)", "(-2)")), "'m'", "shape (-2)",
                "non-negative integers");
    }

    @Test
    void refusesAHeaderMissingAField() {
        byte[] vector = Npy.write(Nd4j.createFromArray(1f, 2f));
        assertRejected(() -> Npy.read("d", edit(vector, "'descr'", "'descX'")), "'d'", "header has no 'descr'");
        assertRejected(() -> Npy.read("o", edit(vector, "'fortran_order'", "'fortran_ordeX'")), "'o'",
                "header has no 'fortran_order'");
        assertRejected(() -> Npy.read("p", edit(vector, "'shape'", "'shapX'")), "'p'", "header has no 'shape'");
    }

    /** The bytes with one header text replaced by another of the same length (the header length stays right). */
    private static byte[] edit(byte[] npy, String from, String to) {
        assertEquals(from.length(), to.length());
        String text = new String(npy, StandardCharsets.ISO_8859_1);
        assertEquals(1, text.split(java.util.regex.Pattern.quote(from), -1).length - 1, "one '" + from + "'");
        return text.replace(from, to).getBytes(StandardCharsets.ISO_8859_1);
    }
}
