package org.e2dl4j.math.kernel;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * e2cnn's generalized He initialization of a layer's basis coefficients: a weight whose basis element connects
 * an input irrep named i to the output irrep at position o of the output type gets
 * {@code w ~ N(0, 1) / sqrt(inputs(o) * elements(i, o))}, where {@code inputs(o)} is the number of distinct input
 * irrep names connected to o and {@code elements(i, o)} the number of basis elements (over all input fields)
 * connecting irreps named i to o. (e2cnn names the factor a variance but uses it as the standard deviation.)
 *
 * <p>Both counts are the same for every occurrence of an output representation, so the standard deviations are
 * computed once per pair and basis element.
 */
final class GeneralizedHeInit {

    /** Per pair, the standard deviation of each basis element's weights. */
    private final double[][] deviations;

    GeneralizedHeInit(List<PairBasis> pairs) {
        // per output representation name and output irrep index: basis elements per input irrep name
        Map<String, Map<Integer, Map<String, Integer>>> counts = new HashMap<>();
        for (PairBasis pair : pairs) {
            Map<Integer, Map<String, Integer>> byOutIrrep =
                    counts.computeIfAbsent(pair.outRepr().name(), k -> new HashMap<>());
            for (PairElement e : pair.basis().elements()) {
                byOutIrrep.computeIfAbsent(e.outIrrepIndex(), k -> new HashMap<>())
                        .merge(e.inIrrep(), pair.inCount(), Integer::sum);
            }
        }
        deviations = new double[pairs.size()][];
        for (int k = 0; k < pairs.size(); k++) {
            PairBasis pair = pairs.get(k);
            Map<Integer, Map<String, Integer>> byOutIrrep = counts.get(pair.outRepr().name());
            List<PairElement> elements = pair.basis().elements();
            deviations[k] = new double[elements.size()];
            for (int e = 0; e < elements.size(); e++) {
                Map<String, Integer> perInput = byOutIrrep.get(elements.get(e).outIrrepIndex());
                deviations[k][e] = 1.0 / Math.sqrt((double) perInput.size() * perInput.get(elements.get(e).inIrrep()));
            }
        }
    }

    /** The standard deviation of every weight of the layer, in weight order. */
    double[] deviations(List<PairBasis> pairs, int dimension) {
        double[] sd = new double[dimension];
        for (int k = 0; k < pairs.size(); k++) {
            PairBasis pair = pairs.get(k);
            int blocks = pair.outCount() * pair.inCount();
            double[] d = deviations[k];
            for (int block = 0; block < blocks; block++) {
                System.arraycopy(d, 0, sd, pair.weightOffset() + block * d.length, d.length);
            }
        }
        return sd;
    }

    /**
     * Fresh weights {@code sd_w * N(0, 1)} in weight order. The normals come from a {@link SplittableRandom} seeded
     * with one draw of {@code rnd} (its ziggurat sampler is several times faster than {@link Random#nextGaussian()}),
     * so equal seeds give equal weights.
     */
    double[] sample(List<PairBasis> pairs, int dimension, Random rnd) {
        SplittableRandom normals = new SplittableRandom(rnd.nextLong());
        double[] w = new double[dimension];
        for (int k = 0; k < pairs.size(); k++) {
            PairBasis pair = pairs.get(k);
            int blocks = pair.outCount() * pair.inCount();
            double[] d = deviations[k];
            int index = pair.weightOffset();
            for (int block = 0; block < blocks; block++) {
                for (double sd : d) {
                    w[index++] = sd * normals.nextGaussian();
                }
            }
        }
        return w;
    }
}
