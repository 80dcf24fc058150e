package org.e2dl4j.samples.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {


    @Test
    void handMadeFileGivesItsShapeAndUnsignedValuesInRowMajorOrder() throws IOException {
        IdxArray array = IdxReader.read(new ByteArrayInputStream(IdxExamples.TWO_BY_TWO_BY_THREE), "hand-made");

        assertArrayEquals(new int[] {2, 2, 3}, array.shape(), "shape of the hand-made 2x2x3 IDX file");
        int[] expected = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 128, 255};
        int[] got = new int[array.size()];
        for (int i = 0; i < got.length; i++) {
            got[i] = array.unsignedAt(i);
        }
        assertArrayEquals(expected, got, "values of the hand-made file, bytes 0x80 and 0xff read as unsigned 128 and 255");
    }

    @Test
    void gzipFileReadsTheSameAsThePlainFile(@TempDir Path dir) throws IOException {
        Path plain = dir.resolve("plain-idx3-ubyte");
        Path gzip = dir.resolve("compressed-under-any-name");
        Files.write(plain, IdxExamples.TWO_BY_TWO_BY_THREE);
        Files.write(gzip, IdxExamples.gzip(IdxExamples.TWO_BY_TWO_BY_THREE));

        IdxArray fromPlain = IdxReader.read(plain);
        IdxArray fromGzip = IdxReader.read(gzip);

        assertArrayEquals(fromPlain.shape(), fromGzip.shape(), "shape read from the gzip file vs the plain file");
        for (int i = 0; i < fromPlain.size(); i++) {
            assertEquals(fromPlain.unsignedAt(i), fromGzip.unsignedAt(i), "value " + i + " from the gzip file vs the plain file");
        }
    }

    @Test
    void typeOtherThanUnsignedByteIsRejectedNamingTheType() {
        byte[] floats = IdxExamples.TWO_BY_TWO_BY_THREE.clone();
        floats[2] = 0x0D;
        IOException e = assertThrows(IOException.class, () -> IdxReader.read(new ByteArrayInputStream(floats), "float file"));
        assertTrue(e.getMessage().contains("0x08") && e.getMessage().contains("0x0d"),
                "message should name the expected type 0x08 and the found 0x0d, got: " + e.getMessage());
    }

    @Test
    void truncatedAndOverlongPayloadsAreRejected() {
        byte[] truncated = Arrays.copyOf(IdxExamples.TWO_BY_TWO_BY_THREE, IdxExamples.TWO_BY_TWO_BY_THREE.length - 1);
        byte[] overlong = Arrays.copyOf(IdxExamples.TWO_BY_TWO_BY_THREE, IdxExamples.TWO_BY_TWO_BY_THREE.length + 1);

        IOException shortError = assertThrows(IOException.class,
                () -> IdxReader.read(new ByteArrayInputStream(truncated), "short file"));
        IOException longError = assertThrows(IOException.class,
                () -> IdxReader.read(new ByteArrayInputStream(overlong), "long file"));
        assertTrue(shortError.getMessage().contains("truncated"), "short file message, got: " + shortError.getMessage());
        assertTrue(longError.getMessage().contains("more bytes"), "long file message, got: " + longError.getMessage());
    }

    @Test
    void nonZeroMagicIsRejected() {
        byte[] text = "hello, not an IDX file".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        IOException e = assertThrows(IOException.class, () -> IdxReader.read(new ByteArrayInputStream(text), "text file"));
        assertTrue(e.getMessage().contains("not an IDX file"), "message for a text file, got: " + e.getMessage());
    }
}
