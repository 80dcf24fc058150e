package org.e2dl4j.math.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.e2dl4j.math.group.GroupElement;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.math.repr.Nonlinearity;
import org.e2dl4j.math.repr.Representation;
import org.e2dl4j.math.repr.Representations;
import org.junit.jupiter.api.Test;

class LayerBasisTest {

    private static final GSpace C4 = GSpaces.rot2dOnR2(4);

    private static List<Representation> fields(Representation... r) {
        return List.of(r);
    }

    @Test
    void pairsAreSortedByNameWithChannelStartsAndContiguousWeightRanges() {
        Representation reg = C4.regularRepr();
        Representation triv = C4.trivialRepr();
        Representation vec = C4.irrep(1);
        LayerBasis layer = LayerBasis.of(C4, fields(reg, triv, reg), fields(vec, reg, vec), 3, 1,
                BasisPolicy.defaults());
        assertEquals(9, layer.inChannels());
        assertEquals(8, layer.outChannels());
        List<String> order = layer.pairs().stream().map(p -> p.inRepr().name() + "->" + p.outRepr().name()).toList();
        assertEquals(List.of("irrep_0->irrep_1", "irrep_0->regular", "regular->irrep_1", "regular->regular"), order);
        PairBasis regReg = layer.pairs().get(3);
        assertArrayEquals(new int[] {0, 5}, regReg.inFieldStarts(), "regular input fields start at channels 0 and 5");
        assertArrayEquals(new int[] {2}, regReg.outFieldStarts(), "the regular output field starts at channel 2");
        PairBasis trivVec = layer.pairs().get(0);
        assertArrayEquals(new int[] {4}, trivVec.inFieldStarts());
        assertArrayEquals(new int[] {0, 6}, trivVec.outFieldStarts());
        assertArrayEquals(new int[] {0, 2}, trivVec.outFieldPositions());
        int offset = 0;
        for (PairBasis pair : layer.pairs()) {
            assertEquals(offset, pair.weightOffset(), pair + ": weight ranges are contiguous in pair order");
            assertEquals(pair.outCount() * pair.inCount() * pair.basis().dimension(), pair.weightCount());
            offset += pair.weightCount();
        }
        assertEquals(offset, layer.dimension());
    }

    @Test
    void expandedFilterOfAMixedLayerIsEquivariantForTheWholeFieldTypes() {
        for (GSpace gs : List.of(C4, GSpaces.flipRot2dOnR2(4), GSpaces.flip2dOnR2())) {
            List<Representation> in = List.of(gs.regularRepr(), gs.trivialRepr(), gs.irreps().get(1),
                    gs.regularRepr());
            List<Representation> out = List.of(gs.irreps().get(1), gs.regularRepr(), gs.trivialRepr());
            int k = 5;
            LayerBasis layer = LayerBasis.of(gs, in, out, k, 1, BasisPolicy.defaults());
            double[] filter = layer.expand(layer.heInit(new Random(3)));
            Representation inType = Representations.directSum(in, null);
            Representation outType = Representations.directSum(out, null);
            int ci = layer.inChannels();
            int co = layer.outChannels();
            for (GroupElement g : gs.fibergroup().elements()) {
                if (!gs.preservesGrid(g)) {
                    continue;
                }
                int[] source = gs.gridPermutation(g, k, k);
                double[][] rhoOut = outType.matrix(g);
                double[][] rhoInInverse = inType.matrix(gs.fibergroup().inverse(g));
                for (int p = 0; p < k * k; p++) {
                    for (int o = 0; o < co; o++) {
                        for (int i = 0; i < ci; i++) {
                            double transformed = 0;
                            for (int a = 0; a < co; a++) {
                                if (rhoOut[o][a] == 0) {
                                    continue;
                                }
                                for (int c = 0; c < ci; c++) {
                                    transformed += rhoOut[o][a] * filter[(a * ci + c) * k * k + source[p]]
                                            * rhoInInverse[c][i];
                                }
                            }
                            assertEquals(transformed, filter[(o * ci + i) * k * k + p], 1e-9,
                                    gs.name() + ": filter entry (" + o + "," + i + ") at point " + p + ", g = " + g);
                        }
                    }
                }
            }
        }
    }

