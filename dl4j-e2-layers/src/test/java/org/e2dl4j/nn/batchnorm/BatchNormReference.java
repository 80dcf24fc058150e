package org.e2dl4j.nn.batchnorm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.e2dl4j.math.repr.IrreducibleRepresentation;
import org.e2dl4j.math.repr.Representation;
import org.e2dl4j.nn.FieldType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Plain-loop reference computations for the batch normalization tests, on NCHW maps: statistics of blocks of
 * channels over batch, space and the block's channels, and the normalized output. Independent of the layers'
 * ND4J implementation.
 */
final class BatchNormReference {

    private BatchNormReference() {
    }

    /** The channels of each field of a type. */
    static int[][] fieldChannels(FieldType type) {
        int[][] blocks = new int[type.fieldCount()][];
        for (int f = 0; f < type.fieldCount(); f++) {
            blocks[f] = new int[type.fieldEnd(f) - type.fieldStart(f)];
            for (int i = 0; i < blocks[f].length; i++) {
                blocks[f][i] = type.fieldStart(f) + i;
            }
        }
        return blocks;
    }

    /**
     * The channels of each irreducible component in the irrep basis ({@link #toIrrepBasis}), field by field and
     * irrep by irrep.
     */
    static int[][] irrepChannels(FieldType type) {
        List<int[]> blocks = new ArrayList<>();
        int channel = 0;
        for (Representation rep : type.representations()) {
            for (IrreducibleRepresentation irrep : rep.irreps()) {
                int[] block = new int[irrep.size()];
                for (int i = 0; i < block.length; i++) {
                    block[i] = channel++;
                }
                blocks.add(block);
            }
        }
        return blocks.toArray(int[][]::new);
    }

    /** Whether each irreducible component of {@link #irrepChannels} is the trivial irrep. */
    static boolean[] trivialIrreps(FieldType type) {
        List<Boolean> trivial = new ArrayList<>();
        for (Representation rep : type.representations()) {
            for (IrreducibleRepresentation irrep : rep.irreps()) {
                trivial.add(irrep.isTrivial());
            }
        }
        boolean[] t = new boolean[trivial.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = trivial.get(i);
        }
        return t;
    }

    /** z = Q^-1 x on every field at every pixel, with each field's own change of basis, as a DOUBLE NCHW array. */
    static INDArray toIrrepBasis(INDArray x, FieldType type) {
        double[] v = flat(x);
        double[] z = new double[v.length];
        long n = x.size(0);
        long c = x.size(1);
        long pixels = x.size(2) * x.size(3);
        for (int f = 0; f < type.fieldCount(); f++) {
            double[][] qInv = type.representations().get(f).changeOfBasisInv();
            int start = type.fieldStart(f);
            for (long i = 0; i < n; i++) {
                for (long p = 0; p < pixels; p++) {
                    for (int a = 0; a < qInv.length; a++) {
                        double sum = 0;
                        for (int b = 0; b < qInv.length; b++) {
                            sum += qInv[a][b] * v[(int) ((i * c + start + b) * pixels + p)];
                        }
                        z[(int) ((i * c + start + a) * pixels + p)] = sum;
                    }
                }
            }
        }
        return Nd4j.createFromArray(z).reshape('c', x.shape());
    }

    /** Mean of each block. */
    static double[] means(INDArray x, int[][] blocks) {
        double[] m = new double[blocks.length];
        for (int b = 0; b < blocks.length; b++) {
            m[b] = moment(x, blocks[b], 0, 1) / count(x, blocks[b]);
        }
        return m;
    }

    /** Variance of each block about its mean: biased (divided by the count) or unbiased (count - 1). */
    static double[] variances(INDArray x, int[][] blocks, boolean biased) {
        double[] mean = means(x, blocks);
        double[] v = new double[blocks.length];
        for (int b = 0; b < blocks.length; b++) {
            double n = count(x, blocks[b]);
            v[b] = moment(x, blocks[b], mean[b], 2) / (biased ? n : n - 1);
        }
        return v;
    }

    /** Mean of the squared values of each block (the second moment about 0). */
    static double[] secondMoments(INDArray x, int[][] blocks) {
        double[] m = new double[blocks.length];
        for (int b = 0; b < blocks.length; b++) {
            m[b] = moment(x, blocks[b], 0, 2) / count(x, blocks[b]);
        }
        return m;
    }

    /** {@code gamma_b (x - mean_b) / sqrt(var_b + eps) + beta_b} on every channel of every block, NCHW order. */
    static double[] normalize(INDArray x, int[][] blocks, double[] mean, double[] var, double[] gamma, double[] beta,
                              double eps) {
        double[] v = x.dup('c').reshape(x.length()).toDoubleVector();
        double[] y = new double[v.length];
        long n = x.size(0);
        long c = x.size(1);
        long pixels = x.size(2) * x.size(3);
        for (int b = 0; b < blocks.length; b++) {
            double scale = gamma[b] / Math.sqrt(var[b] + eps);
            for (int ch : blocks[b]) {
                for (long i = 0; i < n; i++) {
                    for (long p = 0; p < pixels; p++) {
                        int at = (int) ((i * c + ch) * pixels + p);
                        y[at] = scale * (v[at] - mean[b]) + beta[b];
                    }
                }
            }
        }
        return y;
    }

