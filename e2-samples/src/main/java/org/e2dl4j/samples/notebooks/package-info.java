/**
 * Notebooks from one source: Markdown files with {@code ```java} cells under {@code notebooks/src} are run
 * in JShell the way the JJava kernel runs them ({@link org.e2dl4j.samples.notebooks.NotebookRunner}) and
 * written as Jupyter ({@code .ipynb}) and Zeppelin ({@code .zpln}) notebooks with the outputs of that run
 * ({@link org.e2dl4j.samples.notebooks.NotebookGenerator}). Cells show results through
 * {@link org.e2dl4j.samples.notebooks.Display}.
 */
package org.e2dl4j.samples.notebooks;
