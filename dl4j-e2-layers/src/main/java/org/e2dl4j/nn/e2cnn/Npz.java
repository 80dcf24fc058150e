package org.e2dl4j.nn.e2cnn;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.e2dl4j.math.SizeLimits;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * numpy's {@code .npz}: a zip of {@code .npy} files, one per key ({@code numpy.savez}), read and written in the
 * file's order, which for an e2cnn state is its {@code state_dict} order.
 */
final class Npz {

    private static final String SUFFIX = ".npy";

    private Npz() {
    }

    /**
     * Reads every array of a file, in order.
     *
     * @throws IllegalArgumentException if an entry is no {@code .npy} array or a key repeats
     * @throws UncheckedIOException     if the file cannot be read as a zip
     */
    static LinkedHashMap<String, INDArray> read(Path path) {
        LinkedHashMap<String, INDArray> arrays = new LinkedHashMap<>();
        try (InputStream file = Files.newInputStream(path); ZipInputStream zip = new ZipInputStream(file)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.isDirectory()) {
                    continue;
                }
                String key = e.getName().endsWith(SUFFIX)
                        ? e.getName().substring(0, e.getName().length() - SUFFIX.length()) : e.getName();
                if (arrays.containsKey(key)) {
                    throw new IllegalArgumentException(path + ": the key '" + key + "' occurs twice");
                }
                arrays.put(key, Npy.read(key, readEntry(zip, key, path)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the npz file " + path, e);
        }
        if (arrays.isEmpty()) {
            throw new IllegalArgumentException(path + " holds no arrays (is it an npz file written by numpy.savez?)");
        }
        return arrays;
    }

    /**
     * Writes arrays as an uncompressed {@code .npz}, in the map's order.
     *
     * @throws UncheckedIOException if the file cannot be written
     */
    static void write(Path path, Map<String, INDArray> arrays) {
        try (OutputStream file = Files.newOutputStream(path); ZipOutputStream zip = new ZipOutputStream(file)) {
            for (Map.Entry<String, INDArray> a : arrays.entrySet()) {
                ZipEntry e = new ZipEntry(a.getKey() + SUFFIX);
                zip.putNextEntry(e);
                zip.write(Npy.write(a.getValue()));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the npz file " + path, e);
        }
    }

    private static byte[] readEntry(ZipInputStream zip, String key, Path path) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[1 << 16];
        for (int n = zip.read(buffer); n >= 0; n = zip.read(buffer)) {
            out.write(buffer, 0, n);
            if (out.size() > SizeLimits.ARRAY_LENGTH) {
                throw new IllegalArgumentException(path + ": the entry '" + key + "' is larger than "
                        + SizeLimits.ARRAY_LENGTH + " bytes");
            }
        }
        return out.toByteArray();
    }
}
