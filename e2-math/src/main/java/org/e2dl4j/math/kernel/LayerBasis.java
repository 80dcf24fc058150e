package org.e2dl4j.math.kernel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.e2dl4j.math.SizeLimits;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.repr.Representation;

/**
 * The basis of a whole equivariant convolution layer from the fields {@code rho_in,1 (+) ... } to
 * {@code rho_out,1 (+) ...}: the filter is {@code W = sum_w weight_w * element_w}, assembled block by block from
 * one {@link SampledBasis} per unique (input representation, output representation) pair (e2cnn's
 * {@code BlocksBasisExpansion}). Pairs are ordered by (input name, output name); pairs without basis are left
 * out and their filter blocks stay zero. Never builds a dense basis of the whole filter. Immutable.
 */
public final class LayerBasis {

    private final GSpace gspace;
    private final List<Representation> inFields;
    private final List<Representation> outFields;
    private final int kernelSize;
    private final int dilation;
    private final int inChannels;
    private final int outChannels;
    private final List<PairBasis> pairs;
    private final int dimension;
    private final int biasDimension;
    private final GeneralizedHeInit heInit;

    private LayerBasis(GSpace gspace, List<Representation> inFields, List<Representation> outFields, int kernelSize,
                       int dilation, List<PairBasis> pairs) {
        this.gspace = gspace;
        this.inFields = inFields;
        this.outFields = outFields;
        this.kernelSize = kernelSize;
        this.dilation = dilation;
        this.inChannels = channels(inFields, "input");
        this.outChannels = channels(outFields, "output");
        this.pairs = Collections.unmodifiableList(pairs);
        this.dimension = pairs.stream().mapToInt(PairBasis::weightCount).sum();
        this.biasDimension = outFields.stream().mapToInt(Representation::trivialCount).sum();
        this.heInit = new GeneralizedHeInit(this.pairs);
    }

    /**
     * The layer basis under a {@link BasisPolicy} (the steerable kernel basis).
     *
     * @param gspace     the G-space of both field types
     * @param inFields   the input field type, one representation per field
     * @param outFields  the output field type
     * @param kernelSize k, from 1 to {@link SizeLimits#KERNEL_SIZE}
     * @param dilation   at least 1
     * @param policy     rings, widths, band limit and filters
     * @throws IllegalArgumentException on empty field types, representations of another group, two different
     *                                  representations sharing a name, when no pair has a basis element, or when
     *                                  the weights (or a sampled pair basis) would pass
     *                                  {@link SizeLimits#ARRAY_LENGTH} ({@link SizeLimits#SAMPLED_VALUES}); the
     *                                  message gives the sizes
     */
    public static LayerBasis of(GSpace gspace, List<Representation> inFields, List<Representation> outFields,
                                int kernelSize, int dilation, BasisPolicy policy) {
        Objects.requireNonNull(policy, "policy");
        return of(gspace, inFields, outFields, kernelSize, dilation, new SteerableKernelSampler(policy));
    }

    /** The layer basis of any family of equivariant stencils. Same checks as the policy variant. */
    public static LayerBasis of(GSpace gspace, List<Representation> inFields, List<Representation> outFields,
                                int kernelSize, int dilation, PairBasisSampler sampler) {
        Objects.requireNonNull(gspace, "gspace");
        Objects.requireNonNull(sampler, "sampler");
        List<Representation> in = checkFields(gspace, inFields, "input");
        List<Representation> out = checkFields(gspace, outFields, "output");
        SamplingGrid.checkKernelSize(kernelSize);
        if (dilation < 1) {
            throw new IllegalArgumentException("dilation must be at least 1, got " + dilation);
        }
        Map<String, Representation> inTypes = uniqueByName(in, "input");
        Map<String, Representation> outTypes = uniqueByName(out, "output");
        List<Representation> pairIn = new ArrayList<>();
        List<Representation> pairOut = new ArrayList<>();
        List<SampledBasis> bases = new ArrayList<>();
        long weights = 0;
        for (String inName : new TreeSet<>(inTypes.keySet())) {
            for (String outName : new TreeSet<>(outTypes.keySet())) {
                Representation inRepr = inTypes.get(inName);
                Representation outRepr = outTypes.get(outName);
                Optional<SampledBasis> basis = sampler.sample(gspace, inRepr, outRepr, kernelSize, dilation);
                if (basis.isEmpty()) {
                    continue;
                }
                pairIn.add(inRepr);
                pairOut.add(outRepr);
                bases.add(basis.get());
                weights += SizeLimits.product(positions(in, inName).length, positions(out, outName).length,
                        basis.get().dimension());
            }
        }
        SizeLimits.checkDoubles(weights, SizeLimits.ARRAY_LENGTH, "the weights (basis coefficients) of the layer"
                + " basis from " + in.size() + " to " + out.size() + " fields");
        List<PairBasis> pairs = new ArrayList<>();
        int offset = 0;
        for (int p = 0; p < bases.size(); p++) {
            String inName = pairIn.get(p).name();
            String outName = pairOut.get(p).name();
            PairBasis pair = new PairBasis(pairIn.get(p), pairOut.get(p), positions(in, inName),
                    positions(out, outName), starts(in, inName), starts(out, outName), offset, bases.get(p));
            pairs.add(pair);
            offset += pair.weightCount();
        }
        if (pairs.isEmpty()) {
            throw new IllegalArgumentException("The basis for the steerable filter is empty: no " + gspace.name()
                    + "-equivariant " + kernelSize + "x" + kernelSize
                    + (gspace.dimensionality() == 3 ? "x" + kernelSize : "") + " kernel (dilation " + dilation + ") maps "
                    + names(in) + " to " + names(out) + " under " + describe(sampler)
                    + ". Tune the frequency cut-off, kernel size, rings, sigma or basis filter for a larger basis.");
        }
        return new LayerBasis(gspace, in, out, kernelSize, dilation, pairs);
    }

