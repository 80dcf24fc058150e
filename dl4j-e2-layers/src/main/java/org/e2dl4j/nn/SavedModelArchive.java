package org.e2dl4j.nn;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The zip archive of a model saved by DL4J's {@code ModelSerializer}, read entry by entry: opening it checks
 * that it is a complete zip archive (its central directory is at the end, so a truncated file fails here),
 * and every entry is decompressed once and checked against the size and CRC-32 the archive records before
 * its content is decoded, so a corrupt byte is reported as such rather than decoded into garbage. Every
 * failure is a {@link SavedModelException} naming the file and the entry.
 */
final class SavedModelArchive implements Closeable {

    /** The configuration entry (JSON of a MultiLayerConfiguration or ComputationGraphConfiguration). */
    static final String CONFIGURATION = ModelSerializer.CONFIGURATION_JSON;
    /** The flat parameter vector entry. */
    static final String COEFFICIENTS = ModelSerializer.COEFFICIENTS_BIN;
    /** The entry that marks a model without parameters (its coefficients entry is then empty). */
    static final String NO_PARAMS = ModelSerializer.NO_PARAMS_MARKER;
    /** The updater state entry (optional). */
    static final String UPDATER_STATE = ModelSerializer.UPDATER_BIN;

    private static final int READ_BUFFER = 1 << 16;

    private final String source;
    private final ZipFile zip;

    private SavedModelArchive(String source, ZipFile zip) {
        this.source = source;
        this.zip = zip;
    }

    /**
     * Opens a saved model and checks that it has the entries every saved model has: {@code configuration.json},
     * and {@code coefficients.bin} (empty only together with {@code noParams.marker}).
     *
     * @param file   the zip file
     * @param source how messages name it, e.g. {@code model file /tmp/net.zip}
     */
    static SavedModelArchive open(Path file, String source) {
        if (!Files.isRegularFile(file)) {
            throw new SavedModelException(source, null, Files.exists(file) ? "is not a regular file"
                    : "does not exist", null);
        }
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw new SavedModelException(source, null, "is not a complete zip archive (truncated, or not written "
                    + "by ModelSerializer): " + e.getMessage(), e);
        } catch (IOException e) {
            throw new SavedModelException(source, null, "cannot be read: " + e, e);
        }
        SavedModelArchive archive = new SavedModelArchive(source, zip);
        try {
            archive.requireModelEntries();
        } catch (RuntimeException e) {
            archive.close();
            throw e;
        }
        return archive;
    }

    private void requireModelEntries() {
        require(CONFIGURATION);
        require(COEFFICIENTS);
        if (zip.getEntry(COEFFICIENTS).getSize() == 0 && !has(NO_PARAMS)) {
            throw failure(COEFFICIENTS, "is empty, and there is no " + NO_PARAMS + " entry saying that the model has "
                    + "no parameters", null);
        }
    }

    private void require(String name) {
        if (!has(name)) {
            throw failure(name, "is missing: a model saved by ModelSerializer has " + CONFIGURATION + " and "
                    + COEFFICIENTS + "; this archive has " + entryNames(), null);
        }
    }

    /** Whether the archive has an entry of that name. */
    boolean has(String name) {
        return zip.getEntry(name) != null;
    }

    /** Whether the model has no parameters (an empty coefficients entry and the no-parameters marker). */
    boolean hasNoParameters() {
        return zip.getEntry(COEFFICIENTS).getSize() == 0 && has(NO_PARAMS);
    }

    /** The content of a text entry, decoded as UTF-8, after its size and checksum are checked. */
    String text(String name) {
        ZipEntry entry = verified(name);
        if (entry.getSize() > Integer.MAX_VALUE - 16) {
            throw failure(name, "holds " + entry.getSize() + " bytes, more than a configuration can have", null);
        }
        try (InputStream in = zip.getInputStream(entry)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw unreadable(name, e);
        }
    }

    /** The ND4J array an entry holds (written by {@code Nd4j.write}), after its size and checksum are checked. */
    INDArray array(String name) {
        ZipEntry entry = verified(name);
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(zip.getInputStream(entry)))) {
            return Nd4j.read(in);
        } catch (IOException | RuntimeException e) {
            throw failure(name, "is not an ND4J array: " + e, e);
        }
    }

    /** A failure of this archive, at an entry (or, with a null entry, of the archive as a whole). */
    SavedModelException failure(String entry, String problem, Throwable cause) {
        return new SavedModelException(source, entry, problem, cause);
    }

    /** How messages name the archive. */
    String source() {
        return source;
    }

    /** Decompresses an entry once, checking that it inflates to the size and CRC-32 the archive records. */
    private ZipEntry verified(String name) {
        ZipEntry entry = zip.getEntry(name);
        CRC32 crc = new CRC32();
        long size = 0;
        byte[] buffer = new byte[READ_BUFFER];
        try (InputStream in = zip.getInputStream(entry)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                crc.update(buffer, 0, n);
                size += n;
            }
        } catch (IOException e) {
            throw unreadable(name, e);
        }
        if (entry.getSize() >= 0 && size != entry.getSize()) {
            throw failure(name, "is corrupt: it decompresses to " + size + " bytes, the archive records "
                    + entry.getSize(), null);
        }
        if (entry.getCrc() >= 0 && crc.getValue() != entry.getCrc()) {
            throw failure(name, "is corrupt: its content has the CRC-32 " + Long.toHexString(crc.getValue())
                    + ", the archive records " + Long.toHexString(entry.getCrc()), null);
        }
        return entry;
    }

    private SavedModelException unreadable(String name, IOException e) {
        return failure(name, "cannot be decompressed (the archive is corrupt): " + e, e);
    }

    private List<String> entryNames() {
        List<String> names = new ArrayList<>();
        for (ZipEntry e : Collections.list(zip.entries())) {
            names.add(e.getName());
        }
        return names;
    }

    @Override
    public void close() {
        try {
            zip.close();
        } catch (IOException e) {
            throw new SavedModelException(source, null, "cannot be closed: " + e, e);
        }
    }
}
