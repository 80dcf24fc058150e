package org.e2dl4j.samples.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.GZIPOutputStream;

/** Hand-made IDX files for the data tests, and gzip in memory. */
final class IdxExamples {

    /** A hand-made IDX file: type 0x08, shape 2 x 2 x 3, values 0, 1, ..., 9, 128, 255. */
    static final byte[] TWO_BY_TWO_BY_THREE = {
        0, 0, 0x08, 3,
        0, 0, 0, 2,
        0, 0, 0, 2,
        0, 0, 0, 3,
        0, 1, 2, 3, 4, 5, 6, 7, 8, 9, (byte) 128, (byte) 255};

    /** A hand-made IDX label file: type 0x08, shape 2, values 7 and 0. */
    static final byte[] TWO_LABELS = {0, 0, 0x08, 1, 0, 0, 0, 2, 7, 0};

    private IdxExamples() {
    }

    static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        }
        return out.toByteArray();
    }
}
