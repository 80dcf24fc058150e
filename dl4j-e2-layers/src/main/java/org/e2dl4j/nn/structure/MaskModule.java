package org.e2dl4j.nn.structure;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.misc.ElementWiseMultiplicationLayer;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToCnnPreProcessor;
import org.deeplearning4j.nn.weights.WeightInit;
import org.e2dl4j.nn.EquivariantLayer;
import org.e2dl4j.nn.ExportedLayer;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.StockExport;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;

/**
 * Multiplies every channel of an S x S feature map by a soft disk mask (e2cnn's {@code MaskModule}), removing the
 * corners that a rotation would move off the grid: with centre {@code c = (S - 1) / 2} and
 * {@code t = (c - margin / 100 * c)^2}, a pixel at squared distance r from the centre gets 1 if {@code r <= t},
 * else {@code exp((t - r) / sigma^2)}. The mask is invariant under the grid's rotations and flips, so the module
 * is equivariant for every field type; the output type is the input type.
 *
 * <p>Input and output: [N, C, S, S] with C = {@code inType.size()}; other spatial sizes are rejected when the
 * network is configured. Options: {@code margin} in percent of the radius (default 0) and {@code sigma} (default
 * 2, the value e2cnn fixes). Exports to a frozen stock {@code ElementWiseMultiplicationLayer} holding the mask,
 * between reshaping preprocessors.
 */
public class MaskModule extends EquivariantLayer {

    private static final long serialVersionUID = 1L;

    /** e2cnn's width of the soft edge. */
    public static final double DEFAULT_SIGMA = 2.0;

    private int size;
    private double margin;
    private double sigma = DEFAULT_SIGMA;

    /** For Jackson. */
    protected MaskModule() {
    }

    protected MaskModule(Builder b) {
        super(b);
        this.size = b.size;
        this.margin = b.margin;
        this.sigma = b.sigma;
    }

