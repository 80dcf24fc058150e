package org.e2dl4j.samples.bench;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.wrapper.BaseWrapperLayer;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A layer of a network that adds up the wall time spent in its forward pass ({@code activate}) and in its
 * backward pass ({@code backpropGradient}) and otherwise hands every call to the layer it wraps unchanged, in the
 * workspaces the network opened for it.
 */
class TimedLayer extends BaseWrapperLayer {

    private long forwardNanos;
    private long backwardNanos;

    TimedLayer(Layer underlying) {
        super(underlying);
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        long start = DeviceClock.now();
        try {
            return super.activate(training, workspaceMgr);
        } finally {
            forwardNanos += DeviceClock.now() - start;
        }
    }

    @Override
    public INDArray activate(INDArray input, boolean training, LayerWorkspaceMgr workspaceMgr) {
        long start = DeviceClock.now();
        try {
            return super.activate(input, training, workspaceMgr);
        } finally {
            forwardNanos += DeviceClock.now() - start;
        }
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        long start = DeviceClock.now();
        try {
            return super.backpropGradient(epsilon, workspaceMgr);
        } finally {
            backwardNanos += DeviceClock.now() - start;
        }
    }

    /** Adds {@code nanos} to the forward time (for a forward pass that is not an {@code activate} call). */
    final void addForwardNanos(long nanos) {
        forwardNanos += nanos;
    }

    /** Nanoseconds in the forward pass since the last {@link #reset()}. */
    final long forwardNanos() {
        return forwardNanos;
    }

    /** Nanoseconds in the backward pass since the last {@link #reset()}. */
    final long backwardNanos() {
        return backwardNanos;
    }

    /** Sets both times back to zero. */
    final void reset() {
        forwardNanos = 0;
        backwardNanos = 0;
    }
}
