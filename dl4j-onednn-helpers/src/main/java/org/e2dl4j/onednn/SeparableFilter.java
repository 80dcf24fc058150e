package org.e2dl4j.onednn;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A depthwise filter [kH, kW, C, 1] that is one outer product u v^T on every channel (a Gaussian or binomial blur),
 * and the adjoint of its strided, padded, dilated convolution as two matrix products per batch: dL/dX = A_h^T dL/dY
 * A_w on every map, where A_h [H', H] holds u on its band (A_h[o, s o + d a - p] = u[a]) and A_w [W', W] likewise v.
 * The band matrices are kept per input size.
 */
final class SeparableFilter {

    private final double[] u;
    private final double[] v;
    private final Map<String, INDArray> bands = new ConcurrentHashMap<>();

    private SeparableFilter(double[] u, double[] v) {
        this.u = u;
        this.v = v;
    }

    /**
     * The factors of {@code w} [kH, kW, C, 1], or null when its channels differ or one channel is not u v^T to within
     * a few roundings of its type (max |f - u v^T| &lt;= 8 eps max |f|, eps of float or of double).
     */
    static SeparableFilter of(INDArray w) {
        int kh = (int) w.size(0);
        int kw = (int) w.size(1);
        long channels = w.size(2);
        double[] all = w.dup('c').data().asDouble();
        double[][] f = new double[kh][kw];
        double largest = 0;
        int pr = 0;
        int pc = 0;
        for (int r = 0; r < kh; r++) {
            for (int c = 0; c < kw; c++) {
                int base = (int) ((r * kw + c) * channels);
                f[r][c] = all[base];
                for (int ch = 1; ch < channels; ch++) {
                    if (all[base + ch] != f[r][c]) {
                        return null;
                    }
                }
                if (Math.abs(f[r][c]) > largest) {
                    largest = Math.abs(f[r][c]);
                    pr = r;
                    pc = c;
                }
            }
        }
        if (largest == 0 || !Double.isFinite(largest)) {
            return null;
        }
        double[] u = new double[kh];
        double[] v = new double[kw];
        for (int r = 0; r < kh; r++) {
            u[r] = f[r][pc];
        }
        for (int c = 0; c < kw; c++) {
            v[c] = f[pr][c] / f[pr][pc];
        }
        double tolerance = 8 * (w.dataType() == DataType.DOUBLE ? Math.ulp(1.0) : Math.ulp(1.0f)) * largest;
        for (int r = 0; r < kh; r++) {
            for (int c = 0; c < kw; c++) {
                if (!(Math.abs(f[r][c] - u[r] * v[c]) <= tolerance)) {
                    return null;
                }
            }
        }
        return new SeparableFilter(u, v);
    }

    /**
     * dL/dx into the c-ordered {@code dx} [N, C, H, W] from {@code dy} [N, C, H', W'] for stride s, top-left padding p
     * and dilation d.
     */
    void adjoint(INDArray dy, INDArray dx, int[] s, int[] p, int[] d, LayerWorkspaceMgr ws) {
        DataType type = dx.dataType();
        long maps = dy.size(0) * dy.size(1);
        long outH = dy.size(2);
        long outW = dy.size(3);
        long h = dx.size(2);
        long w = dx.size(3);
        INDArray heightFirst = ws.createUninitialized(ArrayType.BP_WORKING_MEM, type, new long[] {outH, maps, outW}, 'c');
        heightFirst.assign(dy.reshape(maps, outH, outW).permute(1, 0, 2));
        INDArray rows = ws.createUninitialized(ArrayType.BP_WORKING_MEM, type, new long[] {h, maps * outW}, 'c');
        Nd4j.gemm(band(type, 0, s[0], p[0], d[0], outH, h), heightFirst.reshape('c', outH, maps * outW), rows, true,
                false, 1.0, 0.0);
        INDArray mapsFirst = ws.createUninitialized(ArrayType.BP_WORKING_MEM, type, new long[] {maps, h, outW}, 'c');
        mapsFirst.assign(rows.reshape('c', h, maps, outW).permute(1, 0, 2));
        Nd4j.gemm(mapsFirst.reshape('c', maps * h, outW), band(type, 1, s[1], p[1], d[1], outW, w),
                dx.reshape('c', maps * h, w), false, false, 1.0, 0.0);
    }

    /** The band matrix [out, n] of the 1D convolution along axis 0 (u) or 1 (v) at stride s, padding p, dilation d. */
    private INDArray band(DataType type, int axis, int s, int p, int d, long out, long n) {
        double[] taps = axis == 0 ? u : v;
        String key = type + ":" + axis + ":" + s + ":" + p + ":" + d + ":" + out + ":" + n;
        return bands.computeIfAbsent(key, k -> {
            double[][] band = new double[Math.toIntExact(out)][Math.toIntExact(n)];
            for (int o = 0; o < out; o++) {
                for (int a = 0; a < taps.length; a++) {
                    long i = (long) s * o + (long) d * a - p;
                    if (i >= 0 && i < n) {
                        band[o][(int) i] += taps[a];
                    }
                }
            }
            try (MemoryWorkspace ignored = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
                return Nd4j.createFromArray(band).castTo(type);
            }
        });
    }
}
