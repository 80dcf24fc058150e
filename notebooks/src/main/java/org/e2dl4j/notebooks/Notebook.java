package org.e2dl4j.notebooks;

import java.util.List;
import java.util.Objects;

/**
 * One notebook as written in its source under {@code notebooks/sources}: a name (the file name without
 * {@code .md}), the Maven coordinates a kernel loads before the first cell, and the cells in order.
 * Immutable.
 *
 * @param name   file name stem, e.g. {@code 01-groups-and-representations}
 * @param maven  Maven coordinates {@code group:artifact:version} the notebook depends on
 * @param cells  markdown and code cells, in reading order
 */
public record Notebook(String name, List<String> maven, List<NotebookCell> cells) {

    public Notebook {
        Objects.requireNonNull(name, "name");
        maven = List.copyOf(maven);
        cells = List.copyOf(cells);
    }

    /** The code cells, in order (what a kernel executes). */
    public List<NotebookCell.Code> codeCells() {
        return cells.stream()
                .filter(NotebookCell.Code.class::isInstance)
                .map(NotebookCell.Code.class::cast)
                .toList();
    }
}
