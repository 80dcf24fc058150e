package org.e2dl4j.samples.voxel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.e2dl4j.nn.Export;
import org.e2dl4j.samples.train.EpochProgressBars;
import org.e2dl4j.samples.train.ModelResult;
import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The voxel experiment: train a model on the upright training grids of {@link TetrisData} with DL4J's own loop
 * ({@code fit(DataSetIterator)}, a fresh shuffle per epoch from one {@code Random(seed)}), then measure its
 * accuracy on each test set.
 */
public final class VoxelExperiment {

    private static final Logger LOG = LoggerFactory.getLogger(VoxelExperiment.class);

    /**
     * How models are trained.
     *
     * @param epochs       passes over the training grids
     * @param batchSize    grids per mini-batch
     * @param seed         the seed of the training order
     * @param progressBars whether to draw a console progress bar per epoch
     */
    public record Settings(int epochs, int batchSize, long seed, boolean progressBars) {

        /** Checks the ranges. */
        public Settings {
            if (epochs <= 0 || batchSize <= 0) {
                throw new IllegalArgumentException("voxel experiment: expected positive epochs and batch size, got "
                        + epochs + " epochs of batches of " + batchSize);
            }
        }
    }

    private final Settings settings;
    private final VoxelSet training;
    private final List<VoxelSet> testSets;

    /** Makes the training grids and the test sets of {@code data}. */
    public VoxelExperiment(TetrisData data, Settings settings) {
        this.settings = settings;
        this.training = data.training();
        this.testSets = data.testSets();
    }

    /** The training grids. */
    public VoxelSet training() {
        return training;
    }

    /** The test sets, in table order. */
    public List<VoxelSet> testSets() {
        return testSets;
    }

    /** The names of the test sets, in table order. */
    public List<String> testSetNames() {
        return testSets.stream().map(VoxelSet::name).toList();
    }

    /**
     * Trains a fresh model of {@code factory}, evaluates it on every test set, and saves it with
     * {@link ModelSerializer} as {@code NAME.zip} in {@code outputDirectory} (created if missing); a model with
     * layers of this library is also exported to stock DL4J layers and saved as {@code NAME-standard.zip}.
     */
    public ModelResult run(VoxelModelFactory factory, VoxelModelSpec spec, Path outputDirectory) throws IOException {
        if (spec.side() != training.side() || spec.classes() != training.classes()) {
            throw new IllegalArgumentException("voxel experiment: the data are " + training.side() + "^3 grids of "
                    + training.classes() + " classes, the model spec asks for " + spec.side() + "^3 and " + spec.classes());
        }
        MultiLayerNetwork network = factory.create(spec);
        if (settings.progressBars()) {
            network.setListeners(new EpochProgressBars(factory.name(), settings.epochs(),
                    training.batchCount(settings.batchSize())));
        }
        LOG.info("training {} ({} parameters) on {} upright grids for {} epochs", factory.name(), network.numParams(),
                training.count(), settings.epochs());
        Random order = new Random(settings.seed());
        long start = System.nanoTime();
        for (int epoch = 0; epoch < settings.epochs(); epoch++) {
            network.fit(training.shuffledBatches(settings.batchSize(), order));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        network.setListeners();

        List<Double> accuracies = new ArrayList<>();
        for (VoxelSet set : testSets) {
            accuracies.add(accuracy(network, set.batches(settings.batchSize())));
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

    private static double accuracy(MultiLayerNetwork network, DataSetIterator batches) {
        Evaluation evaluation = network.evaluate(batches);
        return evaluation.accuracy();
    }
}
