package org.e2dl4j.nn.testing;

import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Cnn3DLossLayer;
import org.deeplearning4j.nn.conf.layers.CnnLossLayer;
import org.deeplearning4j.nn.conf.layers.Convolution3D;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.e2dl4j.nn.EquivariantLayer;
import org.e2dl4j.nn.FieldInputType;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.FieldVectorInputType;
import org.e2dl4j.nn.FieldVolumeInputType;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** Small networks and inputs for the layer tests. */
public final class TestNetworks {

    private TestNetworks() {
    }

    /**
     * The MSE loss after the layers: per pixel ({@code CnnLossLayer}) after feature maps, per voxel
     * ({@code Cnn3DLossLayer}) after volumes, per channel
     * ({@code LossLayer}) after fibers without base space or a stock {@code DenseLayer}. It reads the G-space of the
     * last layer's input type (shared by its output), so that a configuration's own checks still run first, when the
     * network is built.
     */
    private static Layer loss(List<Layer> layers) {
        Layer last = layers.get(layers.size() - 1);
        boolean vector = last instanceof EquivariantLayer e ? !e.getInType().hasBaseSpace() : last instanceof DenseLayer;
        if (last instanceof EquivariantLayer e && e.getInType().gspace().dimensionality() == 3) {
            return new Cnn3DLossLayer.Builder(Convolution3D.DataFormat.NCDHW)
                    .lossFunction(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY).build();
        }
        return vector ? new LossLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY).build()
                : new CnnLossLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY).build();
    }

    /** The layers, then an MSE loss per pixel (per channel after fibers); NoOp updater; given data type and seed. */
    public static MultiLayerNetwork withLoss(DataType dataType, long seed, InputType inputType, List<Layer> layers) {
        NeuralNetConfiguration.ListBuilder b = new NeuralNetConfiguration.Builder().seed(seed).dataType(dataType)
                .updater(new NoOp()).list();
        for (Layer l : layers) {
            b.layer(l);
        }
        b.layer(loss(layers));
        MultiLayerConfiguration conf = b.setInputType(inputType).build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    /** The same chain as a ComputationGraph with vertices "l0", "l1", ..., "loss". */
    public static ComputationGraph graphWithLoss(DataType dataType, long seed, InputType inputType, List<Layer> layers) {
        ComputationGraphConfiguration.GraphBuilder b = new NeuralNetConfiguration.Builder().seed(seed)
                .dataType(dataType).updater(new NoOp()).graphBuilder().addInputs("in");
        String previous = "in";
        for (int i = 0; i < layers.size(); i++) {
            b.addLayer("l" + i, layers.get(i), previous);
            previous = "l" + i;
        }
        b.addLayer("loss", loss(layers), previous);
        ComputationGraph g = new ComputationGraph(b.setOutputs("loss").setInputTypes(inputType).build());
        g.init();
        return g;
    }

    /** Seeded standard normal values (Java RNG, same on every backend). */
    public static INDArray gaussian(DataType dataType, long seed, long... shape) {
        Random rnd = new Random(seed);
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        double[] v = new double[(int) n];
        for (int i = 0; i < v.length; i++) {
            v[i] = rnd.nextGaussian();
        }
        return Nd4j.createFromArray(v).castTo(dataType).reshape('c', shape);
    }

    /** A square NCHW input type of {@code size} x {@code size} with the channels of {@code type}. */
    public static InputType input(FieldType type, int size) {
        return input(type, size, size);
    }

    /** The feed-forward input type [batch, size] of fibers of a type without base space. */
    public static InputType fibers(FieldType type) {
        return FieldVectorInputType.of(type);
    }

    /** An NCDHW input type of {@code d} x {@code h} x {@code w} of field type {@code type} (a {@link FieldVolumeInputType}). */
    public static InputType volume(FieldType type, int d, int h, int w) {
        return FieldVolumeInputType.of(type, d, h, w);
    }

    /** An NCHW input type of {@code h} x {@code w} of field type {@code type} (a {@link FieldInputType}). */
    public static InputType input(FieldType type, int h, int w) {
        return FieldInputType.of(type, h, w);
    }

    /**
     * An NCDHW input of 2 channels on a 2 x 2 x 2 grid, for {@link #behindStockConvolution3D}: the gradient checks
     * of parameter-free layers on volumes need parameters in front of them.
     */
    public static final InputType GRADIENT_VOLUME = InputType.convolutional3D(Convolution3D.DataFormat.NCDHW, 2, 2, 2,
            2);

    /**
     * A stock 1 x 1 x 1 {@code Convolution3D} from {@link #GRADIENT_VOLUME}'s 2 channels to {@code layerInput}'s
     * channels, then the layer: the gradient check's chain for a layer on volumes (the stock
     * convolution drops the field type, so the layer checks the channel count only).
     */
    public static Supplier<List<Layer>> behindStockConvolution3D(FieldType layerInput, Supplier<Layer> layer) {
        return () -> List.of(new Convolution3D.Builder(1, 1, 1).nIn(2).nOut(layerInput.size())
                .convolutionMode(ConvolutionMode.Same).dataFormat(Convolution3D.DataFormat.NCDHW)
                .activation(Activation.IDENTITY).build(), layer.get());
    }
}
