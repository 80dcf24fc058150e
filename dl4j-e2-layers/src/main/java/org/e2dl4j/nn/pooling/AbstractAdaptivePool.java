package org.e2dl4j.nn.pooling;

import java.util.Arrays;
import java.util.Objects;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.e2dl4j.nn.EquivariantLayer;
import org.e2dl4j.nn.FieldType;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The configuration shared by {@link PointwiseAdaptiveAvgPool} and {@link PointwiseAdaptiveMaxPool}: a fixed
 * output size (oH, oW) for any input size (see {@link AdaptivePool} for the windows); the output type is the
 * input type. The input size the network was configured with (by {@code setInputType}) is recorded, because
 * the export to a stock layer depends on it.
 */
public abstract class AbstractAdaptivePool extends EquivariantLayer {

    private static final long serialVersionUID = 1L;

    private int[] outputSize;
    private long inputHeight;
    private long inputWidth;

    /** For Jackson. */
    protected AbstractAdaptivePool() {
    }

    protected AbstractAdaptivePool(Builder<?> b) {
        super(b);
        this.outputSize = b.outputSize.clone();
    }

    /** An output size of two values, each at least 1. */
    @Override
    protected void validate() {
        super.validate();
        if (outputSize == null || outputSize.length != 2) {
            throw new IllegalArgumentException(who() + ": the output size needs two values (height, width), got "
                    + Arrays.toString(outputSize));
        }
        if (outputSize[0] < 1 || outputSize[1] < 1) {
            throw new IllegalArgumentException(who() + ": the output size must be at least 1 x 1, got "
                    + outputSize[0] + " x " + outputSize[1]);
        }
    }

    /** The pooling function. */
    public abstract WindowPool.Kind kind();

    @Override
    public FieldType outType() {
        return getInType();
    }

    @Override
    protected long outputHeight(long h) {
        return outputSize[0];
    }

    @Override
    protected long outputWidth(long w) {
        return outputSize[1];
    }

    /** Checks the input type and records its spatial size for the export. */
    @Override
    public void setNIn(InputType inputType, boolean override) {
        InputType.InputTypeConvolutional in = checkInputType(inputType, -1);
        this.inputHeight = in.getHeight();
        this.inputWidth = in.getWidth();
    }

    @Override
    protected org.deeplearning4j.nn.api.Layer createLayer(NeuralNetConfiguration conf, DataType networkDataType) {
        return new AdaptivePoolLayer(conf, networkDataType, new AdaptivePool(kind(), outputSize));
    }

    public int[] getOutputSize() {
        return outputSize;
    }

    public void setOutputSize(int[] outputSize) {
        this.outputSize = outputSize;
    }

    /** The input height the network was configured with, 0 if unknown. */
    public long getInputHeight() {
        return inputHeight;
    }

    public void setInputHeight(long inputHeight) {
        this.inputHeight = inputHeight;
    }

    /** The input width the network was configured with, 0 if unknown. */
    public long getInputWidth() {
        return inputWidth;
    }

    public void setInputWidth(long inputWidth) {
        this.inputWidth = inputWidth;
    }

    @Override
    public boolean equals(Object o) {
        if (!super.equals(o)) {
            return false;
        }
        AbstractAdaptivePool p = (AbstractAdaptivePool) o;
        return Arrays.equals(outputSize, p.outputSize) && inputHeight == p.inputHeight && inputWidth == p.inputWidth;
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), Arrays.hashCode(outputSize), inputHeight, inputWidth);
    }

    /** The builder: {@code (inType, outputSize)} or {@code (inType, outputHeight, outputWidth)}. */
    public abstract static class Builder<T extends Builder<T>> extends EquivariantLayer.Builder<T> {
        private final int[] outputSize;

        protected Builder(FieldType inType, int outputHeight, int outputWidth) {
            super(inType);
            this.outputSize = new int[] {outputHeight, outputWidth};
        }
    }
}
