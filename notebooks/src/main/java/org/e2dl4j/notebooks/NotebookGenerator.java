package org.e2dl4j.notebooks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Regenerates the committed notebooks from their sources: runs every notebook under {@code notebooks/sources}
 * with {@link NotebookRunner} and writes {@code notebooks/<name>.ipynb} and {@code notebooks/<name>.zpln}
 * with the outputs of that run. Run it from the repository (see the README's "Notebooks" section);
 * {@code NotebooksTest} checks that the committed files still match their sources.
 */
public final class NotebookGenerator {

    /** Folder of the notebooks, relative to the repository root. */
    public static final String NOTEBOOK_FOLDER = "notebooks";

    /** Folder of the notebook sources, relative to the repository root. */
    public static final String SOURCE_FOLDER = NOTEBOOK_FOLDER + "/sources";

    /** Where the images shown by cells are written, relative to the repository root. */
    public static final String IMAGE_FOLDER = "notebooks/target/notebook-output";

    private static final Logger LOG = LoggerFactory.getLogger(NotebookGenerator.class);

    private NotebookGenerator() {
    }

    /**
     * Runs and writes every notebook.
     *
     * @param args optional: the repository root (default: found upwards from the working directory)
     */
    public static void main(String[] args) throws IOException {
        Path root = args.length > 0 ? Path.of(args[0]) : repositoryRoot(Path.of("").toAbsolutePath());
        NotebookRunner runner = new NotebookRunner(applicationClassPath(), root.resolve(IMAGE_FOLDER));
        for (Notebook notebook : sources(root)) {
            NotebookRun run = runner.run(notebook);
            write(root, run);
            run.pending().ifPresent(p -> LOG.warn("{} written without outputs from cell {} on: {} is not on the class path",
                    notebook.name(), p.cell(), p.missingClass()));
        }
    }

    /** The nearest folder at or above {@code start} that holds {@value #SOURCE_FOLDER}. */
    public static Path repositoryRoot(Path start) {
        for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve(SOURCE_FOLDER))) {
                return dir;
            }
        }
        throw new IllegalStateException("no folder at or above " + start + " holds " + SOURCE_FOLDER);
    }

    /** The notebook sources of the repository, in file name order. */
    public static List<Notebook> sources(Path root) throws IOException {
        List<Notebook> notebooks = new ArrayList<>();
        try (Stream<Path> files = Files.list(root.resolve(SOURCE_FOLDER))) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(NotebookSource.SUFFIX)).sorted().toList()) {
                notebooks.add(NotebookSource.read(file));
            }
        }
        if (notebooks.isEmpty()) {
            throw new IllegalStateException("no notebook sources (*" + NotebookSource.SUFFIX + ") in "
                    + root.resolve(SOURCE_FOLDER));
        }
        return notebooks;
    }

    /** The committed Jupyter notebook of a source. */
    public static Path jupyterFile(Path root, Notebook notebook) {
        return root.resolve(NOTEBOOK_FOLDER).resolve(notebook.name() + JupyterFormat.EXTENSION);
    }

    /** The committed Zeppelin note of a source. */
    public static Path zeppelinFile(Path root, Notebook notebook) {
        return root.resolve(NOTEBOOK_FOLDER).resolve(notebook.name() + ZeppelinFormat.EXTENSION);
    }

    /** Writes both formats of the run's notebook with its outputs. */
    public static void write(Path root, NotebookRun run) {
        try {
            Files.writeString(jupyterFile(root, run.notebook()), JupyterFormat.write(run), StandardCharsets.UTF_8);
            Files.writeString(zeppelinFile(root, run.notebook()), ZeppelinFormat.write(run), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the notebooks of " + run.notebook().name(), e);
        }
        LOG.info("wrote {} and {}", jupyterFile(root, run.notebook()), zeppelinFile(root, run.notebook()));
    }

    /**
     * The class path the application runs with: {@code java.class.path} and, under {@code mvn exec:java}
     * (which loads the project in its own class loader), that loader's entries.
     */
    static List<Path> applicationClassPath() {
        Set<Path> entries = new LinkedHashSet<>(NotebookRunner.currentClassPath());
        for (ClassLoader loader = Thread.currentThread().getContextClassLoader(); loader != null; loader = loader.getParent()) {
            if (loader instanceof URLClassLoader urls) {
                for (URL url : urls.getURLs()) {
                    try {
                        entries.add(Path.of(url.toURI()));
                    } catch (URISyntaxException | IllegalArgumentException e) {
                        LOG.debug("class path entry {} is not a file; left out", url);
                    }
                }
            }
        }
        return List.copyOf(entries);
    }
}