    /**
     * e2cnn's GNormBatchNorm with batch statistics: per field, z = Q^-1 x; per irrep psi of the field, mean (trivial
     * psi only) and variance {@code k * (mean of |z_psi|^2 / dim psi - mean^2)} with k = n / (n - 1), n = N H W;
     * {@code z' = gamma_psi (z - mean) / sqrt(var + eps) + beta_psi} (beta for trivial psi only); y = Q z'.
     * gamma is indexed field by field, irrep by irrep; beta by trivial irrep in the same order.
     */
    static double[] gnormTraining(INDArray x, FieldType type, double[] gamma, double[] beta, double eps) {
        int n = (int) x.size(0);
        int c = (int) x.size(1);
        int pixels = (int) (x.size(2) * x.size(3));
        double[] v = x.dup('c').reshape(x.length()).toDoubleVector();
        double[] y = new double[v.length];
        double samples = (double) n * pixels;
        double bessel = samples / (samples - 1);
        int g = 0;
        int t = 0;
        for (int f = 0; f < type.fieldCount(); f++) {
            Representation rep = type.representations().get(f);
            int start = type.fieldStart(f);
            int size = rep.size();
            double[][] qInv = rep.changeOfBasisInv();
            double[][] q = rep.changeOfBasis();
            double[][][] z = new double[n][size][pixels];
            for (int i = 0; i < n; i++) {
                for (int p = 0; p < pixels; p++) {
                    for (int a = 0; a < size; a++) {
                        double s = 0;
                        for (int b = 0; b < size; b++) {
                            s += qInv[a][b] * v[(i * c + start + b) * pixels + p];
                        }
                        z[i][a][p] = s;
                    }
                }
            }
            int offset = 0;
            for (IrreducibleRepresentation irrep : rep.irreps()) {
                int d = irrep.size();
                double sum = 0;
                double sumSq = 0;
                for (int i = 0; i < n; i++) {
                    for (int a = offset; a < offset + d; a++) {
                        for (int p = 0; p < pixels; p++) {
                            sum += z[i][a][p];
                            sumSq += z[i][a][p] * z[i][a][p];
                        }
                    }
                }
                boolean trivial = irrep.isTrivial();
                double mean = trivial ? sum / samples : 0;
                double var = bessel * (sumSq / (samples * d) - mean * mean);
                double scale = gamma[g++] / Math.sqrt(var + eps);
                double shift = trivial ? beta[t++] : 0;
                for (int i = 0; i < n; i++) {
                    for (int a = offset; a < offset + d; a++) {
                        for (int p = 0; p < pixels; p++) {
                            z[i][a][p] = scale * (z[i][a][p] - mean) + shift;
                        }
                    }
                }
                offset += d;
            }
            for (int i = 0; i < n; i++) {
                for (int p = 0; p < pixels; p++) {
                    for (int a = 0; a < size; a++) {
                        double s = 0;
                        for (int b = 0; b < size; b++) {
                            s += q[a][b] * z[i][b][p];
                        }
                        y[(i * c + start + a) * pixels + p] = s;
                    }
                }
            }
        }
        return y;
    }

    private static double count(INDArray x, int[] block) {
        return (double) x.size(0) * block.length * x.size(2) * x.size(3);
    }

    private static double moment(INDArray x, int[] block, double centre, int power) {
        double s = 0;
        for (long i = 0; i < x.size(0); i++) {
            for (int ch : block) {
                for (long r = 0; r < x.size(2); r++) {
                    for (long col = 0; col < x.size(3); col++) {
                        s += Math.pow(x.getDouble(i, ch, r, col) - centre, power);
                    }
                }
            }
        }
        return s;
    }

    /** The entries of an array in C order. */
    static double[] flat(INDArray a) {
        return a.dup('c').reshape(a.length()).toDoubleVector();
    }

    /** Asserts equal lengths and a relative error (to max(1, |expected|)) within the tolerance everywhere. */
    static void assertArrayClose(double[] expected, double[] got, double tolerance, String what) {
        assertEquals(expected.length, got.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            double err = Math.abs(expected[i] - got[i]) / Math.max(1, Math.abs(expected[i]));
            if (err > tolerance) {
                throw new AssertionError(what + ": at index " + i + " expected " + expected[i] + ", got " + got[i]
                        + " (relative error " + err + " > " + tolerance + ")");
            }
        }
    }
}
