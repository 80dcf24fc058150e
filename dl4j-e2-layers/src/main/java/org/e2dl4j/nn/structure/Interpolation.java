package org.e2dl4j.nn.structure;


/**
 * The 1-D interpolation matrices of PyTorch's {@code interpolate} (which e2cnn's {@code R2Upsampling} and escnn's
 * {@code R3Upsampling} wrap):
 * row o of the [out x in] matrix holds the weights of the input samples that output sample o takes. Upsampling
 * a plane is {@code A_h x A_w^T}; bilinear and trilinear interpolation are the linear one along every axis.
 */
final class Interpolation {

    private Interpolation() {
    }

    /**
     * The [out][in] interpolation matrix.
     *
     * <ul>
     *   <li>linear, corners not aligned: source {@code s = max(0, (o + 1/2) in / out - 1/2)}, weights
     *       {@code 1 - (s - i0)} on {@code i0 = floor(s)} and {@code s - i0} on {@code min(i0 + 1, in - 1)};</li>
     *   <li>linear, corners aligned: the same with {@code s = o (in - 1) / (out - 1)} (0 for one output);</li>
     *   <li>nearest: weight 1 on {@code min(floor(o in / out), in - 1)}.</li>
     * </ul>
     */
    static double[][] matrix(int in, int out, boolean nearest, boolean alignCorners) {
        double[][] a = new double[out][in];
        double scale = (double) in / out;
        for (int o = 0; o < out; o++) {
            if (nearest) {
                a[o][Math.min((int) Math.floor(o * scale), in - 1)] = 1;
                continue;
            }
            double s;
            if (alignCorners) {
                s = out > 1 ? o * (in - 1.0) / (out - 1.0) : 0;
            } else {
                s = Math.max(0, (o + 0.5) * scale - 0.5);
            }
            int i0 = Math.min((int) Math.floor(s), in - 1);
            int i1 = Math.min(i0 + 1, in - 1);
            double lambda = s - i0;
            a[o][i0] += 1 - lambda;
            a[o][i1] += lambda;
        }
        return a;
    }
}
