package org.e2dl4j.notebooks;

import java.util.Objects;

/** One cell of a {@link Notebook}: prose in Markdown, or Java code that a JShell-based kernel runs. */
public sealed interface NotebookCell {

    /** The cell's text, without the fence of its source. */
    String text();

    /** Markdown prose. */
    record Markdown(String text) implements NotebookCell {
        public Markdown {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * Java code, evaluated snippet by snippet as JShell does; the value of a final expression is the cell's
     * result.
     *
     * @param number 1-based position among the notebook's code cells (how errors name the cell)
     */
    record Code(int number, String text) implements NotebookCell {
        public Code {
            Objects.requireNonNull(text, "text");
        }
    }
}
