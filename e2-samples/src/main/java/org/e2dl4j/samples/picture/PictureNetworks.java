package org.e2dl4j.samples.picture;

import java.util.List;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.conv.R2Conv;
import org.e2dl4j.picture.FeatureFieldPicture;
import org.e2dl4j.picture.FieldNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.NoOp;

/**
 * The two randomly initialized networks of the picture, four convolutions each (kernels 7, 5, 5, 5 with
 * "same" zero padding, no bias, so that a zero background stays zero and the border never matters):
 * <ul>
 *   <li>steerable: {@code R2Conv} on {@code rot2dOnR2(16)}, one trivial field -> 6 regular fields (ReLU) ->
 *       6 regular (ReLU) -> 6 regular (ReLU) -> one trivial field + one irrep(1) field. Equivariant to the
 *       rotations by multiples of 22.5 degrees; on the pixel grid exactly to those by 90 degrees;</li>
 *   <li>conventional: stock DL4J {@code ConvolutionLayer}s 1 -> 16 -> 16 -> 16 -> 3 channels (ReLU, He init),
 *       about as many parameters (14,784 against 12,978); its three output channels are read as (s, v_x, v_y).</li>
 * </ul>
 * The first layer of both works on any odd input size; the nominal {@value #NOMINAL_SIDE} only fixes the
 * configuration's input type. {@link #picture} puts both in a {@link FeatureFieldPicture}.
 */
public final class PictureNetworks {

    /** The rotation order of the steerable network's group C_N. */
    public static final int ROTATIONS = 16;

    private static final int NOMINAL_SIDE = 65;
    private static final int REGULAR_FIELDS = 6;
    private static final int CONVENTIONAL_CHANNELS = 16;
    private static final int[] KERNELS = {7, 5, 5, 5};

    private PictureNetworks() {
    }

    /** The picture of both networks, their random weights drawn from {@code seed}. */
    public static FeatureFieldPicture picture(long seed) {
        return new FeatureFieldPicture(steerable(seed), conventional(seed));
    }

    /** The steerable network, its random weights drawn from {@code seed}. */
    public static FieldNetwork steerable(long seed) {
        GSpace gs = GSpaces.rot2dOnR2(ROTATIONS);
        FieldType image = FieldType.trivial(gs, 1);
        FieldType hidden = FieldType.regular(gs, REGULAR_FIELDS);
        FieldType fields = new FieldType(gs, List.of(gs.trivialRepr(), gs.irrep(1)));
        List<FieldType> types = List.of(image, hidden, hidden, hidden, fields);
        Layer[] layers = new Layer[KERNELS.length];
        for (int i = 0; i < KERNELS.length; i++) {
            boolean last = i == KERNELS.length - 1;
            layers[i] = new R2Conv.Builder(types.get(i), types.get(i + 1), KERNELS[i]).padding(KERNELS[i] / 2)
                    .bias(false).activation(last ? Activation.IDENTITY : Activation.RELU).name("r2conv" + i).build();
        }
        return new FieldNetwork("steerable CNN (C" + ROTATIONS + ")", network(seed, layers));
    }

    /** The conventional network, its random weights drawn from {@code seed}. */
    public static FieldNetwork conventional(long seed) {
        int[] channels = {1, CONVENTIONAL_CHANNELS, CONVENTIONAL_CHANNELS, CONVENTIONAL_CHANNELS, 3};
        Layer[] layers = new Layer[KERNELS.length];
        for (int i = 0; i < KERNELS.length; i++) {
            boolean last = i == KERNELS.length - 1;
            layers[i] = new ConvolutionLayer.Builder(KERNELS[i], KERNELS[i]).padding(KERNELS[i] / 2, KERNELS[i] / 2)
                    .nIn(channels[i]).nOut(channels[i + 1]).hasBias(false).weightInit(WeightInit.RELU)
                    .activation(last ? Activation.IDENTITY : Activation.RELU).name("conv" + i).build();
        }
        return new FieldNetwork("conventional CNN", network(seed, layers));
    }

    private static MultiLayerNetwork network(long seed, Layer... layers) {
        NeuralNetConfiguration.ListBuilder b = new NeuralNetConfiguration.Builder().seed(seed).dataType(DataType.FLOAT)
                .updater(new NoOp()).list();
        for (Layer layer : layers) {
            b.layer(layer);
        }
        MultiLayerNetwork net = new MultiLayerNetwork(b.setInputType(InputType.convolutional(NOMINAL_SIDE, NOMINAL_SIDE,
                1)).validateOutputLayerConfig(false).build());
        net.init();
        return net;
    }
}
