package org.e2dl4j.nn.conv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.nn.EquivarianceCheck;
import org.e2dl4j.nn.EquivarianceReport;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.FieldVolumeInputType;
import org.e2dl4j.nn.testing.LayerContract;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The layer contract of R3Conv and R3ConvTransposed on escnn's 3D G-spaces: f(g.x) = g.f(x) in double on every
 * element of the G-space that maps the voxel grid to itself (exact voxel permutations), DL4J's gradient check in
 * double, JSON and ModelSerializer round trips, and export to stock Convolution3D / Deconvolution3D with the same
 * output (refused, naming the layer, for a padding mode other than zeros). The options are all exercised: stride,
 * padding and padding modes, dilation, Same mode, output padding.
 */
class R3ConvTest {

    /** Exact voxel permutations in double: only rounding remains. */
    private static final double EQUIVARIANCE_TOLERANCE = 1e-10;

    private static final GSpace C4 = GSpaces.rot2dOnR3(4);
    private static final GSpace D4 = GSpaces.dihedralOnR3(4);
    private static final GSpace CONE4 = GSpaces.conicalOnR3(4);
    private static final GSpace INV = GSpaces.invOnR3();
    private static final GSpace TRIVIAL = GSpaces.trivialOnR3();

    static Stream<Arguments> layers() {
        FieldType c4In = FieldType.trivial(C4, 1).plus(FieldType.irrep(C4, 1, 1));
        FieldType c4Out = FieldType.regular(C4, 1).plus(FieldType.trivial(C4, 1));
        FieldType d4Regular = FieldType.regular(D4, 1);
        FieldType d4Out = FieldType.trivial(D4, 1).plus(FieldType.irrep(D4, 1, 1, 1));
        FieldType coneRegular = FieldType.regular(CONE4, 1);
        FieldType invRegular = FieldType.regular(INV, 1);
        FieldType trivialIn = FieldType.trivial(TRIVIAL, 2);
        FieldType trivialOut = FieldType.trivial(TRIVIAL, 3);
        return Stream.of(
                Arguments.of("C4 about z, k3 p1", c4In, c4Out, 7, 4, supplier(
                        () -> new R3Conv.Builder(c4In, c4Out, 3).padding(1).build())),
                Arguments.of("C4 about z, k5 stride 2 reflect", c4In, c4Out, 9, 4, supplier(
                        () -> new R3Conv.Builder(c4In, c4Out, 5).padding(2).stride(2)
                                .paddingMode(PaddingMode.REFLECT).build())),
                Arguments.of("D4 about z, regular -> trivial + (1,1), k3 dilation 2", d4Regular, d4Out, 7, 8, supplier(
                        () -> new R3Conv.Builder(d4Regular, d4Out, 3).padding(2).dilation(2).build())),
                Arguments.of("conical C4 mirrors, regular, Same stride 2", coneRegular, coneRegular, 7, 8, supplier(
                        () -> new R3Conv.Builder(coneRegular, coneRegular, 3).stride(2)
                                .convolutionMode(ConvolutionMode.Same).build())),
                Arguments.of("inversion regular, circular", invRegular, invRegular, 6, 2, supplier(
                        () -> new R3Conv.Builder(invRegular, invRegular, 3).padding(1)
                                .paddingMode(PaddingMode.CIRCULAR).build())),
                Arguments.of("trivial, k3", trivialIn, trivialOut, 5, 1, supplier(
                        () -> new R3Conv.Builder(trivialIn, trivialOut, 3).build())),
                Arguments.of("C4 transposed, k3 stride 2 p1", c4Out, c4In, 5, 4, supplier(
                        () -> new R3ConvTransposed.Builder(c4Out, c4In, 3).stride(2).padding(1).build())),
                Arguments.of("D4 transposed, k3 dilation 2", d4Out, d4Regular, 5, 8, supplier(
                        () -> new R3ConvTransposed.Builder(d4Out, d4Regular, 3).dilation(2).build())));
    }

