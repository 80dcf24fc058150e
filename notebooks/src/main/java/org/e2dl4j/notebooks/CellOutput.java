package org.e2dl4j.notebooks;

import java.util.Objects;

/** What one code cell showed when it ran: printed text, the value of its final expression, or an image. */
public sealed interface CellOutput {

    /**
     * Text the cell printed.
     *
     * @param stream {@code stdout} or {@code stderr}
     */
    record Stream(String stream, String text) implements CellOutput {
        public Stream {
            if (!stream.equals("stdout") && !stream.equals("stderr")) {
                throw new IllegalArgumentException("a stream is stdout or stderr, got " + stream);
            }
            Objects.requireNonNull(text, "text");
        }
    }

    /** The value of the cell's final expression, as text (what a kernel shows as {@code text/plain}). */
    record Value(String text) implements CellOutput {
        public Value {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * The image the cell's final expression {@code Display.image(...)} returned, PNG-encoded.
     *
     * @param png the PNG file's bytes
     */
    record Image(byte[] png, int width, int height) implements CellOutput {
        public Image {
            Objects.requireNonNull(png, "png");
            if (width < 1 || height < 1) {
                throw new IllegalArgumentException("an image is at least 1 x 1, got " + width + " x " + height);
            }
        }

        /** The plain-text stand-in shown next to the picture. */
        public String description() {
            return "BufferedImage " + width + " x " + height;
        }
    }
}
