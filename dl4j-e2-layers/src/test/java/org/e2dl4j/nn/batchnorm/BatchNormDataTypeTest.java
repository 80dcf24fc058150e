package org.e2dl4j.nn.batchnorm;

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

/** The batch-norm layers fed an input of the other data type compute in the network's type, as DL4J's stock layers. */
class BatchNormDataTypeTest {

    private static final GSpace C4 = GSpaces.rot2dOnR2(4);

    private static Arguments of(String name, FieldType in, int size, Supplier<List<Layer>> layers) {
        return Arguments.of(name, TestNetworks.input(in, size), layers);
    }

    /** {@code layer} first in the network, on an input of its type: it sees the input of the other data type. */
    private static Arguments first(String name, FieldType type, Supplier<Layer> layer) {
        return of(name, type, 7, () -> List.of(layer.get()));
    }

    static Stream<Arguments> layers() {
        return Stream.of(
                first("InnerBatchNorm", FieldType.regular(C4, 2),
                        () -> new InnerBatchNorm.Builder(FieldType.regular(C4, 2)).build()),
                first("NormBatchNorm", FieldType.irrep(C4, 2, 1),
                        () -> new NormBatchNorm.Builder(FieldType.irrep(C4, 2, 1)).build()),
                first("GNormBatchNorm", FieldType.regular(C4, 2),
                        () -> new GNormBatchNorm.Builder(FieldType.regular(C4, 2)).build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layers")
    void inputIsCastToTheNetworkType(String name, InputType type, Supplier<List<Layer>> layers) {
        DataTypeContract.assertInputCastToNetworkType(name, type, layers);
    }
}
