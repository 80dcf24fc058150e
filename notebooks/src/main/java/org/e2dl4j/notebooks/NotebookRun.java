package org.e2dl4j.notebooks;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of running a notebook's code cells in order: the outputs of each cell that ran, and, for a
 * notebook whose later cells need classes the class path lacks, where it stopped and why. Immutable.
 *
 * @param notebook the notebook that ran
 * @param outputs  outputs of code cells 1..n that ran (index i holds cell i + 1)
 * @param pending  present if the run stopped before a cell that needs an absent class
 */
public record NotebookRun(Notebook notebook, List<List<CellOutput>> outputs, Optional<Pending> pending) {

    public NotebookRun {
        Objects.requireNonNull(notebook, "notebook");
        outputs = outputs.stream().map(List::copyOf).toList();
        Objects.requireNonNull(pending, "pending");
        int expected = pending.map(p -> p.cell() - 1).orElse(notebook.codeCells().size());
        if (outputs.size() != expected) {
            throw new IllegalArgumentException(notebook.name() + ": " + outputs.size() + " cells have outputs, expected "
                    + expected);
        }
    }

    /** Whether every code cell ran. */
    public boolean complete() {
        return pending.isEmpty();
    }

    /** The outputs of code cell {@code number} (1-based), or empty if it did not run. */
    public Optional<List<CellOutput>> outputsOf(int number) {
        return number <= outputs.size() ? Optional.of(outputs.get(number - 1)) : Optional.empty();
    }

    /**
     * Where a run stopped because a class is not on the class path.
     *
     * @param cell         the first code cell (1-based) that was not run
     * @param missingClass the class that cell imports and the class path lacks
     */
    public record Pending(int cell, String missingClass) {
    }
}