    /**
     * The layers, and a transposed convolution with an output padding (equivariant only up to the one-sided crop it
     * implies, so not among the exactly equivariant {@link #layers()}).
     */
    static Stream<Arguments> contractCases() {
        FieldType d4Regular = FieldType.regular(D4, 1);
        FieldType d4Out = FieldType.trivial(D4, 1).plus(FieldType.irrep(D4, 1, 1, 1));
        return Stream.concat(layers(), Stream.of(Arguments.of("D4 transposed, stride 2 p1 output padding 1", d4Out,
                d4Regular, 5, 8, supplier(() -> new R3ConvTransposed.Builder(d4Out, d4Regular, 3).stride(2).padding(1)
                        .outputPadding(1).build()))));
    }

    private static Supplier<List<Layer>> supplier(Supplier<Layer> layer) {
        return () -> List.of(layer.get());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layers")
    void isEquivariantInDoubleOnEveryGridPreservingElement(String name, FieldType in, FieldType out, int size,
                                                          int elements, Supplier<List<Layer>> layers) {
        EquivarianceReport report = EquivarianceCheck.of(layers.get().get(0), in, out, DataType.DOUBLE)
                .inputSize(size, size, size).run();
        assertEquals(elements, report.exactErrors().size(), name + ": grid-preserving elements checked");
        assertTrue(report.maxExactRelativeError() <= EQUIVARIANCE_TOLERANCE, name + ": " + report);
    }

    /** One case per code path of the layer: explicit padding with stride, dilation, transposed, output padding. */
    static Stream<Arguments> gradientCases() {
        FieldType c4In = FieldType.trivial(C4, 1).plus(FieldType.irrep(C4, 1, 1));
        FieldType c4Out = FieldType.regular(C4, 1).plus(FieldType.trivial(C4, 1));
        FieldType d4Regular = FieldType.regular(D4, 1);
        FieldType d4Out = FieldType.trivial(D4, 1).plus(FieldType.irrep(D4, 1, 1, 1));
        return Stream.of(
                Arguments.of("C4 about z, stride 2 reflect", c4In, supplier(() -> new R3Conv.Builder(c4In, c4Out, 3)
                        .padding(1).stride(2).paddingMode(PaddingMode.REFLECT).build())),
                Arguments.of("D4 about z, dilation 2", d4Regular, supplier(() -> new R3Conv.Builder(d4Regular, d4Out, 3)
                        .padding(2).dilation(2).build())),
                Arguments.of("C4 transposed, stride 2 p1", c4Out, supplier(
                        () -> new R3ConvTransposed.Builder(c4Out, c4In, 3).stride(2).padding(1).build())),
                Arguments.of("D4 transposed, output padding 1", d4Out, supplier(
                        () -> new R3ConvTransposed.Builder(d4Out, d4Regular, 3).stride(2).padding(1).outputPadding(1)
                                .build())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("gradientCases")
    void passesTheGradientCheckInDouble(String name, FieldType in, Supplier<List<Layer>> layers) {
        LayerContract.assertGradientsCorrect(name, FieldVolumeInputType.of(in, 3, 3, 3), layers);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contractCases")
    void roundTripsThroughJsonAndModelSerializer(String name, FieldType in, FieldType out, int size, int elements,
                                                 Supplier<List<Layer>> layers, @TempDir Path dir) throws Exception {
        LayerContract.assertJsonRoundTrip(name, FieldVolumeInputType.of(in, 5, 5, 5), layers);
        LayerContract.assertSerializerRoundTrip(name, FieldVolumeInputType.of(in, 5, 5, 5), layers, dir);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contractCases")
    void exportsToStockLayersWithTheSameOutputOrSaysWhyNot(String name, FieldType in, FieldType out, int size,
                                                          int elements, Supplier<List<Layer>> layers) {
        AbstractR2Conv conv = (AbstractR2Conv) layers.get().get(0);
        if (conv.getPaddingMode() == PaddingMode.ZEROS) {
            LayerContract.assertExportEquivalent(name, FieldVolumeInputType.of(in, 5, 6, 5), layers);
        } else {
            LayerContract.assertExportRefused(name, FieldVolumeInputType.of(in, 5, 6, 5), layers, "R3Conv");
        }
    }
}
