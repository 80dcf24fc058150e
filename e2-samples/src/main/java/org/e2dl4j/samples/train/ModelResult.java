package org.e2dl4j.samples.train;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * One trained model of the rotated-MNIST sample and how it did.
 *
 * @param model           the model's name
 * @param parameters      its number of parameters
 * @param trainingSeconds wall-clock time of the training epochs
 * @param accuracies      accuracy in [0, 1] on each evaluation set, in {@link RotationExperiment#testSetNames()} order
 * @param network         the trained network
 * @param savedModel      where {@link org.deeplearning4j.util.ModelSerializer} wrote it
 * @param exportedModel   where its export to stock DL4J layers was written; empty for a model of stock layers
 */
public record ModelResult(String model, long parameters, double trainingSeconds, List<Double> accuracies,
        MultiLayerNetwork network, Path savedModel, Optional<Path> exportedModel) {

    /** Copies the accuracies. */
    public ModelResult {
        accuracies = List.copyOf(accuracies);
    }
}
