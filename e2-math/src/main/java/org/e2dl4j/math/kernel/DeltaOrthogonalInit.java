package org.e2dl4j.math.kernel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.e2dl4j.math.repr.Representation;

/**
 * e2cnn's delta-orthogonal initialization: only the elements on the ring of radius 0 that map an irrep to the
 * same irrep get weights, chosen so that the filter's centre tap is an isometry between the irreps of each
 * name: for an irrep with input positions I and output positions O, weight s of the (i, o) block is
 * {@code u[o][s] W[o][i]}, with W the first |O| x |I| corner of a Haar-random orthogonal matrix and each row of u a
 * random unit vector over the block's elements. All other weights are 0. (Where e2cnn uses a 1 x 1 W it always
 * picks -1; here its sign is random.)
 */
final class DeltaOrthogonalInit {

    private DeltaOrthogonalInit() {
    }

    static double[] sample(List<PairBasis> pairs, List<Representation> inFields, List<Representation> outFields,
                           int dimension, Random rnd) {
        int[] inIrrepOffset = irrepOffsets(inFields);
        int[] outIrrepOffset = irrepOffsets(outFields);
        // irrep name -> (input position, output position) -> weight indices, in weight order
        Map<String, Map<List<Integer>, List<Integer>>> centre = new LinkedHashMap<>();
        for (PairBasis pair : pairs) {
            int w = pair.weightOffset();
            for (int of : pair.outFieldPositions()) {
                for (int inf : pair.inFieldPositions()) {
                    for (PairElement e : pair.basis().elements()) {
                        if (e.centreOnly() && e.inIrrep().equals(e.outIrrep())) {
                            List<Integer> key = List.of(inIrrepOffset[inf] + e.inIrrepIndex(),
                                    outIrrepOffset[of] + e.outIrrepIndex());
                            centre.computeIfAbsent(e.inIrrep(), k -> new LinkedHashMap<>())
                                    .computeIfAbsent(key, k -> new ArrayList<>()).add(w);
                        }
                        w++;
                    }
                }
            }
        }
        double[] weights = new double[dimension];
        for (Map.Entry<String, Map<List<Integer>, List<Integer>>> irrep : centre.entrySet()) {
            Map<List<Integer>, List<Integer>> blocks = irrep.getValue();
            List<Integer> inPositions = new ArrayList<>();
            List<Integer> outPositions = new ArrayList<>();
            int elements = -1;
            for (Map.Entry<List<Integer>, List<Integer>> block : blocks.entrySet()) {
                if (!inPositions.contains(block.getKey().get(0))) {
                    inPositions.add(block.getKey().get(0));
                }
                if (!outPositions.contains(block.getKey().get(1))) {
                    outPositions.add(block.getKey().get(1));
                }
                if (elements >= 0 && elements != block.getValue().size()) {
                    throw new IllegalStateException("delta-orthogonal initialization needs the same number of centre"
                            + " elements for every copy of " + irrep.getKey() + ", got " + elements + " and "
                            + block.getValue().size());
                }
                elements = block.getValue().size();
            }
            if (blocks.size() != inPositions.size() * outPositions.size()) {
                throw new IllegalStateException("delta-orthogonal initialization needs every input copy of "
                        + irrep.getKey() + " connected to every output copy");
            }
            int ni = inPositions.size();
            int no = outPositions.size();
            double[][] mixing = HaarOrthogonal.sample(Math.max(ni, no), rnd);
            double[][] rows = new double[no][elements];
            for (int o = 0; o < no; o++) {
                double norm = 0;
                for (int s = 0; s < elements; s++) {
                    rows[o][s] = rnd.nextGaussian();
                    norm += rows[o][s] * rows[o][s];
                }
                norm = Math.sqrt(norm);
                for (int s = 0; s < elements; s++) {
                    rows[o][s] /= norm;
                }
            }
            for (Map.Entry<List<Integer>, List<Integer>> block : blocks.entrySet()) {
                int i = inPositions.indexOf(block.getKey().get(0));
                int o = outPositions.indexOf(block.getKey().get(1));
                List<Integer> indices = block.getValue();
                for (int s = 0; s < indices.size(); s++) {
                    weights[indices.get(s)] = rows[o][s] * mixing[o][i];
                }
            }
        }
        return weights;
    }

    private static int[] irrepOffsets(List<Representation> fields) {
        int[] offsets = new int[fields.size()];
        for (int f = 1; f < fields.size(); f++) {
            offsets[f] = offsets[f - 1] + fields.get(f - 1).irreps().size();
        }
        return offsets;
    }
}
