package org.e2dl4j.notebooks;

/** A notebook cell failed to compile or threw: names the notebook, the cell, and what went wrong. */
public final class NotebookExecutionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    NotebookExecutionException(Notebook notebook, NotebookCell.Code cell, String problem) {
        super(notebook.name() + ", code cell " + cell.number() + " of " + notebook.codeCells().size() + ": " + problem);
    }
}