    /** A positive mask size, a margin in [0, 100] percent, sigma positive and finite. */
    @Override
    protected void validate() {
        super.validate();
        if (size < 1) {
            throw new IllegalArgumentException(who() + ": the mask size S must be positive, got " + size);
        }
        if (!(margin >= 0 && margin <= 100)) {
            throw new IllegalArgumentException(who() + ": margin is a percentage of the radius in [0, 100], got "
                    + margin);
        }
        if (!(sigma > 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException(who() + ": sigma must be positive and finite, got " + sigma);
        }
    }

    /** The mask, row-major over the S x S grid: e2cnn's soft disk. A fresh array. */
    public double[] mask() {
        double c = (size - 1) / 2.0;
        double t = Math.pow(c - margin / 100.0 * c, 2);
        double[] m = new double[size * size];
        for (int row = 0; row < size; row++) {
            for (int col = 0; col < size; col++) {
                double r = (row - c) * (row - c) + (col - c) * (col - c);
                m[row * size + col] = r > t ? Math.exp((t - r) / (sigma * sigma)) : 1;
            }
        }
        return m;
    }

    /** The input type: masking scales pixels, not fibers. */
    @Override
    public FieldType outType() {
        return getInType();
    }

    /** Also requires the input to be S x S. */
    @Override
    protected InputType.InputTypeConvolutional checkInputType(InputType inputType, int layerIndex) {
        InputType.InputTypeConvolutional in = super.checkInputType(inputType, layerIndex);
        if (in.getHeight() != size || in.getWidth() != size) {
            throw new IllegalArgumentException(who() + ": the mask is " + size + " x " + size + " and needs an input of that size, got "
                    + in.getHeight() + " x " + in.getWidth());
        }
        return in;
    }

    @Override
    protected org.deeplearning4j.nn.api.Layer createLayer(NeuralNetConfiguration conf, DataType networkDataType) {
        return new MaskModuleLayer(conf, networkDataType);
    }

    /** The side S of the mask and of the inputs. */
    public int getSize() {
        return size;
    }

    public void setSize(int size) {
        this.size = size;
    }

    /** The margin in percent of the radius (e2cnn's {@code margin}). */
    public double getMargin() {
        return margin;
    }

    public void setMargin(double margin) {
        this.margin = margin;
    }

    /** The width of the soft edge. */
    public double getSigma() {
        return sigma;
    }

    public void setSigma(double sigma) {
        this.sigma = sigma;
    }

    @Override
    public boolean equals(Object o) {
        if (!super.equals(o)) {
            return false;
        }
        MaskModule m = (MaskModule) o;
        return size == m.size && Double.compare(margin, m.margin) == 0 && Double.compare(sigma, m.sigma) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), size, margin, sigma);
    }

    /**
    * Exports a {@link MaskModule} as stock layers: the [N, C, S, S] map is flattened (channel-major, DL4J's
    * {@code CnnToFeedForwardPreProcessor}), multiplied element-wise by the mask repeated for every channel in a
    * {@code ElementWiseMultiplicationLayer} (zero bias, identity activation) frozen in a
    * {@code FrozenLayerWithBackprop}, and reshaped back
    * by an identity {@code ActivationLayer} behind a {@code FeedForwardToCnnPreProcessor}.
    */
    @Override
    public StockExport toStock(org.deeplearning4j.nn.api.Layer layer) {
        return StockExport.replacedBy(stockLayers(layer));
    }

    private List<ExportedLayer> stockLayers(org.deeplearning4j.nn.api.Layer layer) {
        int s = getSize();
        int channels = getInType().size();
        int n = channels * s * s;
        double[] mask = mask();
        double[] tiled = new double[n];
        for (int ch = 0; ch < channels; ch++) {
            System.arraycopy(mask, 0, tiled, ch * s * s, s * s);
        }
        INDArray w;
        INDArray b;
        try (MemoryWorkspace ignored = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
            w = Nd4j.createFromArray(tiled).reshape(1, n);
            b = Nd4j.zeros(1, n);
        }
        ElementWiseMultiplicationLayer multiply = new ElementWiseMultiplicationLayer.Builder().nIn(n).nOut(n)
                .activation(Activation.IDENTITY).weightInit(WeightInit.ONES).biasInit(0).updater(new NoOp())
                .biasUpdater(new NoOp()).name(getLayerName()).build();
        ActivationLayer reshape = new ActivationLayer.Builder().activation(Activation.IDENTITY)
                .name(getLayerName()).build();
        return List.of(
                ExportedLayer.fixed(multiply, Map.of("W", w, "b", b))
                        .withPreProcessor(new CnnToFeedForwardPreProcessor(s, s, channels, CNN2DFormat.NCHW)),
                new ExportedLayer(reshape, Map.of())
                        .withPreProcessor(new FeedForwardToCnnPreProcessor(s, s, channels)));
    }

    /** Builds a {@link MaskModule} from the input type and the side S of the (square) inputs. */
    public static class Builder extends EquivariantLayer.Builder<Builder> {

        private final int size;
        private double margin;
        private double sigma = DEFAULT_SIGMA;

        /**
         * @param inType the input field type
         * @param size   the side S of the mask; inputs must be S x S (e2cnn's {@code S})
         */
        public Builder(FieldType inType, int size) {
            super(inType);
            this.size = size;
        }

        /** The margin around the disk in percent of its radius, in [0, 100]; default 0. */
        public Builder margin(double margin) {
            this.margin = margin;
            return this;
        }

        /** The width of the soft edge; default 2 (e2cnn's fixed value). */
        public Builder sigma(double sigma) {
            this.sigma = sigma;
            return this;
        }

        /**
         * @throws IllegalArgumentException if S is not positive, the margin is outside [0, 100] or sigma is not
         *                                  positive
         */
        @Override
        @SuppressWarnings("unchecked")
        public MaskModule build() {
            return checked(new MaskModule(this));
        }
    }
}
