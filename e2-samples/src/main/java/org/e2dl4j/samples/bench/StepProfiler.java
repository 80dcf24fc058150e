package org.e2dl4j.samples.bench;

import java.util.ArrayList;
import java.util.List;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.layers.IOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.dataset.DataSet;

/**
 * Profiles a {@link MultiLayerNetwork}'s training step ({@code fit} on one batch) layer by layer, inside the real
 * {@code fit}: each layer is wrapped in a {@link TimedLayer} for the duration of the profile, so every forward
 * and backward call runs where DL4J runs it, in the workspaces DL4J opens for it.
 *
 * <p>What {@code fit} does, and what each time covers (DL4J 1.0.0-M2.1, {@code MultiLayerNetwork}): the forward
 * pass ({@code ffToLayerActivationsInWs}) calls {@code activate} of every layer but the last, each in its own
 * feed-forward working-memory scope, activations kept in the all-layers workspace: that call is the layer's
 * forward time. The backward pass ({@code calcBackpropGradients}) calls {@code backpropGradient} from the last
 * layer to the first, alternating two activation-gradient workspaces: that call is the layer's backward time
 * (the first layer's input gradient is computed and then dropped). The output layer has no {@code activate} in
 * {@code fit}: its forward time is the score ({@link TimedOutputLayer}). Input preprocessors, opening and
 * closing the workspaces, the gradient list and the regularization score fall in the rest; the update (Adam)
 * is timed by an {@link UpdaterClock} listener.
 */
public final class StepProfiler {

    private StepProfiler() {
    }

    /**
     * Runs {@code warmup} untimed and then {@code repeats} timed {@code fit} steps of {@code network} on
     * {@code batch} (so the network is trained by them) and returns the profile. The network's layers and
     * listeners are restored afterwards.
     */
    public static StepProfile profile(MultiLayerNetwork network, DataSet batch, int warmup, int repeats) {
        if (warmup < 0 || repeats < 1) {
            throw new IllegalArgumentException("step profile: expected warmup >= 0 and repeats >= 1, got warmup "
                    + warmup + ", repeats " + repeats);
        }
        Layer[] layers = network.getLayers();
        if (layers == null) {
            throw new IllegalArgumentException("step profile: expected an initialized network (call init() first)");
        }
        TimedLayer[] timed = new TimedLayer[layers.length];
        List<String> names = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        for (int i = 0; i < layers.length; i++) {
            boolean last = i == layers.length - 1;
            timed[i] = last && layers[i] instanceof IOutputLayer output ? new TimedOutputLayer(output) : new TimedLayer(layers[i]);
            org.deeplearning4j.nn.conf.layers.Layer config = layers[i].conf().getLayer();
            names.add(config.getLayerName() == null ? "layer" + i : config.getLayerName());
            kinds.add(config.getClass().getSimpleName());
        }
        List<TrainingListener> listeners = new ArrayList<>(network.getListeners());
        UpdaterClock updater = new UpdaterClock();
        List<TrainingListener> withClock = new ArrayList<>(listeners);
        withClock.add(updater);

        Layer[] wrapped = new Layer[layers.length];
        System.arraycopy(timed, 0, wrapped, 0, timed.length);
        network.setLayers(wrapped);
        network.setListeners(withClock);
        try {
            for (int i = 0; i < warmup; i++) {
                network.fit(batch);
            }
            List<StepProfile.Sample> samples = new ArrayList<>();
            long[] forward = new long[layers.length];
            long[] backward = new long[layers.length];
            for (int r = 0; r < repeats; r++) {
                for (TimedLayer layer : timed) {
                    layer.reset();
                }
                updater.reset();
                long start = DeviceClock.now();
                network.fit(batch);
                long step = DeviceClock.now() - start;
                for (int i = 0; i < timed.length; i++) {
                    forward[i] = timed[i].forwardNanos();
                    backward[i] = timed[i].backwardNanos();
                }
                samples.add(new StepProfile.Sample(step, updater.nanos(), forward, backward));
            }
            return new StepProfile(names, kinds, samples);
        } finally {
            network.setLayers(layers);
            network.setListeners(listeners);
        }
    }
}
