package org.e2dl4j.nn.conv;

import static org.e2dl4j.nn.testing.TestNetworks.gaussian;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The volumetric half of the convolution plumbing, against a Java-loop reference written from the definition:
 * libnd4j's conv3dnew (through {@link ConvolutionKind#CONVOLUTION} on NCDHW data, filter [outC, inC, k, k, k]) is the
 * cross-correlation {@code y[o, z, r, c] = b[o] + sum x[i, sz - p + a dil, ...] K[o, i, a, b, c]} in float and
 * double, with stride, padding and dilation (the dilated float case runs through the spread filter); deconv3d
 * ({@link ConvolutionKind#TRANSPOSED}, filter [inC, outC, k, k, k]) is its adjoint; conv3dnew_bp and deconv3d_bp give
 * the gradients of {@code <y, g>} (every filter entry checked against its definition); and the explicit padding modes pad every axis of a volume as {@link PaddingMode#source} says, with
 * the adjoint backward.
 */
class VolumetricOpsTest {


    /** The cross-correlation of x [N, I, D, H, W] with K [O, I, k, k, k], zero padded, by loops. */
    private static INDArray reference(INDArray x, INDArray filter, INDArray bias, int s, int p, int dil) {
        long n = x.size(0);
        long in = x.size(1);
        long out = filter.size(0);
        int k = (int) filter.size(2);
        long[] size = new long[3];
        for (int a = 0; a < 3; a++) {
            size[a] = (x.size(a + 2) + 2L * p - dil * (k - 1L) - 1) / s + 1;
        }
        INDArray y = Nd4j.zeros(DataType.DOUBLE, n, out, size[0], size[1], size[2]);
        for (int b = 0; b < n; b++) {
            for (int o = 0; o < out; o++) {
                for (int z = 0; z < size[0]; z++) {
                    for (int r = 0; r < size[1]; r++) {
                        for (int c = 0; c < size[2]; c++) {
                            double acc = bias.getDouble(o);
                            for (int i = 0; i < in; i++) {
                                for (int u = 0; u < k; u++) {
                                    for (int v = 0; v < k; v++) {
                                        for (int w = 0; w < k; w++) {
                                            long zz = (long) z * s - p + (long) u * dil;
                                            long rr = (long) r * s - p + (long) v * dil;
                                            long cc = (long) c * s - p + (long) w * dil;
                                            if (zz >= 0 && rr >= 0 && cc >= 0 && zz < x.size(2) && rr < x.size(3)
                                                    && cc < x.size(4)) {
                                                acc += x.getDouble(b, i, zz, rr, cc) * filter.getDouble(o, i, u, v, w);
                                            }
                                        }
                                    }
                                }
                            }
                            y.putScalar(new long[] {b, o, z, r, c}, acc);
                        }
                    }
                }
            }
        }
        return y;
    }

    /** The forward op outside workspaces. */
    private static void forward(ConvolutionKind kind, INDArray x, INDArray filter, INDArray bias, INDArray out,
                                ConvGeometry g) {
        kind.forward(x, filter, bias, out, g, LayerWorkspaceMgr.noWorkspaces(), ArrayType.FF_WORKING_MEM);
    }

    private static double relativeError(INDArray expected, INDArray got) {
        return expected.sub(got.castTo(DataType.DOUBLE)).amaxNumber().doubleValue()
                / Math.max(1e-12, expected.amaxNumber().doubleValue());
    }

    @ParameterizedTest(name = "{0}: stride {1}, padding {2}, dilation {3}")
    @CsvSource({"FLOAT, 1, 0, 1", "FLOAT, 2, 1, 1", "FLOAT, 1, 2, 2", "DOUBLE, 1, 0, 1", "DOUBLE, 2, 1, 1",
            "DOUBLE, 1, 2, 2"})
    void conv3dnewIsTheCrossCorrelationAndDeconv3dItsAdjoint(DataType type, int s, int p, int dil) {
        ConvGeometry g = new ConvGeometry(3, s, p, dil, ConvolutionMode.Truncate);
        INDArray x = gaussian(DataType.DOUBLE, 1, 2, 3, 7, 5, 9);
        INDArray filter = gaussian(DataType.DOUBLE, 2, 4, 3, 3, 3, 3);
        INDArray bias = gaussian(DataType.DOUBLE, 3, 4);
        INDArray expected = reference(x, filter, bias, s, p, dil);
        INDArray y = Nd4j.create(type, expected.shape());
        forward(ConvolutionKind.CONVOLUTION, x.castTo(type), filter.castTo(type), bias.castTo(type), y, g);
        double tolerance = type == DataType.DOUBLE ? 1e-12 : 1e-5;
        assertTrue(relativeError(expected, y) <= tolerance, "conv3dnew: " + relativeError(expected, y));

        // <deconv(u), x> = <u, conv(x)> for the bias-free convolution; deconv3d's filter [inC, outC, ...] is the
        // convolution's [outC, inC, ...] read the other way round
        INDArray u = gaussian(DataType.DOUBLE, 4, expected.shape());
        INDArray noBias = Nd4j.zeros(DataType.DOUBLE, 4);
        INDArray plain = reference(x, filter, noBias, s, p, dil);
        for (int a = 2; a < 5; a++) {
            assertEquals(x.size(a), ConvolutionKind.TRANSPOSED.outputSize(g, u.size(a)), "transposed size, axis " + a);
        }
        INDArray back = Nd4j.create(type, x.shape());
        forward(ConvolutionKind.TRANSPOSED, u.castTo(type), filter.castTo(type), null, back, g);
        double lhs = back.castTo(DataType.DOUBLE).mul(x).sumNumber().doubleValue();
        double rhs = u.mul(plain).sumNumber().doubleValue();
        assertEquals(rhs, lhs, tolerance * 10 * Math.abs(rhs), "deconv3d is the adjoint of conv3dnew");

        // conv3dnew_bp: dL/dx, dL/dK and dL/db of L = <y, u>
        INDArray gradX = Nd4j.create(type, x.shape());
        INDArray gradFilter = Nd4j.create(type, filter.shape());
        INDArray gradBias = Nd4j.create(type, 4);
        ConvolutionKind.CONVOLUTION.backward(x.castTo(type), filter.castTo(type), bias.castTo(type), u.castTo(type),
                gradX, gradFilter, gradBias, g);
        assertTrue(relativeError(back.castTo(DataType.DOUBLE), gradX) <= tolerance * 10, "dL/dx is deconv3d of dL/dy");
        assertFilterGradient(ConvolutionKind.CONVOLUTION, x, filter, u, gradFilter, g, type);
        assertArrayEquals(u.sum(0, 2, 3, 4).toDoubleVector(), gradBias.castTo(DataType.DOUBLE).toDoubleVector(),
                tolerance * 100 * u.length(), "dL/db sums dL/dy");

        // deconv3d_bp: dL/du of <deconv(u), x> is conv(x), and dL/dK entry by entry
        INDArray gradU = Nd4j.create(type, u.shape());
        INDArray gradTransposedFilter = Nd4j.create(type, filter.shape());
        ConvolutionKind.TRANSPOSED.backward(u.castTo(type), filter.castTo(type), null, x.castTo(type), gradU,
                gradTransposedFilter, null, g);
        assertTrue(relativeError(plain, gradU) <= tolerance * 10, "dL/du of deconv3d is conv3dnew of dL/dy");
        assertFilterGradient(ConvolutionKind.TRANSPOSED, u, filter, x, gradTransposedFilter, g, type);
    }

    /**
     * dL/dK of L = <op(in, K), gradOut> against its definition entry by entry: L is linear in K, so
     * dL/dK[j] = L(K + e_j) - L(K) exactly.
     */
    private static void assertFilterGradient(ConvolutionKind kind, INDArray in, INDArray filter, INDArray gradOut,
                                             INDArray gradFilter, ConvGeometry g, DataType type) {
        double tolerance = type == DataType.DOUBLE ? 1e-10 : 1e-3;
        INDArray out = Nd4j.create(type, gradOut.shape());
        forward(kind, in.castTo(type), filter.castTo(type), null, out, g);
        double base = out.castTo(DataType.DOUBLE).mul(gradOut).sumNumber().doubleValue();
        for (long j = 0; j < filter.length(); j++) {
            INDArray moved = filter.dup();
            moved.putScalar(j, filter.getDouble(j) + 1);
            forward(kind, in.castTo(type), moved.castTo(type), null, out, g);
            double expected = out.castTo(DataType.DOUBLE).mul(gradOut).sumNumber().doubleValue() - base;
            assertEquals(expected, gradFilter.getDouble(j), tolerance * (1 + Math.abs(expected)),
                    kind + " dL/dK entry " + j);
        }
    }

    @ParameterizedTest
    @EnumSource(value = PaddingMode.class, names = {"REFLECT", "REPLICATE", "CIRCULAR"})
    void paddingModesPadEveryAxisOfAVolumeAndTheBackwardIsTheAdjoint(PaddingMode mode) {
        int p = 2;
        INDArray x = gaussian(DataType.DOUBLE, 5, 2, 3, 4, 5, 3);
        InputPadding padding = new InputPadding(mode, p);
        INDArray padded = padding.pad(x, ArrayType.FF_WORKING_MEM, LayerWorkspaceMgr.noWorkspaces());
        assertArrayEquals(new long[] {2, 3, 8, 9, 7}, padded.shape());
        for (int z = 0; z < 8; z++) {
            for (int r = 0; r < 9; r++) {
                for (int c = 0; c < 7; c++) {
                    double expected = x.getDouble(1, 2, mode.source(z, p, 4), mode.source(r, p, 5),
                            mode.source(c, p, 3));
                    assertEquals(expected, padded.getDouble(1, 2, z, r, c), 0.0,
                            mode + " at " + z + ", " + r + ", " + c);
                }
            }
        }
        INDArray g = gaussian(DataType.DOUBLE, 6, padded.shape());
        INDArray gradX = Nd4j.create(DataType.DOUBLE, x.shape());
        double lhs = g.mul(padded).sumNumber().doubleValue();
        padding.backprop(g.dup(), gradX);
        double rhs = gradX.mul(x).sumNumber().doubleValue();
        assertEquals(lhs, rhs, 1e-10 * Math.abs(lhs), mode + ": <pad(x), g> = <x, pad^T(g)>");
    }
}
