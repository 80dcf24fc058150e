package org.e2dl4j.nn.nonlinear;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.e2dl4j.math.group.GroupGrid;
import org.e2dl4j.math.group.SubgroupId;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.math.repr.Representations;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.testing.DataTypeContract;
import org.e2dl4j.nn.testing.TestNetworks;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The nonlinearity layers fed an input of the other data type compute in the network's type, as DL4J's stock layers. */
class NonlinearDataTypeTest {

    private static final GSpace C4 = GSpaces.rot2dOnR2(4);
    /** Two gates, then a regular and an irrep-1 field. */
    private static final FieldType GATED_IN = FieldType.trivial(C4, 2).plus(FieldType.regular(C4, 1))
            .plus(FieldType.irrep(C4, 1, 1));

    private static final GSpace SO2 = GSpaces.rot2dOnR2(-1, 2);
    /** Two fields of SO(2)'s band-limited regular representation, frequencies 0, 1, 2. */
    private static final FieldType SO2_FIELDS = FieldType.of(SO2, Representations.spectralRegular(SO2.fibergroup(),
            Representations.bandLimitedIrreps(SO2.fibergroup(), 2)), 2);
    /** Two fields of functions on SO(2) / C_2. */
    private static final FieldType SO2_QUOTIENT_FIELDS = FieldType.of(SO2, Representations.spectralQuotient(
            SO2.fibergroup(), SubgroupId.rotations(2), Representations.bandLimitedIrreps(SO2.fibergroup(), 2)), 2);

    private static Arguments of(String name, FieldType in, int size, Supplier<List<Layer>> layers) {
        return Arguments.of(name, TestNetworks.input(in, size), layers);
    }

    /** {@code layer} first in the network, on an input of its type: it sees the input of the other data type. */
    private static Arguments first(String name, FieldType type, Supplier<Layer> layer) {
        return of(name, type, 7, () -> List.of(layer.get()));
    }

    static Stream<Arguments> layers() {
        return Stream.of(
                first("ReLU", FieldType.regular(C4, 2), () -> new ReLU.Builder(FieldType.regular(C4, 2)).build()),
                first("ELU", FieldType.regular(C4, 2), () -> new ELU.Builder(FieldType.regular(C4, 2)).build()),
                first("PointwiseNonLinearity", FieldType.regular(C4, 2),
                        () -> new PointwiseNonLinearity.Builder(FieldType.regular(C4, 2)).function("p_tanh").build()),
                first("NormNonLinearity", FieldType.irrep(C4, 2, 1),
                        () -> new NormNonLinearity.Builder(FieldType.irrep(C4, 2, 1)).function("n_sigmoid").build()),
                first("GatedNonLinearity1", GATED_IN, () -> new GatedNonLinearity1.Builder(GATED_IN).build()),
                first("ConcatenatedNonLinearity", FieldType.regular(C4, 2),
                        () -> new ConcatenatedNonLinearity.Builder(FieldType.regular(C4, 2)).build()),
                first("VectorFieldNonLinearity", FieldType.regular(C4, 2),
                        () -> new VectorFieldNonLinearity.Builder(FieldType.regular(C4, 2)).build()),
                first("FourierELU", SO2_FIELDS, () -> new FourierELU.Builder(SO2_FIELDS, GroupGrid.regular(8)).build()),
                first("QuotientFourierPointwise", SO2_QUOTIENT_FIELDS,
                        () -> new QuotientFourierPointwise.Builder(SO2_QUOTIENT_FIELDS, GroupGrid.regular(8)).build()),
                first("TensorProductModule", FieldType.regular(C4, 2),
                        () -> new TensorProductModule.Builder(FieldType.regular(C4, 2), FieldType.regular(C4, 2))
                                .build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layers")
    void inputIsCastToTheNetworkType(String name, InputType type, Supplier<List<Layer>> layers) {
        DataTypeContract.assertInputCastToNetworkType(name, type, layers);
    }
}
