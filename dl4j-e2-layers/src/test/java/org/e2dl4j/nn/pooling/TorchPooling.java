package org.e2dl4j.nn.pooling;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Reference 2D pooling written directly from PyTorch's documented definitions (what e2cnn's pooling modules
 * call), element by element in double, independent of the layers under test: {@code max_pool2d} (padding
 * ignored), {@code avg_pool2d} with {@code count_include_pad=True}, {@code adaptive_avg_pool2d} /
 * {@code adaptive_max_pool2d} (window i spans [floor(i n / o), ceil((i + 1) n / o))).
 */
final class TorchPooling {

    private TorchPooling() {
    }

    /** Output size along one axis: floor or ceil of (n + 2p - d(k-1) - 1) / s, + 1, the last window inside. */
    static int outputSize(int n, int k, int s, int p, int d, boolean ceil) {
        int span = n + 2 * p - d * (k - 1) - 1;
        int out = (ceil ? (int) Math.ceil(span / (double) s) : Math.floorDiv(span, s)) + 1;
        if (ceil && (out - 1) * s >= n + p) {
            out--;
        }
        return out;
    }

    /** max_pool2d with square kernel k, stride s, padding p, dilation d. */
    static INDArray maxPool(INDArray x, int[] k, int[] s, int[] p, int[] d, boolean ceil) {
        int n = (int) x.size(0);
        int c = (int) x.size(1);
        int h = (int) x.size(2);
        int w = (int) x.size(3);
        int oh = outputSize(h, k[0], s[0], p[0], d[0], ceil);
        int ow = outputSize(w, k[1], s[1], p[1], d[1], ceil);
        double[] out = new double[n * c * oh * ow];
        int o = 0;
        for (int b = 0; b < n; b++) {
            for (int ch = 0; ch < c; ch++) {
                for (int i = 0; i < oh; i++) {
                    for (int j = 0; j < ow; j++) {
                        double m = Double.NEGATIVE_INFINITY;
                        for (int u = 0; u < k[0]; u++) {
                            for (int v = 0; v < k[1]; v++) {
                                int r = i * s[0] - p[0] + u * d[0];
                                int q = j * s[1] - p[1] + v * d[1];
                                if (r >= 0 && r < h && q >= 0 && q < w) {
                                    m = Math.max(m, x.getDouble(b, ch, r, q));
                                }
                            }
                        }
                        out[o++] = m;
                    }
                }
            }
        }
        return Nd4j.createFromArray(out).reshape(n, c, oh, ow);
    }

    /** avg_pool2d with kernel k, stride s, padding p: the sum over the window / the window's cells in the padded input. */
    static INDArray avgPool(INDArray x, int[] k, int[] s, int[] p, boolean ceil) {
        int n = (int) x.size(0);
        int c = (int) x.size(1);
        int h = (int) x.size(2);
        int w = (int) x.size(3);
        int oh = outputSize(h, k[0], s[0], p[0], 1, ceil);
        int ow = outputSize(w, k[1], s[1], p[1], 1, ceil);
        double[] out = new double[n * c * oh * ow];
        int o = 0;
        for (int b = 0; b < n; b++) {
            for (int ch = 0; ch < c; ch++) {
                for (int i = 0; i < oh; i++) {
                    for (int j = 0; j < ow; j++) {
                        int r0 = i * s[0] - p[0];
                        int q0 = j * s[1] - p[1];
                        int r1 = Math.min(r0 + k[0], h + p[0]);
                        int q1 = Math.min(q0 + k[1], w + p[1]);
                        double sum = 0;
                        for (int r = Math.max(r0, 0); r < Math.min(r1, h); r++) {
                            for (int q = Math.max(q0, 0); q < Math.min(q1, w); q++) {
                                sum += x.getDouble(b, ch, r, q);
                            }
                        }
                        out[o++] = sum / ((r1 - r0) * (q1 - q0));
                    }
                }
            }
        }
        return Nd4j.createFromArray(out).reshape(n, c, oh, ow);
    }

