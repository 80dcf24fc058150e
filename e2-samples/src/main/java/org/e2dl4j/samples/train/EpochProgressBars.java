package org.e2dl4j.samples.train;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.optimize.api.BaseTrainingListener;

/**
 * A DL4J training listener that draws one console progress bar per epoch (on standard error), advanced
 * by one step per mini-batch and showing the current loss.
 */
public final class EpochProgressBars extends BaseTrainingListener {

    private final String model;
    private final int epochs;
    private final int batchesPerEpoch;
    private int epoch;
    private ProgressBar bar;

    /**
     * @param model           the model name shown in front of each bar
     * @param epochs          the number of epochs of the run
     * @param batchesPerEpoch the mini-batches in one epoch
     */
    public EpochProgressBars(String model, int epochs, int batchesPerEpoch) {
        this.model = model;
        this.epochs = epochs;
        this.batchesPerEpoch = batchesPerEpoch;
    }

    @Override
    public void onEpochStart(Model network) {
        epoch++;
        bar = new ProgressBarBuilder()
                .setTaskName(String.format("%s epoch %d/%d", model, epoch, epochs))
                .setInitialMax(batchesPerEpoch)
                .setStyle(ProgressBarStyle.ASCII)
                .setUnit(" batches", 1)
                .build();
    }

    @Override
    public void iterationDone(Model network, int iteration, int epochCount) {
        if (bar != null) {
            bar.step();
            bar.setExtraMessage(String.format("loss %.4f", network.score()));
        }
    }

    @Override
    public void onEpochEnd(Model network) {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
