package org.e2dl4j.benchmarks;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH benchmark of single layers (see {@link LayerCatalog}): {@code train} is one training step of the layer
 * (forward in training mode + backward, in DL4J's training workspaces), {@code infer} one inference forward.
 * Compare a layer with its baseline in the catalog, measured in the same run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "-Dorg.bytedeco.javacpp.maxbytes=8G"})
public class LayerBenchmark {

    /** The catalog name of the measured layer. */
    @Param({"PlainConvolution", "R2Conv", "R2Conv.REFLECT", "R2Diffop", "Convolution3D", "R3Conv",
            "BatchNormalization", "InnerBatchNorm", "IIDBatchNorm2d", "FieldNorm", "EquivariantInstanceNorm",
            "EquivariantLayerNorm", "ActivationLayer.ELU", "ELU", "ActivationLayer.RELU", "ReLU", "TensorProductModule",
            "FourierELU",
            "NormNonLinearity.n_relu", "NormNonLinearity.n_softplus",
            "GatedNonLinearityUniform", "SubsamplingLayer.MAX", "PointwiseMaxPool", "PointwiseMaxPoolAntialiased",
            "NormMaxPool", "SubsamplingLayer.AVG", "PointwiseAvgPool", "PointwiseAvgPoolAntialiased",
            "GlobalPoolingLayer.MAX", "GroupPooling",
            "NormPool", "PointwiseAdaptiveAvgPool", "DenseLayer", "Linear", "BatchNormalization.1d",
            "IIDBatchNorm1d"})
    public String layer;

    private LayerStep step;

    /** Builds the layer and its fixed input once per trial. */
    @Setup(Level.Trial)
    public void setUp() {
        step = new LayerStep(LayerCatalog.named(layer), 1);
    }

    /** One training step of the layer. */
    @Benchmark
    public double train() {
        return step.train();
    }

    /** One inference forward of the layer. */
    @Benchmark
    public double infer() {
        return step.infer();
    }
}
