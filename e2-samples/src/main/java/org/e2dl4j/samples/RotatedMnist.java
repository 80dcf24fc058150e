package org.e2dl4j.samples;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.e2dl4j.samples.data.Dl4jMnist;
import org.e2dl4j.samples.data.MnistSplit;
import org.e2dl4j.samples.model.ModelCatalog;
import org.e2dl4j.samples.model.ModelFactory;
import org.e2dl4j.samples.model.ModelSpec;
import org.e2dl4j.samples.train.AccuracyChart;
import org.e2dl4j.samples.train.AccuracyTable;
import org.e2dl4j.samples.train.ModelResult;
import org.e2dl4j.samples.train.RotationExperiment;
import org.e2dl4j.samples.train.TestSets;
import org.e2dl4j.samples.train.TrainingMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * The main sample: trains the models of {@link ModelCatalog} on MNIST digits and compares their accuracy
 * on upright and rotated test digits. Prints the table, and writes it as {@code accuracy.csv} and
 * {@code accuracy.png} with the trained models ({@code NAME.zip}) into the output directory.
 */
@Command(name = "rotated-mnist", sortOptions = false, usageHelpAutoWidth = true,
        description = {
            "Trains the sample models on MNIST digits and measures their accuracy on the test digits upright,",
            "turned by 90, 180 and 270 degrees, and turned by random angles.",
            "Data: the embedded MNIST subset (4,000 train / 1,000 test digits) unless --data or --dl4j-mnist is given."})
public final class RotatedMnist implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Option(names = "--epochs", defaultValue = "6", description = "Passes over the training digits (default: ${DEFAULT-VALUE}).")
    private int epochs;

    @Option(names = "--train-size", defaultValue = "4000", paramLabel = "N",
            description = "Training digits, taken from the start of the training set (default: ${DEFAULT-VALUE}).")
    private int trainSize;

    @Option(names = "--test-size", defaultValue = "1000", paramLabel = "N",
            description = "Test digits, taken from the start of the test set (default: ${DEFAULT-VALUE}).")
    private int testSize;

    @Option(names = "--width", defaultValue = "0.125", paramLabel = "W",
            description = "Multiplier on the layer sizes of e2cnn's C8 example model (default: ${DEFAULT-VALUE}).")
    private double width;

    @Option(names = "--mode", defaultValue = "upright", paramLabel = "MODE",
            description = "Training digits: ${COMPLETION-CANDIDATES} (rotated: each digit turned by a random angle, "
                    + "as in MNIST-rot) (default: upright).")
    private TrainingMode mode;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Read the four standard IDX files (plain or .gz) of MNIST or Fashion-MNIST from DIR.")
    private Path data;

    @Option(names = "--dl4j-mnist",
            description = "Use DL4J's MnistDataSetIterator (downloads full MNIST on first use; needs network access).")
    private boolean dl4jMnist;

    @Option(names = "--batch-size", defaultValue = "64", paramLabel = "N", description = "Digits per mini-batch (default: ${DEFAULT-VALUE}).")
    private int batchSize;

    @Option(names = "--learning-rate", defaultValue = "0.002", paramLabel = "RATE", description = "Adam's step size (default: ${DEFAULT-VALUE}).")
    private double learningRate;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of weights, order and angles (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "${sys:e2dl4j.samples.out:-rotated-mnist}",
            description = "Directory for accuracy.csv, accuracy.png and the trained models (default: ${DEFAULT-VALUE}).")
    private Path out;

    @Option(names = "--no-progress", description = "Do not draw progress bars.")
    private boolean noProgress;

    /** Runs the sample; the exit code is 0 on success. */
    public static void main(String[] args) {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        System.exit(commandLine().execute(args));
    }

    /** The command line of this sample (enum values case-insensitive), ready to {@code execute}. */
    public static CommandLine commandLine() {
        return new CommandLine(new RotatedMnist())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(RotatedMnist::reportFailure);
    }

    /** Bad data or settings end the run with their message and exit code 1; anything else propagates. */
    private static int reportFailure(Exception failure, CommandLine commandLine, CommandLine.ParseResult parsed)
            throws Exception {
        if (failure instanceof IOException || failure instanceof IllegalArgumentException
                || failure instanceof IllegalStateException) {
            commandLine.getErr().println("rotated-mnist: " + failure.getMessage());
            commandLine.getErr().flush();
            return 1;
        }
        throw failure;
    }

    @Override
    public Integer call() throws IOException {
        checkOptions();
        PrintWriter console = spec.commandLine().getOut();
        MnistSplit split = loadData();
        console.printf("data: %s; %d training digits (%s), %d test digits%n", split.source(), trainSize,
                mode.name().toLowerCase(Locale.ROOT), testSize);

        RotationExperiment experiment = new RotationExperiment(split,
                new RotationExperiment.Settings(epochs, batchSize, mode, seed, !noProgress));
        ModelSpec modelSpec = new ModelSpec(experiment.imageSide(), experiment.classes(), width, seed, learningRate);
        List<ModelResult> results = new ArrayList<>();
        for (ModelFactory factory : ModelCatalog.all()) {
            results.add(experiment.run(factory, modelSpec, out));
        }

        AccuracyTable table = AccuracyTable.of(experiment.testSetNames(), results);
        console.println();
        console.print(table.format());
        if (mode == TrainingMode.ROTATED) {
            int random = experiment.testSetNames().indexOf(TestSets.RANDOM);
            for (ModelResult result : results) {
                console.printf(Locale.ROOT, "%s test error on randomly rotated digits: %.2f%%%n", result.model(),
                        100 * (1 - result.accuracies().get(random)));
            }
        }
        Files.writeString(out.resolve("accuracy.csv"), table.toCsv(), StandardCharsets.UTF_8);
        String title = String.format(Locale.ROOT, "Rotated MNIST: %d %s training digits, %d epochs, width %s",
                trainSize, mode.name().toLowerCase(Locale.ROOT), epochs, width);
        AccuracyChart.writePng(table, title, out.resolve("accuracy.png"));
        console.printf("wrote %s, %s and the trained models to %s%n", "accuracy.csv", "accuracy.png", out.toAbsolutePath());
        console.flush();
        return 0;
    }

    private void checkOptions() {
        if (data != null && dl4jMnist) {
            throw new ParameterException(spec.commandLine(), "--data and --dl4j-mnist exclude each other: choose one source");
        }
        if (epochs <= 0 || trainSize <= 0 || testSize <= 0 || batchSize <= 0) {
            throw new ParameterException(spec.commandLine(), String.format(
                    "--epochs, --train-size, --test-size and --batch-size must be positive, got %d, %d, %d, %d",
                    epochs, trainSize, testSize, batchSize));
        }
        try {
            new ModelSpec(29, MnistSplit.MNIST_CLASSES, width, seed, learningRate);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--width or --learning-rate out of range: " + e.getMessage(), e);
        }
    }

    private MnistSplit loadData() throws IOException {
        MnistSplit split;
        if (dl4jMnist) {
            split = Dl4jMnist.load(trainSize, testSize);
        } else if (data != null) {
            split = MnistSplit.fromDirectory(data);
        } else {
            split = MnistSplit.embedded();
        }
        if (trainSize > split.train().count() || testSize > split.test().count()) {
            throw new ParameterException(spec.commandLine(), String.format("%s holds %d training and %d test digits; "
                    + "--train-size %d and --test-size %d ask for more", split.source(), split.train().count(),
                    split.test().count(), trainSize, testSize));
        }
        return split.first(trainSize, testSize);
    }
}
