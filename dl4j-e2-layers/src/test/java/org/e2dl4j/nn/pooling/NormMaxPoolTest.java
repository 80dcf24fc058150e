package org.e2dl4j.nn.pooling;

import static org.e2dl4j.nn.testing.TestNetworks.input;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.conv.R2Conv;
import org.e2dl4j.nn.testing.LayerContract;
import org.e2dl4j.nn.testing.LayerRunner;
import org.e2dl4j.nn.testing.TestNetworks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@link NormMaxPool}: the vector of largest norm per field and window against a reference written from the
 * definition (padding, dilation, ceil mode), a small case by hand, equivariance on irreps, gradients, round
 * trips and the refused export.
 */
class NormMaxPoolTest {

    private static final GSpace C4 = GSpaces.rot2dOnR2(4);
    private static final GSpace C8 = GSpaces.rot2dOnR2(8);
    private static final GSpace D4 = GSpaces.flipRot2dOnR2(4);
    private static final FieldType C4_MIXED = new FieldType(C4, List.of(C4.irrep(1), C4.trivialRepr(),
            C4.regularRepr(), C4.irrep(1)));
    private static final FieldType D4_IRREPS = FieldType.irrep(D4, 2, 1, 1).plus(FieldType.irrep(D4, 1, 1, 0));
    private static final FieldType C8_IRREPS = FieldType.irrep(C8, 1, 1).plus(FieldType.irrep(C8, 1, 3));

    private static Supplier<List<Layer>> convThen(FieldType type, Supplier<Layer> pool) {
        return () -> List.of(new R2Conv.Builder(FieldType.trivial(type.gspace(), 1), type, 3).padding(1).build(),
                pool.get());
    }


    /** For every field and window: the field's vector at the first position of largest norm (padding excluded). */
    private static INDArray reference(INDArray x, FieldType type, int[] k, int[] s, int[] p, int[] d, boolean ceil) {
        int h = (int) x.size(2);
        int w = (int) x.size(3);
        int oh = TorchPooling.outputSize(h, k[0], s[0], p[0], d[0], ceil);
        int ow = TorchPooling.outputSize(w, k[1], s[1], p[1], d[1], ceil);
        INDArray out = Nd4j.zeros(DataType.DOUBLE, x.size(0), x.size(1), oh, ow);
        for (int b = 0; b < x.size(0); b++) {
            for (int f = 0; f < type.fieldCount(); f++) {
                for (int i = 0; i < oh; i++) {
                    for (int j = 0; j < ow; j++) {
                        double best = -1;
                        int[] at = null;
                        for (int u = 0; u < k[0]; u++) {
                            for (int v = 0; v < k[1]; v++) {
                                int r = i * s[0] - p[0] + u * d[0];
                                int q = j * s[1] - p[1] + v * d[1];
                                if (r < 0 || r >= h || q < 0 || q >= w) {
                                    continue;
                                }
                                double norm = 0;
                                for (int c = type.fieldStart(f); c < type.fieldEnd(f); c++) {
                                    norm += x.getDouble(b, c, r, q) * x.getDouble(b, c, r, q);
                                }
                                if (Math.sqrt(norm) > best) {
                                    best = Math.sqrt(norm);
                                    at = new int[] {r, q};
                                }
                            }
                        }
                        for (int c = type.fieldStart(f); c < type.fieldEnd(f); c++) {
                            out.putScalar(new long[] {b, c, i, j}, x.getDouble(b, c, at[0], at[1]));
                        }
                    }
                }
            }
        }
        return out;
    }

