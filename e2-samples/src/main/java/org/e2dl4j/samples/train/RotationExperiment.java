package org.e2dl4j.samples.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.e2dl4j.nn.Export;
import org.e2dl4j.samples.data.ImageBatchIterator;
import org.e2dl4j.samples.data.LabelledImages;
import org.e2dl4j.samples.data.MnistSplit;
import org.e2dl4j.samples.model.ModelFactory;
import org.e2dl4j.samples.model.ModelSpec;
import org.nd4j.evaluation.classification.Evaluation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rotated-MNIST experiment: train a model on upright (or randomly rotated) digits with DL4J's own
 * loop ({@code fit(DataSetIterator)}), then measure its accuracy on the test digits upright, turned by
 * 90, 180 and 270 degrees, and turned by random angles ({@link TestSets}).
 *
 * <p>Images of even side are padded by one zero row and column (bottom, right) first, so that the
 * quarter turns are exact about a centre pixel (28 x 28 MNIST becomes 29 x 29, as in e2cnn's example).
 * Seeds: the training order uses {@code seed}, the training angles {@code seed + 1}, the test angles
 * {@code seed + 2}.
 */
public final class RotationExperiment {

    private static final Logger LOG = LoggerFactory.getLogger(RotationExperiment.class);

    /**
     * How models are trained.
     *
     * @param epochs       passes over the training digits
     * @param batchSize    digits per mini-batch
     * @param mode         upright or randomly rotated training digits
     * @param seed         the run's seed
     * @param progressBars whether to draw a console progress bar per epoch
     */
    public record Settings(int epochs, int batchSize, TrainingMode mode, long seed, boolean progressBars) {

        /** Checks the ranges. */
        public Settings {
            if (epochs <= 0 || batchSize <= 0) {
                throw new IllegalArgumentException("rotation experiment: expected positive epochs and batch size, got "
                        + epochs + " epochs of batches of " + batchSize);
            }
            if (mode == null) {
                throw new IllegalArgumentException("rotation experiment: expected a training mode (UPRIGHT or ROTATED), got null");
            }
        }
    }

    private final Settings settings;
    private final LabelledImages training;
    private final List<NamedImages> testSets;

    /** Prepares the training digits and the evaluation sets of {@code data}. */
    public RotationExperiment(MnistSplit data, Settings settings) {
        this.settings = settings;
        LabelledImages train = paddedToOddSquare(data.train());
        this.training = settings.mode() == TrainingMode.ROTATED ? train.rotatedRandomly(settings.seed() + 1) : train;
        this.testSets = TestSets.of(paddedToOddSquare(data.test()), settings.seed() + 2);
    }

    /** The side of the (padded) images the models see. */
    public int imageSide() {
        return training.height();
    }

    /** The number of classes. */
    public int classes() {
        return training.classes();
    }

    /** The training digits as the models see them. */
    public LabelledImages training() {
        return training;
    }

    /** The evaluation sets, in table order. */
    public List<NamedImages> testSets() {
        return testSets;
    }

    /** The names of the evaluation sets, in table order. */
    public List<String> testSetNames() {
        return testSets.stream().map(NamedImages::name).toList();
    }

    /**
     * Trains a fresh model of {@code factory}, evaluates it on every test set, and saves it with
     * {@link ModelSerializer} as {@code NAME.zip} in {@code outputDirectory} (created if missing); a model with
     * layers of this library is also exported to stock DL4J layers and saved as {@code NAME-standard.zip}.
     */
    public ModelResult run(ModelFactory factory, ModelSpec spec, Path outputDirectory) throws IOException {
        if (spec.imageSide() != imageSide() || spec.classes() != classes()) {
            throw new IllegalArgumentException("rotation experiment: the data are " + imageSide() + " x " + imageSide()
                    + " images of " + classes() + " classes, the model spec asks for " + spec.imageSide() + " x "
                    + spec.imageSide() + " and " + spec.classes());
        }
        MultiLayerNetwork network = factory.create(spec);
        ImageBatchIterator batches = ImageBatchIterator.shuffled(training, settings.batchSize(), settings.seed());
        if (settings.progressBars()) {
            network.setListeners(new EpochProgressBars(factory.name(), settings.epochs(), batches.batchesPerEpoch()));
        }
        LOG.info("training {} ({} parameters) on {} {} digits for {} epochs", factory.name(), network.numParams(),
                training.count(), settings.mode().name().toLowerCase(), settings.epochs());
        long start = System.nanoTime();
        for (int epoch = 0; epoch < settings.epochs(); epoch++) {
            batches.reset();
            network.fit(batches);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        network.setListeners();

        List<Double> accuracies = new ArrayList<>();
        for (NamedImages set : testSets) {
            Evaluation evaluation = network.evaluate(ImageBatchIterator.ordered(set.images(), settings.batchSize()));
            accuracies.add(evaluation.accuracy());
        }
        Files.createDirectories(outputDirectory);
        Path saved = outputDirectory.resolve(factory.name() + ".zip");
        ModelSerializer.writeModel(network, saved.toFile(), true);
        Optional<Path> exported = Optional.empty();
        if (factory.usesLibraryLayers()) {
            exported = Optional.of(outputDirectory.resolve(factory.name() + "-standard.zip"));
            ModelSerializer.writeModel(Export.toStandard(network), exported.get().toFile(), false);
        }
        return new ModelResult(factory.name(), network.numParams(), seconds, accuracies, network, saved, exported);
    }

    private static LabelledImages paddedToOddSquare(LabelledImages images) {
        if (images.height() != images.width()) {
            throw new IllegalArgumentException("rotation experiment: expected square images, got "
                    + images.height() + " x " + images.width());
        }
        return images.height() % 2 == 0 ? images.paddedBottomRight(1, 1) : images;
    }
}
