package org.e2dl4j.samples.bench;

import java.util.List;

import org.deeplearning4j.nn.api.layers.IOutputLayer;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/**
 * The {@link TimedLayer} of a network's output layer. In {@code fit} DL4J never calls the output layer's
 * {@code activate}: its backward pass ({@code backpropGradient}) computes the pre-output and the gradient of the
 * loss itself, and the forward pass is {@code computeScore} (pre-output, activation and loss), which is timed as
 * this layer's forward time. Both times therefore include the loss.
 */
final class TimedOutputLayer extends TimedLayer implements IOutputLayer {

    private final IOutputLayer output;

    TimedOutputLayer(IOutputLayer underlying) {
        super(underlying);
        this.output = underlying;
    }

    @Override
    public double computeScore(double fullNetworkRegScore, boolean training, LayerWorkspaceMgr workspaceMgr) {
        long start = DeviceClock.now();
        try {
            return output.computeScore(fullNetworkRegScore, training, workspaceMgr);
        } finally {
            addForwardNanos(DeviceClock.now() - start);
        }
    }

    @Override
    public INDArray computeScoreForExamples(double fullNetworkRegScore, LayerWorkspaceMgr workspaceMgr) {
        return output.computeScoreForExamples(fullNetworkRegScore, workspaceMgr);
    }

    @Override
    public boolean needsLabels() {
        return output.needsLabels();
    }

    @Override
    public void setLabels(INDArray labels) {
        output.setLabels(labels);
    }

    @Override
    public INDArray getLabels() {
        return output.getLabels();
    }

    @Override
    public double f1Score(DataSet data) {
        return output.f1Score(data);
    }

    @Override
    public double f1Score(INDArray examples, INDArray labels) {
        return output.f1Score(examples, labels);
    }

    @Override
    public int numLabels() {
        return output.numLabels();
    }

    @Override
    public void fit(DataSetIterator iter) {
        output.fit(iter);
    }

    @Override
    public int[] predict(INDArray examples) {
        return output.predict(examples);
    }

    @Override
    public List<String> predict(DataSet dataSet) {
        return output.predict(dataSet);
    }

    @Override
    public void fit(INDArray examples, INDArray labels) {
        output.fit(examples, labels);
    }

    @Override
    public void fit(DataSet data) {
        output.fit(data);
    }

    @Override
    public void fit(INDArray examples, int[] labels) {
        output.fit(examples, labels);
    }
}
