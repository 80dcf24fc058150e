package org.e2dl4j.nn.invariant;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The maximum over consecutive groups of channels as a chain of linear maps and ReLUs, built from
 * {@code max(a, b) = relu(a - b) + relu(b) - relu(-b)} and {@code c = relu(c) - relu(-c)}: each level pairs up
 * the values still left in every group, so groups of size s need ceil(log2 s) levels. Level i is a matrix
 * {@code M_i} [channels out][channels in] followed by a ReLU; the last matrix (no ReLU) reads off one value per
 * group. Exact in real arithmetic; in floating point each level adds a rounding of the order of one ulp.
 * This is how {@link GroupPooling#toStock} expresses group pooling with stock 1x1 convolutions. Immutable.
 */
final class MaxTree {

    private final List<double[][]> reluLevels;
    private final double[][] readout;

    /** @param groupSizes the size (at least 1) of each consecutive group of channels */
    public MaxTree(int[] groupSizes) {
        int width = Arrays.stream(groupSizes).sum();
        List<List<double[]>> values = new ArrayList<>();
        int c = 0;
        for (int s : groupSizes) {
            if (s < 1) {
                throw new IllegalArgumentException("group sizes must be >= 1, got " + Arrays.toString(groupSizes));
            }
            List<double[]> group = new ArrayList<>();
            for (int k = 0; k < s; k++) {
                group.add(unit(width, c++));
            }
            values.add(group);
        }
        List<double[][]> levels = new ArrayList<>();
        while (values.stream().anyMatch(g -> g.size() > 1)) {
            List<double[]> rows = new ArrayList<>();
            List<List<int[]>> next = new ArrayList<>();
            for (List<double[]> group : values) {
                List<int[]> reduced = new ArrayList<>();
                for (int i = 0; i < group.size(); i += 2) {
                    if (i + 1 < group.size()) {
                        double[] a = group.get(i);
                        double[] b = group.get(i + 1);
                        reduced.add(new int[] {add(rows, minus(a, b)), add(rows, b), add(rows, negate(b))});
                    } else {
                        double[] v = group.get(i);
                        reduced.add(new int[] {add(rows, v), add(rows, negate(v))});
                    }
                }
                next.add(reduced);
            }
            levels.add(rows.toArray(new double[0][]));
            values = new ArrayList<>();
            for (List<int[]> group : next) {
                List<double[]> g = new ArrayList<>();
                for (int[] parts : group) {
                    g.add(parts.length == 3 ? combination(rows.size(), parts, 1, 1, -1)
                            : combination(rows.size(), parts, 1, -1));
                }
                values.add(g);
            }
        }
        this.reluLevels = List.copyOf(levels);
        this.readout = values.stream().map(g -> g.get(0)).toArray(double[][]::new);
    }

    /** The matrices of the levels followed by a ReLU, in order (empty when every group has size 1). */
    public List<double[][]> reluLevels() {
        return reluLevels;
    }

    /** The last matrix [groups][channels of the last level], no ReLU after it. */
    public double[][] readout() {
        return readout;
    }

    private static int add(List<double[]> rows, double[] row) {
        rows.add(row);
        return rows.size() - 1;
    }

    private static double[] unit(int n, int i) {
        double[] e = new double[n];
        e[i] = 1;
        return e;
    }

    private static double[] minus(double[] a, double[] b) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i] - b[i];
        }
        return d;
    }

    private static double[] negate(double[] a) {
        return minus(new double[a.length], a);
    }

    private static double[] combination(int n, int[] rows, double... coefficients) {
        double[] v = new double[n];
        for (int i = 0; i < rows.length; i++) {
            v[rows[i]] = coefficients[i];
        }
        return v;
    }
}
