package org.e2dl4j.nn.conv;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.testing.DataTypeContract;
import org.e2dl4j.nn.testing.TestNetworks;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The convolution layers fed an input of the other data type compute in the network's type, as DL4J's stock layers. */
class ConvDataTypeTest {

    private static final GSpace C4 = GSpaces.rot2dOnR2(4);

    private static Arguments of(String name, FieldType in, int size, Supplier<List<Layer>> layers) {
        return Arguments.of(name, TestNetworks.input(in, size), layers);
    }

    static Stream<Arguments> layers() {
        return Stream.of(
                of("R2Conv", FieldType.trivial(C4, 1), 7,
                        () -> List.of(new R2Conv.Builder(FieldType.trivial(C4, 1), FieldType.regular(C4, 2), 3).build())),
                of("R2ConvTransposed", FieldType.regular(C4, 1), 5, () -> List.of(
                        new R2ConvTransposed.Builder(FieldType.regular(C4, 1), FieldType.trivial(C4, 2), 3).stride(2)
                                .build())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layers")
    void inputIsCastToTheNetworkType(String name, InputType type, Supplier<List<Layer>> layers) {
        DataTypeContract.assertInputCastToNetworkType(name, type, layers);
    }
}
