package org.e2dl4j.samples.model;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.InputTypeUtil;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.memory.LayerMemoryReport;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A plain k x k convolution (filter "W" [outC, inC, k, k] and bias "b" are the parameters themselves) that
 * runs libnd4j's conv2d / conv2d_bp exactly as R2Conv does, stride 1 with zero padding p: the conventional
 * CNN's convolution and the benchmarks' baseline. An R2Conv of the same shape differs from it only by the
 * filter expansion. (DL4J 1.0.0-M2.1's stock {@code ConvolutionLayer} computes the same function through a
 * Java-side im2col path that is several times slower on the CPU.)
 */
public class PlainConvolution extends FeedForwardLayer {

    private static final long serialVersionUID = 1L;

    private int kernelSize;
    private int padding;

    public PlainConvolution() {
    }

    private PlainConvolution(Builder b) {
        super(b);
        this.kernelSize = b.kernelSize;
        this.padding = b.padding;
    }

    /** An in -> out channel convolution with a k x k kernel, stride 1, zero padding p, identity activation. */
    public static PlainConvolution of(int in, int out, int kernelSize, int padding) {
        Builder b = new Builder(kernelSize, padding);
        b.nIn(in).nOut(out).activation(org.nd4j.linalg.activations.Activation.IDENTITY);
        return b.build();
    }

    @SuppressWarnings("unchecked")
    private static final class Builder extends FeedForwardLayer.Builder<Builder> {
        private final int kernelSize;
        private final int padding;

        Builder(int kernelSize, int padding) {
            this.kernelSize = kernelSize;
            this.padding = padding;
        }

        @Override
        public PlainConvolution build() {
            return new PlainConvolution(this);
        }
    }

    public int getKernelSize() {
        return kernelSize;
    }

    public void setKernelSize(int kernelSize) {
        this.kernelSize = kernelSize;
    }

    public int getPadding() {
        return padding;
    }

    public void setPadding(int padding) {
        this.padding = padding;
    }

    @Override
    public org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> listeners,
                                                       int index, INDArray paramsView, boolean initialize,
                                                       DataType dataType) {
        PlainConvolutionLayer layer = new PlainConvolutionLayer(conf, dataType);
        layer.setListeners(listeners);
        layer.setIndex(index);
        layer.setParamsViewArray(paramsView);
        layer.setParamTable(initializer().init(conf, paramsView, initialize));
        layer.setConf(conf);
        return layer;
    }

    @Override
    public ParamInitializer initializer() {
        return Params.INSTANCE;
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        InputType.InputTypeConvolutional in = (InputType.InputTypeConvolutional) inputType;
        long h = in.getHeight() + 2L * padding - kernelSize + 1;
        long w = in.getWidth() + 2L * padding - kernelSize + 1;
        return InputType.convolutional(h, w, nOut);
    }

    @Override
    public void setNIn(InputType inputType, boolean override) {
        nIn = ((InputType.InputTypeConvolutional) inputType).getChannels();
    }

    @Override
    public InputPreProcessor getPreProcessorForInputType(InputType inputType) {
        return InputTypeUtil.getPreProcessorForInputTypeCnnLayers(inputType, getLayerName());
    }

    @Override
    public boolean isPretrainParam(String paramName) {
        return false;
    }

    @Override
    public LayerMemoryReport getMemoryReport(InputType inputType) {
        throw new UnsupportedOperationException("not needed by the benchmark");
    }

    /** Filter weights then bias, as views of the flat parameter vector; He-normal filter, zero bias. */
    static final class Params implements ParamInitializer {
        static final Params INSTANCE = new Params();

        private static long filterSize(Layer l) {
            PlainConvolution c = (PlainConvolution) l;
            return c.getNOut() * c.getNIn() * c.kernelSize * c.kernelSize;
        }

        @Override
        public long numParams(NeuralNetConfiguration conf) {
            return numParams(conf.getLayer());
        }

        @Override
        public long numParams(Layer layer) {
            return filterSize(layer) + ((PlainConvolution) layer).getNOut();
        }

        @Override
        public List<String> paramKeys(Layer layer) {
            return List.of("W", "b");
        }

        @Override
        public List<String> weightKeys(Layer layer) {
            return List.of("W");
        }

        @Override
        public List<String> biasKeys(Layer layer) {
            return List.of("b");
        }

        @Override
        public boolean isWeightParam(Layer layer, String key) {
            return "W".equals(key);
        }

        @Override
        public boolean isBiasParam(Layer layer, String key) {
            return "b".equals(key);
        }

        @Override
        public Map<String, INDArray> init(NeuralNetConfiguration conf, INDArray view, boolean initialize) {
            Map<String, INDArray> params = getGradientsFromFlattened(conf, view);
            if (initialize) {
                PlainConvolution c = (PlainConvolution) conf.getLayer();
                double std = Math.sqrt(2.0 / (c.getNIn() * c.kernelSize * c.kernelSize));
                params.get("W").assign(Nd4j.randn(view.dataType(), params.get("W").shape()).muli(std));
                params.get("b").assign(0);
            }
            conf.addVariable("W");
            conf.addVariable("b");
            return params;
        }

        @Override
        public Map<String, INDArray> getGradientsFromFlattened(NeuralNetConfiguration conf, INDArray view) {
            INDArray flat = view.reshape(view.length());
            long n = filterSize(conf.getLayer());
            return new java.util.LinkedHashMap<>(Map.of(
                    "W", flat.get(NDArrayIndex.interval(0, n)),
                    "b", flat.get(NDArrayIndex.interval(n, view.length()))));
        }
    }
}