    /** adaptive_avg_pool2d (max = false) or adaptive_max_pool2d (max = true) to oh x ow. */
    static INDArray adaptive(INDArray x, int oh, int ow, boolean max) {
        int n = (int) x.size(0);
        int c = (int) x.size(1);
        int h = (int) x.size(2);
        int w = (int) x.size(3);
        double[] out = new double[n * c * oh * ow];
        int o = 0;
        for (int b = 0; b < n; b++) {
            for (int ch = 0; ch < c; ch++) {
                for (int i = 0; i < oh; i++) {
                    for (int j = 0; j < ow; j++) {
                        int r0 = Math.floorDiv(i * h, oh);
                        int r1 = -Math.floorDiv(-(i + 1) * h, oh);
                        int q0 = Math.floorDiv(j * w, ow);
                        int q1 = -Math.floorDiv(-(j + 1) * w, ow);
                        double acc = max ? Double.NEGATIVE_INFINITY : 0;
                        for (int r = r0; r < r1; r++) {
                            for (int q = q0; q < q1; q++) {
                                acc = max ? Math.max(acc, x.getDouble(b, ch, r, q)) : acc + x.getDouble(b, ch, r, q);
                            }
                        }
                        out[o++] = max ? acc : acc / ((r1 - r0) * (q1 - q0));
                    }
                }
            }
        }
        return Nd4j.createFromArray(out).reshape(n, c, oh, ow);
    }

    /**
     * The depthwise convolution of every channel with the same filter g (PyTorch's {@code conv2d} with
     * {@code groups = channels}): zero padding p, stride s.
     */
    static INDArray depthwise(INDArray x, double[][] g, int[] s, int[] p) {
        int n = (int) x.size(0);
        int c = (int) x.size(1);
        int h = (int) x.size(2);
        int w = (int) x.size(3);
        int k = g.length;
        int oh = Math.floorDiv(h + 2 * p[0] - k, s[0]) + 1;
        int ow = Math.floorDiv(w + 2 * p[1] - k, s[1]) + 1;
        double[] out = new double[n * c * oh * ow];
        int o = 0;
        for (int b = 0; b < n; b++) {
            for (int ch = 0; ch < c; ch++) {
                for (int i = 0; i < oh; i++) {
                    for (int j = 0; j < ow; j++) {
                        double sum = 0;
                        for (int u = 0; u < k; u++) {
                            for (int v = 0; v < k; v++) {
                                int r = i * s[0] - p[0] + u;
                                int q = j * s[1] - p[1] + v;
                                if (r >= 0 && r < h && q >= 0 && q < w) {
                                    sum += g[u][v] * x.getDouble(b, ch, r, q);
                                }
                            }
                        }
                        out[o++] = sum;
                    }
                }
            }
        }
        return Nd4j.createFromArray(out).reshape(n, c, oh, ow);
    }

    /**
     * e2cnn's blur filter: size 2 round(radius sigma) + 1 (Python's round, halves to even), entries
     * exp(-|(r, c) - centre|^2 / (2 sigma^2)) normalised to sum 1.
     */
    static double[][] gaussian(double sigma, double radius) {
        double scaled = radius * sigma;
        long rounded = Math.round(scaled);
        if (Math.abs(scaled - Math.floor(scaled) - 0.5) < 1e-12 && rounded % 2 == 1) {
            rounded--;
        }
        int k = 2 * (int) rounded + 1;
        double m = (k - 1) / 2.0;
        double[][] g = new double[k][k];
        double total = 0;
        for (int r = 0; r < k; r++) {
            for (int c = 0; c < k; c++) {
                g[r][c] = Math.exp(-((r - m) * (r - m) + (c - m) * (c - m)) / (2 * sigma * sigma));
                total += g[r][c];
            }
        }
        for (double[] row : g) {
            for (int c = 0; c < k; c++) {
                row[c] /= total;
            }
        }
        return g;
    }

    /** Whether a and b (any data types) agree to a relative tolerance of their largest magnitude. */
    static double relativeError(INDArray expected, INDArray got) {
        INDArray e = expected.castTo(DataType.DOUBLE);
        INDArray g = got.castTo(DataType.DOUBLE);
        return e.sub(g).amaxNumber().doubleValue() / Math.max(1e-300, e.amaxNumber().doubleValue());
    }
}
