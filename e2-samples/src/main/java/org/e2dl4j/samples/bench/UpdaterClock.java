package org.e2dl4j.samples.bench;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.optimize.api.BaseTrainingListener;

/**
 * Times the update of one {@code fit} step: from the end of the gradient computation
 * ({@code onGradientCalculation}) to the end of the iteration ({@code iterationDone}), which covers the updater
 * (Adam's moment estimates and step) and the subtraction of the update from the parameters.
 */
final class UpdaterClock extends BaseTrainingListener {

    private long start = -1;
    private long nanos;

    @Override
    public void onGradientCalculation(Model model) {
        start = DeviceClock.now();
    }

    @Override
    public void iterationDone(Model model, int iteration, int epoch) {
        if (start >= 0) {
            nanos += DeviceClock.now() - start;
            start = -1;
        }
    }

    /** Nanoseconds in updates since the last {@link #reset()}. */
    long nanos() {
        return nanos;
    }

    void reset() {
        start = -1;
        nanos = 0;
    }
}
