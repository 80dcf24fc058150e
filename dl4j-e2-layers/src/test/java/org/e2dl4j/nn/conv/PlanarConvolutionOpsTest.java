package org.e2dl4j.nn.conv;

import static org.e2dl4j.nn.testing.TestNetworks.gaussian;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The planar forward convolution ({@link ConvolutionKind#CONVOLUTION} on NCHW data), whose float case runs through a
 * channels-last working buffer, against a Java-loop reference written from the definition
 * {@code y[n, o, r, c] = b[o] + sum_i,u,v x[n, i, r s - p + u dil, c s - p + v dil] K[o, i, u, v]}: in float and
 * double, with stride, padding and dilation, its working buffer in a workspace that is reused (so it holds the
 * previous call's values), and an output holding NaN beforehand (every entry must be written).
 */
class PlanarConvolutionOpsTest {

    private static final WorkspaceConfiguration WORKING = WorkspaceConfiguration.builder().initialSize(0)
            .policyAllocation(AllocationPolicy.STRICT).policyLearning(LearningPolicy.FIRST_LOOP).build();


    /** The cross-correlation of x [N, I, H, W] with K [O, I, k, k], zero padded, by loops. */
    private static INDArray reference(INDArray x, INDArray filter, INDArray bias, int s, int p, int dil) {
        int k = (int) filter.size(2);
        long[] size = new long[2];
        for (int a = 0; a < 2; a++) {
            size[a] = (x.size(a + 2) + 2L * p - dil * (k - 1L) - 1) / s + 1;
        }
        INDArray y = Nd4j.zeros(DataType.DOUBLE, x.size(0), filter.size(0), size[0], size[1]);
        for (int n = 0; n < x.size(0); n++) {
            for (int o = 0; o < filter.size(0); o++) {
                for (int r = 0; r < size[0]; r++) {
                    for (int c = 0; c < size[1]; c++) {
                        double acc = bias.getDouble(o);
                        for (int i = 0; i < x.size(1); i++) {
                            for (int u = 0; u < k; u++) {
                                for (int v = 0; v < k; v++) {
                                    long rr = (long) r * s - p + (long) u * dil;
                                    long cc = (long) c * s - p + (long) v * dil;
                                    if (rr >= 0 && cc >= 0 && rr < x.size(2) && cc < x.size(3)) {
                                        acc += x.getDouble(n, i, rr, cc) * filter.getDouble(o, i, u, v);
                                    }
                                }
                            }
                        }
                        y.putScalar(new long[] {n, o, r, c}, acc);
                    }
                }
            }
        }
        return y;
    }

    @ParameterizedTest(name = "{0}: stride {1}, padding {2}, dilation {3}")
    @CsvSource({"FLOAT, 1, 0, 1", "FLOAT, 1, 2, 1", "FLOAT, 2, 1, 1", "FLOAT, 1, 2, 2", "DOUBLE, 1, 2, 1",
            "DOUBLE, 2, 1, 1", "DOUBLE, 1, 2, 2"})
    void conv2dIsTheCrossCorrelationWithEveryOutputEntryWritten(DataType type, int s, int p, int dil) {
        ConvGeometry g = new ConvGeometry(3, s, p, dil, ConvolutionMode.Truncate);
        INDArray filter = gaussian(DataType.DOUBLE, 2, 5, 3, 3, 3);
        INDArray bias = gaussian(DataType.DOUBLE, 3, 5);
        LayerWorkspaceMgr ws = LayerWorkspaceMgr.builder().with(ArrayType.FF_WORKING_MEM, "PLANAR_CONV_TEST", WORKING)
                .build();
        double tolerance = type == DataType.DOUBLE ? 1e-12 : 1e-5;
        for (int call = 0; call < 2; call++) {
            INDArray x = gaussian(DataType.DOUBLE, 10 + call, 2, 3, 9, 8);
            INDArray expected = reference(x, filter, bias, s, p, dil);
            INDArray y = Nd4j.valueArrayOf(expected.shape(), Double.NaN, type);
            try (MemoryWorkspace ignored = ws.notifyScopeEntered(ArrayType.FF_WORKING_MEM)) {
                ConvolutionKind.CONVOLUTION.forward(x.castTo(type), filter.castTo(type), bias.castTo(type), y, g, ws,
                        ArrayType.FF_WORKING_MEM);
            }
            double error = expected.sub(y.castTo(DataType.DOUBLE)).amaxNumber().doubleValue()
                    / expected.amaxNumber().doubleValue();
            assertTrue(error <= tolerance, "call " + call + ": relative error " + error + " (NaN: an entry unwritten)");
        }
    }
}