    @Test
    void eachFieldBlockOfTheFilterEqualsTheSingleFieldLayerWithTheSameWeights() {
        Representation reg = C4.regularRepr();
        Representation triv = C4.trivialRepr();
        Representation vec = C4.irrep(1);
        List<Representation> in = fields(reg, triv, reg);
        List<Representation> out = fields(vec, reg, vec);
        LayerBasis layer = LayerBasis.of(C4, in, out, 3, 1, BasisPolicy.defaults());
        double[] weights = layer.heInit(new Random(11));
        double[] filter = layer.expand(weights);
        int[] inStart = {0, 4, 5};
        int[] outStart = {0, 2, 6};
        for (PairBasis pair : layer.pairs()) {
            int[] outPositions = pair.outFieldPositions();
            int[] inPositions = pair.inFieldPositions();
            int dim = pair.basis().dimension();
            for (int a = 0; a < outPositions.length; a++) {
                for (int b = 0; b < inPositions.length; b++) {
                    LayerBasis single = LayerBasis.of(C4, fields(pair.inRepr()), fields(pair.outRepr()), 3, 1,
                            BasisPolicy.defaults());
                    double[] slice = new double[dim];
                    System.arraycopy(weights, pair.weightOffset() + (a * inPositions.length + b) * dim, slice, 0, dim);
                    double[] block = single.expand(slice);
                    int o0 = outStart[outPositions[a]];
                    int i0 = inStart[inPositions[b]];
                    for (int o = 0; o < pair.outRepr().size(); o++) {
                        for (int i = 0; i < pair.inRepr().size(); i++) {
                            for (int p = 0; p < 9; p++) {
                                assertEquals(block[(o * pair.inRepr().size() + i) * 9 + p],
                                        filter[((o0 + o) * layer.inChannels() + i0 + i) * 9 + p], 1e-15,
                                        pair + ": block of output field " + outPositions[a] + ", input field "
                                                + inPositions[b]);
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void channelsOfEmptyPairsStayZero() {
        // at k = 1 only frequency 0 survives, and irrep_1 -> irrep_0 of C_4 needs frequency 1 + 4t
        LayerBasis layer = LayerBasis.of(C4, fields(C4.irrep(1), C4.trivialRepr()), fields(C4.trivialRepr()), 1, 1,
                BasisPolicy.defaults());
        assertEquals(1, layer.pairs().size());
        double[] filter = layer.expand(new double[] {2.5});
        assertArrayEquals(new double[] {0, 0, 2.5}, filter, 1e-12,
                "the irrep_1 channels get no weights, the trivial one the normalized centre element (1 at the origin)");
    }

    @Test
    void biasExpandsThroughTheTrivialColumnsOfTheChangeOfBasis() {
        LayerBasis layer = LayerBasis.of(C4, fields(C4.trivialRepr()),
                fields(C4.regularRepr(), C4.irrep(1), C4.trivialRepr()), 3, 1, BasisPolicy.defaults());
        assertEquals(2, layer.biasDimension(), "one bias per trivial irrep: regular has one, irrep_1 none, trivial one");
        List<BiasBlock> blocks = layer.biasBlocks();
        assertEquals(2, blocks.size(), "one block per output representation with a trivial irrep");
        BiasBlock regular = blocks.get(0);
        assertEquals("regular", regular.representation().name());
        assertArrayEquals(new int[] {0}, regular.channelStarts());
        assertArrayEquals(new int[] {0}, regular.biasStarts());
        for (int c = 0; c < 4; c++) {
            assertArrayEquals(new double[] {0.5}, regular.trivialColumns()[c], 1e-12,
                    "regular field of C4: constant 1/sqrt(|G|) on channel " + c);
        }
        BiasBlock scalar = blocks.get(1);
        assertArrayEquals(new int[] {6}, scalar.channelStarts(), "the irrep_1 channels 4, 5 get no bias");
        assertArrayEquals(new int[] {1}, scalar.biasStarts());
        assertArrayEquals(new double[][] {{1.0}}, scalar.trivialColumns(), "the scalar field gets its bias as is");
        LayerBasis none = LayerBasis.of(C4, fields(C4.trivialRepr()), fields(C4.irrep(1)), 3, 1,
                BasisPolicy.defaults());
        assertEquals(0, none.biasDimension());
        assertTrue(none.biasBlocks().isEmpty());
    }

    @Test
    void biasBlocksNumberParametersFieldByFieldAcrossInterleavedRepresentations() {
        GSpace d4 = GSpaces.flipRot2dOnR2(4);
        // regular of D4 (8 channels, 1 trivial), irrep_1,1 (2 channels, none), trivial, regular, trivial
        LayerBasis layer = LayerBasis.of(d4, fields(d4.trivialRepr()),
                fields(d4.regularRepr(), d4.irrep(1, 1), d4.trivialRepr(), d4.regularRepr(), d4.trivialRepr()), 3, 1,
                BasisPolicy.defaults());
        List<BiasBlock> blocks = layer.biasBlocks();
        assertEquals(2, blocks.size());
        assertArrayEquals(new int[] {0, 11}, blocks.get(0).channelStarts());
        assertArrayEquals(new int[] {0, 2}, blocks.get(0).biasStarts());
        assertArrayEquals(new int[] {10, 19}, blocks.get(1).channelStarts());
        assertArrayEquals(new int[] {1, 3}, blocks.get(1).biasStarts());
        assertEquals(4, layer.biasDimension());
    }

    @Test
    void heDeviationsFollowE2cnnRuleOnAHandCountedLayer() {
        // C8 trivial -> trivial, k = 3: two elements (centre, ring 1 at frequency 0), both connect irrep_0 to output
        // irrep position 0: inputs(0) = 1 name, elements(irrep_0, 0) = 2 -> 1 / sqrt(2)
        GSpace c8 = GSpaces.rot2dOnR2(8);
        LayerBasis layer = LayerBasis.of(c8, fields(c8.trivialRepr()), fields(c8.trivialRepr()), 3, 1,
                BasisPolicy.defaults());
        assertArrayEquals(new double[] {1 / Math.sqrt(2), 1 / Math.sqrt(2)}, layer.heStandardDeviations(), 1e-15);
        // two scalar inputs: elements(irrep_0, 0) = 4 over both input fields
        LayerBasis two = LayerBasis.of(c8, fields(c8.trivialRepr(), c8.trivialRepr()), fields(c8.trivialRepr()), 3, 1,
                BasisPolicy.defaults());
        for (double sd : two.heStandardDeviations()) {
            assertEquals(0.5, sd, 1e-15);
        }
    }

    @Test
    void heDeviationsEqualAWeightByWeightEvaluationOfE2cnnRule() {
        Representation reg = C4.regularRepr();
        List<Representation> in = fields(reg, C4.trivialRepr(), C4.irrep(1), reg);
        List<Representation> out = fields(reg, C4.irrep(1), C4.trivialRepr(), reg);
        LayerBasis layer = LayerBasis.of(C4, in, out, 5, 1, BasisPolicy.defaults());
        // e2cnn's loop: attributes of every weight, with the output irrep position counted over the whole type
        int[] outIrrepOffset = new int[out.size()];
        for (int f = 1; f < out.size(); f++) {
            outIrrepOffset[f] = outIrrepOffset[f - 1] + out.get(f - 1).irreps().size();
        }
        List<String[]> attributes = new ArrayList<>();
        for (PairBasis pair : layer.pairs()) {
            for (int o : pair.outFieldPositions()) {
                for (int i : pair.inFieldPositions()) {
                    for (PairElement e : pair.basis().elements()) {
                        attributes.add(new String[] {e.inIrrep(), Integer.toString(outIrrepOffset[o] + e.outIrrepIndex())});
                    }
                }
            }
        }
        Map<String, Set<String>> inputs = new HashMap<>();
        Map<String, Integer> count = new HashMap<>();
        for (String[] a : attributes) {
            inputs.computeIfAbsent(a[1], k -> new HashSet<>()).add(a[0]);
            count.merge(a[0] + "@" + a[1], 1, Integer::sum);
        }
        double[] sd = layer.heStandardDeviations();
        assertEquals(attributes.size(), sd.length);
        for (int w = 0; w < sd.length; w++) {
            String[] a = attributes.get(w);
            double expected = 1 / Math.sqrt(inputs.get(a[1]).size() * count.get(a[0] + "@" + a[1]));
            assertEquals(expected, sd[w], 1e-15, "weight " + w + " (input irrep " + a[0] + ", output irrep position "
                    + a[1] + ")");
        }
    }

    @Test
    void heInitDrawsStandardNormalsScaledByTheDeviations() {
        GSpace c8 = GSpaces.rot2dOnR2(8);
        List<Representation> regular = new ArrayList<>();
        for (int f = 0; f < 8; f++) {
            regular.add(c8.regularRepr());
        }
        LayerBasis layer = LayerBasis.of(c8, regular, regular, 5, 1, BasisPolicy.defaults());
        double[] w = layer.heInit(new Random(42));
        assertArrayEquals(w, layer.heInit(new Random(42)), 0.0, "same seed, same weights");
        double[] sd = layer.heStandardDeviations();
        int n = w.length;
        double mean = 0;
        double square = 0;
        for (int k = 0; k < n; k++) {
            double z = w[k] / sd[k];
            mean += z / n;
            square += z * z / n;
        }
        assertEquals(0.0, mean, 5 / Math.sqrt(n), "mean of w / sd over " + n + " weights");
        assertEquals(1.0, square, 5 * Math.sqrt(2.0 / n), "second moment of w / sd over " + n + " weights");
    }

    @Test
    void deltaOrthogonalInitMakesTheCentreTapAnIsometryAndLeavesTheRestZero() {
        for (GSpace gs : List.of(C4, GSpaces.flipRot2dOnR2(4), GSpaces.rot2dOnR2(3))) {
            List<Representation> in = List.of(gs.regularRepr(), gs.trivialRepr());
            List<Representation> out = List.of(gs.regularRepr(), gs.trivialRepr(), gs.regularRepr());
            int k = 5;
            LayerBasis layer = LayerBasis.of(gs, in, out, k, 1, BasisPolicy.defaults());
            double[] filter = layer.expand(layer.deltaOrthogonalInit(new Random(5)));
            int ci = layer.inChannels();
            int co = layer.outChannels();
            int centre = (k * k) / 2;
            for (int a = 0; a < ci; a++) {
                for (int b = 0; b < ci; b++) {
                    double dot = 0;
                    for (int o = 0; o < co; o++) {
                        dot += filter[(o * ci + a) * k * k + centre] * filter[(o * ci + b) * k * k + centre];
                    }
                    assertEquals(a == b ? 1.0 : 0.0, dot, 1e-9, gs.name() + ": (M^T M)[" + a + "][" + b
                            + "] of the centre tap M");
                }
            }
            for (int x = 0; x < filter.length; x++) {
                if (x % (k * k) != centre) {
                    assertEquals(0.0, filter[x], 1e-12, gs.name() + ": off-centre filter entry " + x);
                }
            }
        }
    }

    @Test
    void weightIdsFollowE2cnnNaming() {
        LayerBasis layer = LayerBasis.of(C4, fields(C4.trivialRepr()), fields(C4.regularRepr()), 3, 1,
                BasisPolicy.defaults());
        List<String> ids = layer.weightIds();
        assertEquals(layer.dimension(), ids.size());
        assertEquals("(irrep_0-0,regular-0)_(irrep_0-0,irrep_0-0)_(0.0/0)_0", ids.get(0));
        assertEquals("(irrep_0-0,regular-0)_(irrep_0-0,irrep_2-2)_(1.0/2)_1", ids.get(ids.size() - 1));
    }

    @Test
    void allEmptyLayerIsAnErrorNamingTypesAndKernelSize() {
        GSpace d4 = GSpaces.flipRot2dOnR2(4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LayerBasis.of(d4, fields(d4.irrep(0, 2)), fields(d4.irrep(1, 2)), 5, 1, BasisPolicy.defaults()));
        assertTrue(e.getMessage().contains("[irrep_0,2]") && e.getMessage().contains("[irrep_1,2]")
                && e.getMessage().contains("5x5"), e.getMessage());
    }

    @Test
    void badInputsAreRejectedWithTheirReason() {
        GSpace c8 = GSpaces.rot2dOnR2(8);
        IllegalArgumentException group = assertThrows(IllegalArgumentException.class,
                () -> LayerBasis.of(C4, fields(c8.trivialRepr()), fields(C4.trivialRepr()), 3, 1,
                        BasisPolicy.defaults()));
        assertTrue(group.getMessage().contains("C8") && group.getMessage().contains("C4"), group.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> LayerBasis.of(C4, List.of(), fields(C4.trivialRepr()), 3, 1, BasisPolicy.defaults()));
        assertThrows(IllegalArgumentException.class,
                () -> LayerBasis.of(C4, fields(C4.trivialRepr()), fields(C4.trivialRepr()), 0, 1,
                        BasisPolicy.defaults()));
        Representation a = Representations.directSum(List.of(C4.trivialRepr(), C4.irrep(1)), "custom");
        Representation b = Representations.directSum(List.of(C4.irrep(1), C4.trivialRepr()), "custom");
        IllegalArgumentException clash = assertThrows(IllegalArgumentException.class,
                () -> LayerBasis.of(C4, fields(a, b), fields(C4.trivialRepr()), 3, 1, BasisPolicy.defaults()));
        assertTrue(clash.getMessage().contains("custom"), clash.getMessage());
        LayerBasis layer = LayerBasis.of(C4, fields(C4.trivialRepr()), fields(C4.trivialRepr()), 3, 1,
                BasisPolicy.defaults());
        assertThrows(IllegalArgumentException.class, () -> layer.expand(new double[layer.dimension() + 1]));
    }

    @Test
    void basisFilterAndCutoffOverridesShrinkTheBasis() {
        Representation reg = C4.regularRepr();
        int full = LayerBasis.of(C4, fields(reg), fields(reg), 5, 1, BasisPolicy.defaults()).dimension();
        BasisPolicy noNegative = BasisPolicy.builder().basisFilter(e -> e.frequency() >= 0).build();
        LayerBasis filtered = LayerBasis.of(C4, fields(reg), fields(reg), 5, 1, noNegative);
        assertTrue(filtered.dimension() < full, filtered.dimension() + " vs " + full);
        for (PairElement e : filtered.pairs().get(0).basis().elements()) {
            assertTrue(e.frequency() >= 0, "filtered out: " + e);
        }
        LayerBasis scalarOnly = LayerBasis.of(C4, fields(reg), fields(reg), 5, 1,
                BasisPolicy.builder().frequencyCutoffFactor(0).build());
        for (PairElement e : scalarOnly.pairs().get(0).basis().elements()) {
            assertEquals(0, e.frequency(), "cut-off 0 r keeps frequency 0 only");
        }
    }

    @Test
    void layersWithTheSamePairShareOneSampledBasisAcrossThreads() throws Exception {
        GSpace c6 = GSpaces.rot2dOnR2(6);
        Representation reg = c6.regularRepr();
        Representation renamed = Representations.changeBasis(reg, identity(6), "regular_copy",
                EnumSet.of(Nonlinearity.POINTWISE));
        List<Thread> threads = new ArrayList<>();
        SampledBasis[] seen = new SampledBasis[8];
        for (int t = 0; t < seen.length; t++) {
            int slot = t;
            threads.add(new Thread(() -> seen[slot] = LayerBasis.of(c6, fields(reg, reg), fields(reg), 7, 1,
                    BasisPolicy.defaults()).pairs().get(0).basis()));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        for (SampledBasis s : seen) {
            assertSame(seen[0], s, "all threads get the one cached basis");
        }
        SampledBasis other = LayerBasis.of(c6, fields(renamed), fields(reg), 7, 1, BasisPolicy.defaults())
                .pairs().get(0).basis();
        assertSame(seen[0], other, "an equal decomposition under another name reuses the basis");
        SampledBasis dilated = LayerBasis.of(c6, fields(reg), fields(reg), 7, 2, BasisPolicy.defaults())
                .pairs().get(0).basis();
        assertTrue(dilated != seen[0], "another grid is another basis");
    }

    @Test
    void clearingTheCacheForgetsSampledBasesButNotTheOnesHandedOut() {
        GSpace c5 = GSpaces.rot2dOnR2(5);
        SampledBasis before = LayerBasis.of(c5, fields(c5.regularRepr()), fields(c5.regularRepr()), 3, 1,
                BasisPolicy.defaults()).pairs().get(0).basis();
        KernelBasisCache.clear();
        assertEquals(0, KernelBasisCache.sampledCount());
        SampledBasis after = LayerBasis.of(c5, fields(c5.regularRepr()), fields(c5.regularRepr()), 3, 1,
                BasisPolicy.defaults()).pairs().get(0).basis();
        assertEquals(1, KernelBasisCache.sampledCount());
        assertTrue(before != after, "a cleared cache samples afresh");
        assertArrayEquals(before.data(), after.data(), 0.0, "and gets the same values");
    }

    private static double[][] identity(int n) {
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            m[i][i] = 1;
        }
        return m;
    }
}
