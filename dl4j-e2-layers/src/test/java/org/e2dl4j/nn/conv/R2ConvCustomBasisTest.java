package org.e2dl4j.nn.conv;

import static org.e2dl4j.nn.testing.EditedConfigurations.initNetwork;
import static org.e2dl4j.nn.testing.EditedConfigurations.networkJson;
import static org.e2dl4j.nn.testing.EditedConfigurations.replace;
import static org.e2dl4j.testing.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.e2dl4j.math.ReferenceData;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.math.kernel.BasisElement;
import org.e2dl4j.math.kernel.ManualCutoff;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.testing.LayerContract;
import org.e2dl4j.nn.testing.TestNetworks;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Custom frequency cut-offs and basis filters (e2cnn's callable {@code frequencies_cutoff} and
 * {@code basis_filter}) in storable form: the bases they give have e2cnn's dimension and weight names for the
 * same callables ({@code conv_options.json}); they survive JSON, ModelSerializer and Java serialization; and
 * what cannot be stored (lambdas, anonymous classes, classes without equals or without a constructor Jackson can
 * call) is refused when the layer is built, naming the layer.
 */
class R2ConvCustomBasisTest {

    private static final GSpace C8 = GSpaces.rot2dOnR2(8);
    private static final FieldType REGULAR = FieldType.regular(C8, 1);

    /** Keeps the elements of non-negative frequency (e2cnn: {@code lambda a: a["frequency"] >= 0}). */
    public static final class NonNegativeFrequency implements BasisFilter {
        private static final long serialVersionUID = 1L;

        @Override
        public boolean test(BasisElement e) {
            return e.frequency() >= 0;
        }

        @Override
        public boolean equals(Object o) {
            return o != null && o.getClass() == getClass();
        }

        @Override
        public int hashCode() {
            return 1;
        }
    }

    /** Keeps the elements of phase 0 (e2cnn: {@code lambda a: a["gamma"] == 0}). */
    public static final class GammaZero implements BasisFilter {
        private static final long serialVersionUID = 1L;

        @Override
        public boolean test(BasisElement e) {
            return e.gamma() == 0.0;
        }

        @Override
        public boolean equals(Object o) {
            return o != null && o.getClass() == getClass();
        }

        @Override
        public int hashCode() {
            return 2;
        }
    }

    /** A filter without equals: its copy read from JSON is another object. */
    public static final class WithoutEquals implements BasisFilter {
        private static final long serialVersionUID = 1L;

        @Override
        public boolean test(BasisElement e) {
            return true;
        }
    }

    /** A cut-off Jackson cannot construct (no default or @JsonCreator constructor). */
    public static final class WithoutConstructor implements FrequencyCutoffFunction {
        private static final long serialVersionUID = 1L;
        private final double factor;

        public WithoutConstructor(double factor) {
            this.factor = factor;
        }

        @Override
        public double maximumFrequency(double radius) {
            return factor * radius;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof WithoutConstructor w && w.factor == factor;
        }

        @Override
        public int hashCode() {
            return Double.hashCode(factor);
        }
    }

    private static R2Conv.Builder withSettings(R2Conv.Builder b, JsonNode c) {
        JsonNode cutoff = c.get("cutoff");
        if (cutoff.has("factor")) {
            b.frequencyCutoffFactor(cutoff.get("factor").asDouble());
        } else if (cutoff.has("table")) {
            double[][] table = ReferenceData.matrix(cutoff.get("table"));
            double[] radii = new double[table.length];
            double[] limits = new double[table.length];
            for (int i = 0; i < table.length; i++) {
                radii[i] = table[i][0];
                limits[i] = table[i][1];
            }
            b.frequencyCutoff(new FrequencyCutoffTable(radii, limits));
        }
        JsonNode filter = c.get("filter");
        if (filter.has("maximum_frequency")) {
            b.basisFilter(BasisFilter.maximumFrequency(filter.get("maximum_frequency").asInt()));
        } else if (filter.has("maximum_radius")) {
            b.basisFilter(BasisFilter.maximumRadius(filter.get("maximum_radius").asDouble()));
        } else if (filter.has("non_negative_frequency")) {
            b.basisFilter(new NonNegativeFrequency());
        } else if (filter.has("gamma_zero")) {
            b.basisFilter(new GammaZero());
        }
        return b;
    }

