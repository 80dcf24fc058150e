package org.e2dl4j.nn.structure;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.group.SubgroupId;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.testing.DataTypeContract;
import org.e2dl4j.nn.testing.TestNetworks;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The structural layers fed an input of the other data type compute in the network's type, as DL4J's stock layers. */
class StructureDataTypeTest {

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
                first("IdentityModule", FieldType.regular(C4, 2),
                        () -> new IdentityModule.Builder(FieldType.regular(C4, 2)).build()),
                first("ReshuffleModule", FieldType.regular(C4, 3),
                        () -> new ReshuffleModule.Builder(FieldType.regular(C4, 3), 2, 0, 1).build()),
                first("RestrictionModule", FieldType.regular(C4, 2),
                        () -> new RestrictionModule.Builder(FieldType.regular(C4, 2), SubgroupId.rotations(2)).build()),
                first("MaskModule", FieldType.regular(C4, 2),
                        () -> new MaskModule.Builder(FieldType.regular(C4, 2), 7).build()),
                first("R2Upsampling", FieldType.regular(C4, 2),
                        () -> new R2Upsampling.Builder(FieldType.regular(C4, 2), 2).build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layers")
    void inputIsCastToTheNetworkType(String name, InputType type, Supplier<List<Layer>> layers) {
        DataTypeContract.assertInputCastToNetworkType(name, type, layers);
    }
}
