package org.e2dl4j.nn.e2cnn;

import static org.e2dl4j.testing.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The .npz container: zips that hold no arrays, or one key twice, are refused with the file and key named. */
class NpzTest {

    @TempDir
    Path dir;

    @Test
    void refusesAnEmptyZip() throws IOException {
        Path empty = dir.resolve("empty.npz");
        try (OutputStream file = Files.newOutputStream(empty); ZipOutputStream zip = new ZipOutputStream(file)) {
            zip.finish();
        }
        assertRejected(() -> Npz.read(empty), "empty.npz", "holds no arrays");
    }

    @Test
    void refusesAKeyRepeatedInTheZip() throws IOException {
        // written as keys "a" and "b", then the second entry renamed to "a.npy" (same length, so the zip stays valid)
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        arrays.put("a", Nd4j.createFromArray(1f));
        arrays.put("b", Nd4j.createFromArray(2f));
        Path two = dir.resolve("two.npz");
        Npz.write(two, arrays);
        String zip = new String(Files.readAllBytes(two), StandardCharsets.ISO_8859_1);
        assertEquals(2, zip.split("b\\.npy", -1).length - 1, "the name in the local header and the directory");
        Path repeated = dir.resolve("repeated.npz");
        Files.write(repeated, zip.replace("b.npy", "a.npy").getBytes(StandardCharsets.ISO_8859_1));
        assertRejected(() -> Npz.read(repeated), "repeated.npz", "key 'a'", "occurs twice");
    }

    @Test
    void refusesAKeyGivenWithAndWithoutTheNpySuffix() throws IOException {
        Path both = dir.resolve("both.npz");
        try (OutputStream file = Files.newOutputStream(both); ZipOutputStream zip = new ZipOutputStream(file)) {
            for (String name : new String[] {"w.npy", "w"}) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write(Npy.write(Nd4j.createFromArray(1f)));
                zip.closeEntry();
            }
        }
        assertRejected(() -> Npz.read(both), "both.npz", "key 'w'", "occurs twice");
    }
}
