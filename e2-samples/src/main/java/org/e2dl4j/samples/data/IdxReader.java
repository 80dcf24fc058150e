package org.e2dl4j.samples.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads the IDX files of MNIST and of data sets in its format (Fashion-MNIST, ...), plain or
 * gzip-compressed (recognized by the gzip magic bytes, not by the file name).
 *
 * <p>Format: two zero bytes, a type byte ({@code 0x08}: unsigned byte, the only type these data sets
 * use), the number of dimensions {@code k}, then {@code k} big-endian 32-bit sizes and the values in
 * row-major order. Anything else (another type, a short or over-long payload) is rejected.
 */
public final class IdxReader {

    /** The IDX type code of unsigned bytes. */
    public static final int UNSIGNED_BYTE = 0x08;

    private static final int GZIP_MAGIC_FIRST = 0x1f;
    private static final int GZIP_MAGIC_SECOND = 0x8b;

    private IdxReader() {
    }

    /** Reads the IDX file at {@code path}; the name is used in error messages. */
    public static IdxArray read(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            return read(in, path.toString());
        }
    }

    /**
     * Reads one IDX array from {@code in} (not closed), which must hold nothing after the values.
     *
     * @param source a name for error messages (file or resource)
     */
    public static IdxArray read(InputStream in, String source) throws IOException {
        DataInputStream data = new DataInputStream(decompressIfGzip(in));
        int zero0 = data.readUnsignedByte();
        int zero1 = data.readUnsignedByte();
        int type = data.readUnsignedByte();
        int rank = data.readUnsignedByte();
        if (zero0 != 0 || zero1 != 0) {
            throw new IOException(source + ": not an IDX file: expected two zero magic bytes, got "
                    + String.format("0x%02x 0x%02x", zero0, zero1));
        }
        if (type != UNSIGNED_BYTE) {
            throw new IOException(source + ": expected IDX type 0x08 (unsigned byte), got "
                    + String.format("0x%02x", type));
        }
        if (rank == 0) {
            throw new IOException(source + ": expected at least one IDX dimension, got 0");
        }
        int[] shape = new int[rank];
        long count = 1;
        for (int axis = 0; axis < rank; axis++) {
            shape[axis] = data.readInt();
            if (shape[axis] <= 0) {
                throw new IOException(source + ": expected positive IDX dimensions, got " + shape[axis]
                        + " for dimension " + axis);
            }
            count *= shape[axis];
        }
        if (count > Integer.MAX_VALUE - 8) {
            throw new IOException(source + ": " + count + " values do not fit in one array");
        }
        byte[] values = new byte[(int) count];
        try {
            data.readFully(values);
        } catch (EOFException e) {
            throw new IOException(source + ": truncated IDX file: the header announces " + count + " values", e);
        }
        if (data.read() != -1) {
            throw new IOException(source + ": IDX file holds more bytes than the " + count + " values its header announces");
        }
        return new IdxArray(shape, values);
    }

    private static InputStream decompressIfGzip(InputStream in) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in);
        buffered.mark(2);
        int first = buffered.read();
        int second = buffered.read();
        buffered.reset();
        if (first == GZIP_MAGIC_FIRST && second == GZIP_MAGIC_SECOND) {
            return new GZIPInputStream(buffered);
        }
        return buffered;
    }
}