    private static String describe(PairBasisSampler sampler) {
        return sampler instanceof SteerableKernelSampler s ? s.policy().toString() : sampler.toString();
    }

    private static List<Representation> checkFields(GSpace gspace, List<Representation> fields, String which) {
        Objects.requireNonNull(fields, which + " fields");
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("the " + which + " field type of a layer basis needs at least one field");
        }
        for (Representation r : fields) {
            if (!r.group().equals(gspace.fibergroup())) {
                throw new IllegalArgumentException(which + " field " + r.name() + " is a representation of "
                        + r.group().name() + ", but the G-space " + gspace.name() + " has group "
                        + gspace.fibergroup().name());
            }
        }
        return List.copyOf(fields);
    }

    private static int channels(List<Representation> fields, String which) {
        long channels = 0;
        for (Representation r : fields) {
            channels += r.size();
        }
        SizeLimits.checkCount(channels, SizeLimits.CHANNELS, "channels", "the " + which + " field type of the layer"
                + " basis (" + fields.size() + " fields)");
        return (int) channels;
    }

    private static Map<String, Representation> uniqueByName(List<Representation> fields, String which) {
        Map<String, Representation> byName = new LinkedHashMap<>();
        for (Representation r : fields) {
            Representation previous = byName.putIfAbsent(r.name(), r);
            if (previous != null && !previous.equals(r)) {
                throw new IllegalArgumentException("two different " + which + " representations share the name "
                        + r.name() + "; field types are matched by name, give them distinct names");
            }
        }
        return byName;
    }

    private static int[] positions(List<Representation> fields, String name) {
        return IntStream.range(0, fields.size())
                .filter(f -> fields.get(f).name().equals(name)).toArray();
    }

    private static int[] starts(List<Representation> fields, String name) {
        List<Integer> starts = new ArrayList<>();
        int channel = 0;
        for (Representation r : fields) {
            if (r.name().equals(name)) {
                starts.add(channel);
            }
            channel += r.size();
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    private static String names(List<Representation> fields) {
        return fields.stream().map(Representation::name).collect(Collectors.joining(", ", "[", "]"));
    }

    public GSpace gspace() {
        return gspace;
    }

    /** The input field type (unmodifiable). */
    public List<Representation> inFields() {
        return inFields;
    }

    /** The output field type (unmodifiable). */
    public List<Representation> outFields() {
        return outFields;
    }

    public int kernelSize() {
        return kernelSize;
    }

    public int dilation() {
        return dilation;
    }

    /** The number of points of the filter's grid: k^2 in the plane, k^3 on a 3D G-space. */
    public int kernelPoints() {
        return pairs.get(0).basis().grid().size();
    }

    /** Sum of the input field sizes. */
    public int inChannels() {
        return inChannels;
    }

    /** Sum of the output field sizes. */
    public int outChannels() {
        return outChannels;
    }

    /** Number of weights (basis coefficients). */
    public int dimension() {
        return dimension;
    }

    /** The non-empty pairs in weight order (unmodifiable). */
    public List<PairBasis> pairs() {
        return pairs;
    }

    /** Number of bias parameters: one per trivial irrep in the output type. */
    public int biasDimension() {
        return biasDimension;
    }

    /**
     * The bias expansion in compact form (built on each call, for the layers that have a bias): one
     * {@link BiasBlock} per output representation with trivial irreps, in order of first appearance. The bias
     * parameters are numbered field by field, then by the trivial irreps within a field; a field's per-channel
     * bias is the trivial columns of its change of basis times its parameters (e2cnn's
     * {@code bias_expansion}, without the dense {@code outChannels x biasDimension} matrix).
     */
    public List<BiasBlock> biasBlocks() {
        Map<String, List<int[]>> fieldsByName = new LinkedHashMap<>();
        Map<String, Representation> byName = new LinkedHashMap<>();
        int channel = 0;
        int bias = 0;
        for (Representation r : outFields) {
            if (r.trivialCount() > 0) {
                byName.putIfAbsent(r.name(), r);
                fieldsByName.computeIfAbsent(r.name(), n -> new ArrayList<>()).add(new int[] {channel, bias});
                bias += r.trivialCount();
            }
            channel += r.size();
        }
        List<BiasBlock> blocks = new ArrayList<>(byName.size());
        fieldsByName.forEach((name, fields) -> blocks.add(new BiasBlock(byName.get(name),
                fields.stream().mapToInt(f -> f[0]).toArray(), fields.stream().mapToInt(f -> f[1]).toArray())));
        return blocks;
    }

    /** Generalized He initialization (e2cnn's rule, see {@link GeneralizedHeInit}): fresh weights from rnd. */
    public double[] heInit(Random rnd) {
        return heInit.sample(pairs, dimension, rnd);
    }

    /**
     * Delta-orthogonal initialization (e2cnn's rule, see {@link DeltaOrthogonalInit}): only the centre elements
     * between equal irreps are non-zero, making the filter's centre tap an isometry irrep by irrep.
     *
     * @throws IllegalStateException if the centre elements do not connect every input copy of an irrep to every
     *                               output copy the same way (e2cnn's precondition)
     */
    public double[] deltaOrthogonalInit(Random rnd) {
        return DeltaOrthogonalInit.sample(pairs, inFields, outFields, dimension, rnd);
    }

    /** The standard deviation the generalized He initialization gives each weight, in weight order. */
    public double[] heStandardDeviations() {
        return heInit.deviations(pairs, dimension);
    }

    /**
     * e2cnn's id of every weight, in weight order:
     * {@code (inRepr-inField,outRepr-outField)_(inIrrep-ii,outIrrep-oo)_(radius/frequency)_innerIndex}; these
     * match e2cnn's {@code get_basis_names()} and identify weights when importing e2cnn models.
     */
    public List<String> weightIds() {
        List<String> ids = new ArrayList<>(dimension);
        for (PairBasis pair : pairs) {
            String in = pair.inRepr().name();
            String out = pair.outRepr().name();
            for (int o : pair.outFieldPositions()) {
                for (int i : pair.inFieldPositions()) {
                    String prefix = "(" + in + "-" + i + "," + out + "-" + o + ")_";
                    for (PairElement e : pair.basis().elements()) {
                        ids.add(prefix + e.id());
                    }
                }
            }
        }
        return ids;
    }

    /**
     * Reference expansion of weights into the filter (plain Java, for tests and export checks):
     * {@code [outChannels][inChannels][k][k]} row-major, the cross-correlation weight (OIYX), or
     * {@code [outChannels][inChannels][k][k][k]} (OIDHW) on a 3D G-space.
     *
     * @throws IllegalArgumentException if {@code weights.length != dimension()}, or the filter would pass
     *                                  {@link SizeLimits#ARRAY_LENGTH}
     */
    public double[] expand(double[] weights) {
        if (weights.length != dimension) {
            throw new IllegalArgumentException("expected " + dimension + " weights, got " + weights.length);
        }
        int points = kernelPoints();
        SizeLimits.checkDoubles(SizeLimits.product(outChannels, inChannels, points), SizeLimits.ARRAY_LENGTH,
                "the " + outChannels + " x " + inChannels + " x " + pairs.get(0).basis().grid() + " filter");
        double[] filter = new double[outChannels * inChannels * points];
        for (PairBasis pair : pairs) {
            SampledBasis basis = pair.basis();
            double[] values = basis.values();
            int dim = basis.dimension();
            int o = basis.outSize();
            int i = basis.inSize();
            int[] outStarts = pair.outFieldStarts();
            int[] inStarts = pair.inFieldStarts();
            int w = pair.weightOffset();
            for (int outStart : outStarts) {
                for (int inStart : inStarts) {
                    for (int b = 0; b < dim; b++, w++) {
                        double coefficient = weights[w];
                        if (coefficient == 0.0) {
                            continue;
                        }
                        for (int oo = 0; oo < o; oo++) {
                            for (int ii = 0; ii < i; ii++) {
                                int source = ((b * o + oo) * i + ii) * points;
                                int target = ((outStart + oo) * inChannels + inStart + ii) * points;
                                for (int p = 0; p < points; p++) {
                                    filter[target + p] += coefficient * values[source + p];
                                }
                            }
                        }
                    }
                }
            }
        }
        return filter;
    }

    @Override
    public String toString() {
        return "LayerBasis[" + gspace.name() + ", " + names(inFields) + " -> " + names(outFields) + ", "
                + pairs.get(0).basis().grid() + ", " + dimension + " weights in " + pairs.size() + " pairs]";
    }
}
