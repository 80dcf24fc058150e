package org.e2dl4j.samples.data;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Writes unsigned-byte IDX files, gzip-compressed at the highest level; used to make the embedded MNIST
 * subset. Java's gzip header carries no time stamp, so equal input gives byte-identical files.
 */
final class IdxWriter {

    private IdxWriter() {
    }

    /** Writes {@code values} (row-major, each in [0, 255]) with {@code shape} as a gzip IDX file. */
    static void writeGzip(Path path, int[] shape, int[] values) throws IOException {
        try (OutputStream file = Files.newOutputStream(path);
                GZIPOutputStream gzip = new GZIPOutputStream(file) {
                    {
                        def.setLevel(Deflater.BEST_COMPRESSION);
                    }
                };
                DataOutputStream out = new DataOutputStream(gzip)) {
            out.writeByte(0);
            out.writeByte(0);
            out.writeByte(IdxReader.UNSIGNED_BYTE);
            out.writeByte(shape.length);
            for (int dimension : shape) {
                out.writeInt(dimension);
            }
            for (int value : values) {
                out.writeByte(value);
            }
        }
    }
}