    @Test
    void keepsEachFieldsVectorOfLargestNormPerWindow() {
        // {kh, kw, sh, sw, ph, pw, dh, dw, ceil}
        int[][] windows = {{2, 2, 2, 2, 0, 0, 1, 1, 0}, {3, 3, 2, 2, 1, 1, 1, 1, 0}, {3, 2, 1, 2, 1, 1, 1, 1, 0},
                {3, 3, 2, 2, 0, 0, 2, 2, 0}, {2, 2, 2, 2, 0, 0, 1, 1, 1}, {3, 3, 2, 2, 1, 1, 1, 1, 1}};
        for (DataType dt : List.of(DataType.FLOAT, DataType.DOUBLE)) {
            for (int[] win : windows) {
                NormMaxPool layer = new NormMaxPool.Builder(C4_MIXED, win[0], win[1]).stride(win[2], win[3])
                        .padding(win[4], win[5]).dilation(win[6], win[7]).ceilMode(win[8] == 1).build();
                INDArray x = TestNetworks.gaussian(dt, 7, 2, C4_MIXED.size(), 8, 8);
                INDArray expected = reference(x, C4_MIXED, new int[] {win[0], win[1]}, new int[] {win[2], win[3]},
                        new int[] {win[4], win[5]}, new int[] {win[6], win[7]}, win[8] == 1);
                INDArray got = LayerRunner.forward(layer, input(C4_MIXED, 8), x);
                assertEquals(java.util.Arrays.toString(expected.shape()), java.util.Arrays.toString(got.shape()),
                        "output shape for " + layer.geometry());
                assertTrue(TorchPooling.relativeError(expected, got) == 0, dt + " " + layer.geometry()
                        + ": expected the selected vectors exactly, relative error "
                        + TorchPooling.relativeError(expected, got));
            }
        }
    }

    @Test
    void selectsTheWholeVectorNotTheLargestChannels() {
        FieldType type = FieldType.irrep(C4, 1, 1);
        // one window of 2x2 pixels; norms 5, 1, 4.5, 2: the first pixel's vector (3, -4) wins
        INDArray x = Nd4j.createFromArray(new double[] {3, 1, 4.5, 2, -4, 0, 0, 0}).reshape(1, 2, 2, 2);
        INDArray y = LayerRunner.forward(new NormMaxPool.Builder(type, 2).build(), input(type, 2), x);
        assertEquals(Nd4j.createFromArray(new double[] {3, -4}).reshape(1, 2, 1, 1), y, "vector of largest norm");
        INDArray dx = LayerRunner.backward(new NormMaxPool.Builder(type, 2).build(), input(type, 2), x,
                Nd4j.createFromArray(new double[] {7, 8}).reshape(1, 2, 1, 1));
        assertEquals(Nd4j.createFromArray(new double[] {7, 0, 0, 0, 8, 0, 0, 0}).reshape(1, 2, 2, 2), dx,
                "the gradient goes to the selected vector");
    }

    @Test
    void isEquivariantOnExactElementsForAnyFieldType() {
        for (FieldType type : List.of(C4_MIXED, D4_IRREPS, C8_IRREPS)) {
            LayerContract.assertEquivariant("k2 on 8x8, " + type, input(type, 8),
                    () -> List.of(new NormMaxPool.Builder(type, 2).build()), type, type, 1e-6);
            LayerContract.assertEquivariant("k3 s2 p1 on 9x9, " + type, input(type, 9),
                    () -> List.of(new NormMaxPool.Builder(type, 3).stride(2).padding(1).build()), type, type, 1e-6);
        }
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        InputType in = InputType.convolutional(7, 7, 1);
        LayerContract.assertGradientsCorrect("C4 k3 s2 p1", in,
                convThen(C4_MIXED, () -> new NormMaxPool.Builder(C4_MIXED, 3).stride(2).padding(1).build()));
        LayerContract.assertGradientsCorrect("D4 k2 ceil", in,
                convThen(D4_IRREPS, () -> new NormMaxPool.Builder(D4_IRREPS, 2).ceilMode(true).build()));
    }

    @Test
    void survivesJsonAndModelSerializer(@TempDir Path dir) throws Exception {
        InputType in = InputType.convolutional(7, 7, 1);
        Supplier<List<Layer>> layers = convThen(D4_IRREPS,
                () -> new NormMaxPool.Builder(D4_IRREPS, 3, 2).stride(2, 1).padding(1).ceilMode(true).build());
        LayerContract.assertJsonRoundTrip("D4", in, layers);
        LayerContract.assertSerializerRoundTrip("D4", in, layers, dir);
    }

    @Test
    void exportIsRefusedNamingTheLayer() {
        LayerContract.assertExportRefused("C4 mixed", input(C4_MIXED, 8),
                () -> List.of(new NormMaxPool.Builder(C4_MIXED, 2).build()), "NormMaxPool");
    }
}
