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
    private static final GSpace SO3 = GSpaces.rot3dOnR3();
    private static final GSpace O3 = GSpaces.flipRot3dOnR3();
    private static final GSpace OCTA = GSpaces.octaOnR3();
    private static final GSpace FULL_OCTA = GSpaces.fullOctaOnR3();
    private static final GSpace ICO = GSpaces.icoOnR3();

    /** One field of each listed irrep: SO(3)'s degrees l, or O(3)'s (j, l) pairs. */
    private static FieldType irreps(GSpace gs, int[]... ids) {
        FieldType t = FieldType.irrep(gs, 1, ids[0]);
        for (int i = 1; i < ids.length; i++) {
            t = t.plus(FieldType.irrep(gs, 1, ids[i]));
        }
        return t;
    }

    /** The cases on the rotation groups of the cube and of space: 24 (48 with inversion) exact elements. */
    static Stream<Arguments> spatialGroupLayers() {
        FieldType so3In = irreps(SO3, new int[] {0}, new int[] {1});
        FieldType so3Out = irreps(SO3, new int[] {0}, new int[] {1}, new int[] {2});
        FieldType o3In = irreps(O3, new int[] {0, 0}, new int[] {1, 1});
        FieldType o3Out = irreps(O3, new int[] {0, 0}, new int[] {1, 1}, new int[] {0, 1}, new int[] {1, 2});
        FieldType octaRegular = FieldType.regular(OCTA, 1);
        FieldType fullOctaTrivial = FieldType.trivial(FULL_OCTA, 1);
        FieldType fullOctaRegular = FieldType.regular(FULL_OCTA, 1);
        FieldType icoIn = FieldType.trivial(ICO, 1);
        FieldType icoOut = irreps(ICO, new int[] {0}, new int[] {1}, new int[] {4});
        return Stream.of(
                Arguments.of("SO(3) irreps 0,1 -> 0,1,2, k3 p1", so3In, so3Out, 5, 24, supplier(
                        () -> new R3Conv.Builder(so3In, so3Out, 3).padding(1).build())),
                Arguments.of("SO(3) k5 stride 2 replicate", so3In, so3Out, 5, 24, supplier(
                        () -> new R3Conv.Builder(so3In, so3Out, 5).padding(2).stride(2)
                                .paddingMode(PaddingMode.REPLICATE).build())),
                Arguments.of("O(3) (0,0)+(1,1) -> (0,0)+(1,1)+(0,1)+(1,2), k3", o3In, o3Out, 5, 48, supplier(
                        () -> new R3Conv.Builder(o3In, o3Out, 3).build())),
                Arguments.of("octa regular -> regular, k3 dilation 2", octaRegular, octaRegular, 5, 24, supplier(
                        () -> new R3Conv.Builder(octaRegular, octaRegular, 3).padding(2).dilation(2).build())),
                Arguments.of("full octa trivial -> regular, Same stride 2", fullOctaTrivial, fullOctaRegular, 5, 48,
                        supplier(() -> new R3Conv.Builder(fullOctaTrivial, fullOctaRegular, 3).stride(2)
                                .convolutionMode(ConvolutionMode.Same).build())),
                Arguments.of("ico trivial -> irreps 0,1,4, k5 p2", icoIn, icoOut, 5, 12, supplier(
                        () -> new R3Conv.Builder(icoIn, icoOut, 5).padding(2).build())),
                Arguments.of("SO(3) transposed irrep 1 -> 0,1, k3 stride 2 p1", irreps(SO3, new int[] {1}), so3In, 5,
                        24, supplier(() -> new R3ConvTransposed.Builder(irreps(SO3, new int[] {1}), so3In, 3)
                                .stride(2).padding(1).build())),
                Arguments.of("O(3) transposed (1,1) -> (0,0)+(1,1), k3", irreps(O3, new int[] {1, 1}), o3In, 5, 48,
                        supplier(() -> new R3ConvTransposed.Builder(irreps(O3, new int[] {1, 1}), o3In, 3).build())));
    }

    /** The cases on escnn's planar groups acting on R^3 (about the z axis, mirrors, inversion, trivial). */
    static Stream<Arguments> planarSubgroupLayers() {
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

    /** Every exactly equivariant case: the planar groups about the z axis, and the rotation groups of space. */
    static Stream<Arguments> layers() {
        return Stream.concat(planarSubgroupLayers(), spatialGroupLayers());
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
                .inputSize(size, size, size).batchSize(1).run();
        assertEquals(elements, report.exactErrors().size(), name + ": grid-preserving elements checked");
        assertTrue(report.maxExactRelativeError() <= EQUIVARIANCE_TOLERANCE, name + ": " + report);
    }

    /**
     * One case per code path of the layer: a Clebsch-Gordan basis of SO(3), explicit padding with stride, dilation,
     * transposed, output padding.
     */
    static Stream<Arguments> gradientCases() {
        FieldType c4In = FieldType.trivial(C4, 1).plus(FieldType.irrep(C4, 1, 1));
        FieldType c4Out = FieldType.regular(C4, 1).plus(FieldType.trivial(C4, 1));
        FieldType d4Regular = FieldType.regular(D4, 1);
        FieldType d4Out = FieldType.trivial(D4, 1).plus(FieldType.irrep(D4, 1, 1, 1));
        FieldType so3In = irreps(SO3, new int[] {0}, new int[] {1});
        FieldType so3Out = irreps(SO3, new int[] {0}, new int[] {1}, new int[] {2});
        return Stream.of(
                Arguments.of("SO(3) irreps 0,1 -> 0,1,2", so3In, supplier(() -> new R3Conv.Builder(so3In, so3Out, 3)
                        .padding(1).build())),
                Arguments.of("C4 about z, stride 2 reflect", c4In, supplier(() -> new R3Conv.Builder(c4In, c4Out, 3)
                        .padding(1).stride(2).paddingMode(PaddingMode.REFLECT).build())),
                Arguments.of("D4 about z, dilation 2", d4Regular, supplier(() -> new R3Conv.Builder(d4Regular, d4Out, 3)
                        .padding(2).dilation(2).build())),
                Arguments.of("C4 transposed, stride 2 p1", c4Out, supplier(
                        () -> new R3ConvTransposed.Builder(c4Out, c4In, 3).stride(2).padding(1).build())),
                Arguments.of("D4 transposed, output padding 1", d4Out, supplier(
                        () -> new R3ConvTransposed.Builder(d4Out, d4Regular, 3).stride(2).padding(2).outputPadding(1)
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