    @TestFactory
    Stream<DynamicTest> basesHaveE2cnnsDimensionAndWeightNames() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : ConvOptionsReference.cases("custom_bases")) {
            tests.add(DynamicTest.dynamicTest(c.get("name").asText(), () -> {
                FieldType in = ConvOptionsReference.type(c, "in");
                FieldType out = ConvOptionsReference.type(c, "out");
                int k = c.get("kernel_size").asInt();
                R2Conv conv = withSettings(new R2Conv.Builder(in, out, k), c).build();
                assertEquals(c.get("default_dimension").asInt(), new R2Conv.Builder(in, out, k).build().layerBasis()
                        .dimension(), "default dimension");
                assertEquals(c.get("dimension").asInt(), conv.layerBasis().dimension(), "dimension");
                assertEquals(ReferenceData.strings(c.get("basis_names")), conv.layerBasis().weightIds(),
                        "e2cnn's weight names, in order");
            }));
        }
        assertEquals(6, tests.size());
        assertTrue(ConvOptionsReference.cases("custom_bases").stream()
                .filter(c -> c.get("dimension").asInt() < c.get("default_dimension").asInt()).count() >= 5,
                "the custom settings must change the basis");
        return tests.stream();
    }

    private static Supplier<List<Layer>> customLayers() {
        return () -> List.of(new R2Conv.Builder(REGULAR, REGULAR, 5).padding(2)
                        .frequencyCutoff(new FrequencyCutoffTable(new double[] {0, 1, 2}, new double[] {0, 1, 2}))
                        .basisFilter(new NonNegativeFrequency()).build(),
                new R2Conv.Builder(REGULAR, REGULAR, 3).basisFilter(BasisFilter.maximumRadius(1)).build());
    }

    @Test
    void storableSettingsRoundTrip(@TempDir Path dir) throws Exception {
        LayerContract.assertJsonRoundTrip("custom basis", TestNetworks.input(REGULAR, 7), customLayers());
        LayerContract.assertSerializerRoundTrip("custom basis", TestNetworks.input(REGULAR, 7), customLayers(), dir);
        R2Conv conv = (R2Conv) customLayers().get().get(0);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(conv);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            R2Conv back = (R2Conv) in.readObject();
            assertEquals(conv, back, "Java serialization (Spark)");
            assertEquals(conv.layerBasis().weightIds(), back.layerBasis().weightIds());
        }
    }

    @Test
    void storableSettingsKeepTheLayerContract() {
        LayerContract.assertEquivariant("custom basis", TestNetworks.input(REGULAR, 7), customLayers(), REGULAR, REGULAR,
                1e-5);
        LayerContract.assertExportEquivalent("custom basis", TestNetworks.input(REGULAR, 7), customLayers());
    }

    private static R2Conv.Builder conv() {
        return new R2Conv.Builder(REGULAR, REGULAR, 5).name("bad");
    }

    @Test
    void lambdasAndAnonymousClassesAreRefused() {
        assertRejected(() -> conv().basisFilter(e -> e.frequency() >= 0).build(), "R2Conv layer 'bad'",
                "basis filter", "lambda", "named", "equals");
        assertRejected(() -> conv().frequencyCutoff(new FrequencyCutoffFunction() {
            @Override
            public double maximumFrequency(double radius) {
                return radius;
            }
        }).build(), "R2Conv layer 'bad'", "frequency cut-off", "anonymous", "@JsonCreator");
    }

    @Test
    void functionsThatDoNotComeBackFromJsonAreRefused() {
        assertRejected(() -> conv().basisFilter(new WithoutEquals()).build(), "R2Conv layer 'bad'", "WithoutEquals",
                "does not come back equal from JSON");
        assertRejected(() -> conv().frequencyCutoff(new WithoutConstructor(2)).build(), "R2Conv layer 'bad'",
                "WithoutConstructor", "cannot be written to JSON and read back");
    }

    @Test
    void aTableWithoutTheLayersRingsIsRefused() {
        assertRejected(() -> conv().frequencyCutoff(new FrequencyCutoffTable(new double[] {0, 1}, new double[] {0, 1}))
                .build(), "R2Conv layer 'bad'", "no entry for the ring of radius 2.0", "[0.0, 1.0]");
        assertRejected(() -> new FrequencyCutoffTable(new double[] {0, 1}, new double[] {1}), "one maximum frequency"
                + " per radius");
        assertRejected(() -> new FrequencyCutoffTable(new double[] {1, 1}, new double[] {1, 2}), "radius 1.0",
                "twice");
        assertRejected(() -> new FrequencyCutoffTable(new double[] {1}, new double[] {Double.NaN}), "not NaN");
    }

    @Test
    void twoCutoffsInEditedJsonAreRefused() {
        String json = replace("\"frequencyCutoffFactor\"\\s*:\\s*1.5", "\"frequencyCutoffFactor\" : 1.5,"
                + " \"frequencyCutoff\" : \"FCO2\"").apply(networkJson(conv().frequencyCutoffFactor(1.5).build()));
        assertRejected(() -> initNetwork(json), "R2Conv layer 'bad'", "set one of", "FCO2", "1.5");
        String sigmas = replace("\"sigma\"\\s*:\\s*0.5", "\"sigma\" : 0.5, \"sigmas\" : [0.5, 0.5, 0.5]")
                .apply(networkJson(conv().sigma(0.5).build()));
        assertRejected(() -> initNetwork(sigmas), "R2Conv layer 'bad'", "either 'sigma' or 'sigmas'");
    }

    @Test
    void theLastCutoffSetReplacesTheOthers() {
        R2Conv conv = conv().frequencyCutoffFactor(1.5).frequencyCutoff(ManualCutoff.FCO2).build();
        assertEquals(null, conv.getBasisSettings().getFrequencyCutoffFactor());
        assertEquals(ManualCutoff.FCO2, conv.getBasisSettings().getFrequencyCutoff());
    }
}
