/**
 * Notebooks from one source: Markdown files with {@code ```java} cells under {@code notebooks/sources} are run
 * in JShell the way the JJava kernel runs them ({@link org.e2dl4j.notebooks.NotebookRunner}) and
 * written as Jupyter ({@code .ipynb}) and Zeppelin ({@code .zpln}) notebooks with the outputs of that run
 * ({@link org.e2dl4j.notebooks.NotebookGenerator}). Cells show results through
 * {@link org.e2dl4j.notebooks.Display}.
 */
package org.e2dl4j.notebooks;
