package org.e2dl4j.nn;

/**
 * A saved model that cannot be restored: a file that is not a complete zip archive, a missing or corrupt
 * entry, or a configuration that does not fit the stored parameters. The message names the file (or stream),
 * the entry and, where the problem lies in one layer, that layer; {@link #source()} and {@link #entry()} give
 * the first two to code. Thrown by {@link SavedModels}.
 */
public final class SavedModelException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final String entry;

    SavedModelException(String source, String entry, String problem, Throwable cause) {
        super(source + (entry == null ? "" : ", entry '" + entry + "'") + ": " + problem, cause);
        this.source = source;
        this.entry = entry;
    }

    /** The file or stream the model was read from, as named in the message. */
    public String source() {
        return source;
    }

    /** The zip entry at fault, e.g. {@code coefficients.bin}; null where the archive as a whole is at fault. */
    public String entry() {
        return entry;
    }
}
