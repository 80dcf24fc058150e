package org.e2dl4j.notebooks;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the code cells of a {@link Notebook} in order in one JShell session, the way a JShell-based Jupyter
 * kernel (JJava) does: each cell is split into snippets, evaluated in the same JVM with the given class path,
 * and the value of its final expression becomes the cell's result; what it prints is captured. Any compile
 * error, unresolved reference or exception stops the run with a {@link NotebookExecutionException}.
 *
 * <p>Before each cell the project classes it imports ({@code import org.e2dl4j...}) are looked up on the class
 * path; if one is absent, the run stops there and reports the notebook as pending on that class, so no cell
 * is ever skipped silently. Images shown with {@link Display#image} are written as PNG files under
 * {@code imageFolder/<notebook>/cell-NN/}.
 */
public final class NotebookRunner {

    private static final Logger LOG = LoggerFactory.getLogger(NotebookRunner.class);
    private static final String PROJECT_PACKAGE = "org.e2dl4j.";
    private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+(static\\s+)?([\\w.]+?)(\\.\\*)?\\s*;",
            Pattern.MULTILINE);

    private final List<Path> classPath;
    private final Path imageFolder;

    /**
     * @param classPath   the class path the cells compile and run against (the project's modules and their
     *                    dependencies)
     * @param imageFolder where the PNGs of shown images are written
     */
    public NotebookRunner(List<Path> classPath, Path imageFolder) {
        if (classPath.isEmpty()) {
            throw new IllegalArgumentException("the notebook class path is empty");
        }
        this.classPath = List.copyOf(classPath);
        this.imageFolder = imageFolder;
    }

    /** The class path of this JVM ({@code java.class.path}), as a test under Maven Surefire sees it. */
    public static List<Path> currentClassPath() {
        return Stream.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .map(Path::of)
                .toList();
    }

    /**
     * Runs every code cell of the notebook in order.
     *
     * @throws NotebookExecutionException on the first cell that does not compile or throws
     */
    public NotebookRun run(Notebook notebook) {
        List<List<CellOutput>> outputs = new ArrayList<>();
        try (URLClassLoader probe = new URLClassLoader(urls(), ClassLoader.getPlatformClassLoader());
             JShell shell = JShell.builder().executionEngine("local").build()) {
            classPath.forEach(entry -> shell.addToClasspath(entry.toString()));
            for (NotebookCell.Code cell : notebook.codeCells()) {
                Optional<String> missing = missingProjectClass(cell, probe);
                if (missing.isPresent()) {
                    LOG.warn("{}: cell {} needs {}, which is not on the class path; cells {}..{} not run",
                            notebook.name(), cell.number(), missing.get(), cell.number(), notebook.codeCells().size());
                    return new NotebookRun(notebook, outputs,
                            Optional.of(new NotebookRun.Pending(cell.number(), missing.get())));
                }
                long start = System.nanoTime();
                outputs.add(runCell(shell, notebook, cell));
                LOG.info("{}: cell {} ran in {} ms", notebook.name(), cell.number(), (System.nanoTime() - start) / 1_000_000);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new NotebookRun(notebook, outputs, Optional.empty());
    }

    private URL[] urls() {
        URL[] urls = new URL[classPath.size()];
        for (int i = 0; i < urls.length; i++) {
            try {
                urls[i] = classPath.get(i).toUri().toURL();
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException("class path entry " + classPath.get(i) + " is not a valid URL", e);
            }
        }
        return urls;
    }

    /** The first class or package of this project that the cell imports and the class path lacks. */
    static Optional<String> missingProjectClass(NotebookCell.Code cell, ClassLoader probe) {
        Matcher m = IMPORT.matcher(cell.text());
        while (m.find()) {
            String name = m.group(2);
            if (!name.startsWith(PROJECT_PACKAGE)) {
                continue;
            }
            boolean wildcard = m.group(3) != null;
            boolean isStatic = m.group(1) != null;
            String type = isStatic && !wildcard ? name.substring(0, name.lastIndexOf('.')) : name;
            String resource = wildcard && !isStatic ? type.replace('.', '/') + "/" : type.replace('.', '/') + ".class";
            if (probe.getResource(resource) == null) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    private List<CellOutput> runCell(JShell shell, Notebook notebook, NotebookCell.Code cell) {
        Path folder = imageFolder.resolve(notebook.name()).resolve(String.format(Locale.ROOT, "cell-%02d", cell.number()));
        clear(folder);
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        String originalFolder = System.getProperty(Display.OUTPUT_PROPERTY);
        SnippetEvent last;
        System.setProperty(Display.OUTPUT_PROPERTY, folder.toString());
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        try {
            last = evaluate(shell, notebook, cell);
        } finally {
            System.out.flush();
            System.err.flush();
            System.setOut(originalOut);
            System.setErr(originalErr);
            if (originalFolder == null) {
                System.clearProperty(Display.OUTPUT_PROPERTY);
            } else {
                System.setProperty(Display.OUTPUT_PROPERTY, originalFolder);
            }
        }
        List<CellOutput> outputs = new ArrayList<>();
        String printed = stdout.toString(StandardCharsets.UTF_8);
        if (!printed.isEmpty()) {
            outputs.add(new CellOutput.Stream("stdout", printed));
        }
        String errors = stderr.toString(StandardCharsets.UTF_8);
        if (!errors.isEmpty()) {
            outputs.add(new CellOutput.Stream("stderr", errors));
        }
        result(notebook, cell, last, images(folder)).ifPresent(outputs::add);
        return outputs;
    }

    /** Evaluates the cell snippet by snippet; returns the event of its last snippet. */
    private static SnippetEvent evaluate(JShell shell, Notebook notebook, NotebookCell.Code cell) {
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        String remaining = cell.text();
        SnippetEvent last = null;
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) {
                break;
            }
            if (!info.completeness().isComplete()) {
                throw new NotebookExecutionException(notebook, cell, "incomplete code (" + info.completeness() + "):\n"
                        + remaining.strip());
            }
            for (SnippetEvent event : shell.eval(info.source())) {
                if (event.causeSnippet() == null) {
                    check(shell, notebook, cell, event);
                    last = event;
                }
            }
            remaining = info.remaining();
        }
        if (last == null) {
            throw new NotebookExecutionException(notebook, cell, "the cell holds no code");
        }
        return last;
    }

    private static void check(JShell shell, Notebook notebook, NotebookCell.Code cell, SnippetEvent event) {
        Snippet snippet = event.snippet();
        List<String> errors = shell.diagnostics(snippet)
                .filter(Diag::isError)
                .map(d -> describe(snippet, d))
                .toList();
        if (!errors.isEmpty() || event.status() == Snippet.Status.REJECTED) {
            throw new NotebookExecutionException(notebook, cell, "does not compile:\n" + String.join("\n", errors)
                    + "\nin snippet:\n" + snippet.source().strip());
        }
        if (snippet instanceof DeclarationSnippet declaration && !event.status().isDefined()
                || event.status() == Snippet.Status.RECOVERABLE_DEFINED) {
            String unresolved = snippet instanceof DeclarationSnippet declaration
                    ? shell.unresolvedDependencies(declaration).collect(Collectors.joining(", "))
                    : "?";
            throw new NotebookExecutionException(notebook, cell, "snippet is " + event.status()
                    + ", unresolved: " + unresolved + "\nin snippet:\n" + snippet.source().strip());
        }
        JShellException exception = event.exception();
        if (exception != null) {
            throw new NotebookExecutionException(notebook, cell, "threw " + describe(exception)
                    + "\nin snippet:\n" + snippet.source().strip());
        }
    }

    private static String describe(Snippet snippet, Diag diag) {
        String source = snippet.source();
        long position = Math.max(0, Math.min(diag.getPosition(), source.length()));
        int lineStart = source.lastIndexOf('\n', (int) position - 1) + 1;
        int lineEnd = source.indexOf('\n', (int) position);
        String line = source.substring(lineStart, lineEnd < 0 ? source.length() : lineEnd);
        return diag.getMessage(Locale.ROOT) + "\n    " + line.strip();
    }

    private static String describe(JShellException exception) {
        StringWriter trace = new StringWriter();
        exception.printStackTrace(new PrintWriter(trace));
        String type = exception instanceof EvalException eval ? eval.getExceptionClassName()
                : exception instanceof UnresolvedReferenceException ? "an unresolved reference"
                : exception.getClass().getName();
        return type + ": " + exception.getMessage() + "\n" + trace;
    }

    /** The cell's result: the value of a final expression, or the image its final Display.image(...) showed. */
    private static Optional<CellOutput> result(Notebook notebook, NotebookCell.Code cell, SnippetEvent last,
                                               List<CellOutput.Image> images) {
        Snippet snippet = last.snippet();
        boolean expression = snippet instanceof ExpressionSnippet
                || snippet.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND;
        String type = snippet instanceof VarSnippet v ? v.typeName()
                : snippet instanceof ExpressionSnippet e ? e.typeName() : "";
        boolean imageValue = expression && (type.equals("BufferedImage") || type.equals("java.awt.image.BufferedImage"));
        if (imageValue) {
            if (images.size() != 1) {
                throw new NotebookExecutionException(notebook, cell, "ends with a BufferedImage but showed "
                        + images.size() + " images; end the cell with Display.image(picture)");
            }
            return Optional.of(images.get(0));
        }
        if (!images.isEmpty()) {
            throw new NotebookExecutionException(notebook, cell, "called Display.image(...) " + images.size()
                    + " time(s) but does not end with it, so a Jupyter kernel would not show the picture;"
                    + " make Display.image(picture) the cell's final expression");
        }
        if (!expression || last.value() == null) {
            return Optional.empty();
        }
        return Optional.of(new CellOutput.Value(type.equals("String") ? unquote(last.value()) : last.value()));
    }

    private static List<CellOutput.Image> images(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            List<CellOutput.Image> images = new ArrayList<>();
            for (Path file : files.sorted().toList()) {
                byte[] png = Files.readAllBytes(file);
                BufferedImage image = ImageIO.read(file.toFile());
                if (image == null) {
                    throw new IOException("not a readable image: " + file);
                }
                images.add(new CellOutput.Image(png, image.getWidth(), image.getHeight()));
            }
            return images;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the images shown in " + folder, e);
        }
    }

    private static void clear(Path folder) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + folder, e);
        }
    }

    /** The text of a Java string literal as JShell prints a String value ({@code "a\nb"} becomes two lines). */
    static String unquote(String literal) {
        if (literal.length() < 2 || !literal.startsWith("\"") || !literal.endsWith("\"")) {
            return literal;
        }
        StringBuilder text = new StringBuilder();
        for (int i = 1; i < literal.length() - 1; i++) {
            char c = literal.charAt(i);
            if (c != '\\' || i + 1 >= literal.length() - 1) {
                text.append(c);
                continue;
            }
            char escaped = literal.charAt(++i);
            switch (escaped) {
                case 'n' -> text.append('\n');
                case 't' -> text.append('\t');
                case 'r' -> text.append('\r');
                case 'b' -> text.append('\b');
                case 'f' -> text.append('\f');
                case 'u' -> {
                    text.append((char) Integer.parseInt(literal.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> text.append(escaped);
            }
        }
        return text.toString();
    }
}
