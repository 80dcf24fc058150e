package org.e2dl4j.nn.conv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.math.kernel.BasisPolicy;
import org.e2dl4j.math.kernel.LayerBasis;
import org.e2dl4j.math.kernel.PairBasis;
import org.e2dl4j.math.repr.Representation;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class FilterExpansionTest {

    private static final GSpace C4 = GSpaces.rot2dOnR2(4);

    private static double[] gaussian(Random rnd, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rnd.nextGaussian();
        }
        return v;
    }

    private static FilterExpansion expansion(LayerBasis basis, int inChannels, int groups, ConvolutionKind kind) {
        List<ExpansionBlock> blocks = new ArrayList<>();
        for (PairBasis p : basis.pairs()) {
            blocks.add(ExpansionBlock.of(p));
        }
        return new FilterExpansion(blocks, inChannels, basis.outChannels(), basis.kernelSize(), 2, groups, kind,
                DataType.DOUBLE);
    }

    @Test
    void evenlySpacedOccurrencesFormOneRunAndGroupsSplitRuns() {
        List<int[]> runs = FilterExpansion.runs(new int[] {0, 3, 6, 10, 12, 20}, new int[6]);
        assertEquals(3, runs.size(), "runs of {0, 3, 6, 10, 12, 20}");
        assertArrayEquals(new int[] {0, 3, 3}, runs.get(0), "0, 3, 6 step 3");
        assertArrayEquals(new int[] {3, 5, 2}, runs.get(1), "10, 12 step 2");
        assertArrayEquals(new int[] {5, 6, 0}, runs.get(2), "20 alone");
        List<int[]> grouped = FilterExpansion.runs(new int[] {0, 2, 4, 6}, new int[] {0, 0, 1, 1});
        assertEquals(2, grouped.size(), "a run never crosses a group boundary");
    }

    @Test
    void interleavedFieldsExpandLikeTheReferenceExpansion() {
        List<Representation> in = List.of(C4.trivialRepr(), C4.irrep(1), C4.trivialRepr(), C4.trivialRepr(),
                C4.irrep(1), C4.regularRepr());
        List<Representation> out = List.of(C4.irrep(1), C4.regularRepr(), C4.irrep(1), C4.trivialRepr(),
                C4.irrep(2), C4.irrep(1));
        LayerBasis basis = LayerBasis.of(C4, in, out, 3, 1, BasisPolicy.defaults());
        double[] w = gaussian(new Random(1), basis.dimension());
        FilterExpansion e = expansion(basis, basis.inChannels(), 1, ConvolutionKind.CONVOLUTION);
        e.expand(Nd4j.createFromArray(w));
        assertArrayEquals(basis.expand(w), e.filter().reshape(e.filter().length()).toDoubleVector(), 1e-12,
                "ND4J expansion vs LayerBasis.expand for interleaved C4 fields");
    }

    @Test
    void transposedLayoutHoldsTheSameFilterWithChannelsSwapped() {
        List<Representation> in = List.of(C4.trivialRepr(), C4.irrep(1));
        List<Representation> out = List.of(C4.regularRepr(), C4.trivialRepr());
        LayerBasis basis = LayerBasis.of(C4, in, out, 3, 1, BasisPolicy.defaults());
        double[] w = gaussian(new Random(2), basis.dimension());
        FilterExpansion conv = expansion(basis, basis.inChannels(), 1, ConvolutionKind.CONVOLUTION);
        FilterExpansion transposed = expansion(basis, basis.inChannels(), 1, ConvolutionKind.TRANSPOSED);
        conv.expand(Nd4j.createFromArray(w));
        transposed.expand(Nd4j.createFromArray(w));
        assertEquals(conv.filter().permute(1, 0, 2, 3), transposed.filter(), "IOYX filter = OIYX filter transposed");
    }

    @Test
    void groupedFilterIsBlockDiagonalWithTheGroupExpansionOnTheDiagonal() {
        List<Representation> inGroup = List.of(C4.trivialRepr(), C4.irrep(1));
        List<Representation> out = List.of(C4.regularRepr(), C4.trivialRepr(), C4.regularRepr(), C4.trivialRepr());
        LayerBasis basis = LayerBasis.of(C4, inGroup, out, 3, 1, BasisPolicy.defaults());
        double[] w = gaussian(new Random(3), basis.dimension());
        FilterExpansion e = expansion(basis, 2 * basis.inChannels(), 2, ConvolutionKind.CONVOLUTION);
        e.expand(Nd4j.createFromArray(w));
        INDArray grouped = Nd4j.createFromArray(basis.expand(w)).reshape(10, 3, 3, 3);
        INDArray full = e.filter();
        for (int o = 0; o < 10; o++) {
            for (int i = 0; i < 6; i++) {
                int group = o / 5;
                INDArray expected = i / 3 == group ? grouped.slice(o).slice(i % 3) : Nd4j.zeros(DataType.DOUBLE, 3, 3);
                assertEquals(expected, full.slice(o).slice(i), "filter block out " + o + ", in " + i);
            }
        }
    }

    @Test
    void backpropIsTheAdjointOfTheExpansion() {
        List<Representation> in = List.of(C4.trivialRepr(), C4.irrep(1), C4.trivialRepr());
        List<Representation> out = List.of(C4.regularRepr(), C4.irrep(1), C4.regularRepr());
        LayerBasis basis = LayerBasis.of(C4, in, out, 5, 1, BasisPolicy.defaults());
        Random rnd = new Random(4);
        INDArray w = Nd4j.createFromArray(gaussian(rnd, basis.dimension()));
        FilterExpansion e = expansion(basis, basis.inChannels(), 1, ConvolutionKind.CONVOLUTION);
        INDArray g = Nd4j.createFromArray(gaussian(rnd, (int) e.filter().length())).reshape(e.filter().shape());
        e.expand(w);
        double filterSide = e.filter().mul(g).sumNumber().doubleValue();
        e.gradientBuffer().assign(g);
        INDArray gradW = Nd4j.zeros(DataType.DOUBLE, basis.dimension());
        e.backprop(gradW);
        double weightSide = w.mul(gradW).sumNumber().doubleValue();
        assertEquals(filterSide, weightSide, 1e-9 * Math.abs(filterSide),
                "<expand(w), G> = <w, backprop(G)> (the backward pass is the transpose)");
    }
}
