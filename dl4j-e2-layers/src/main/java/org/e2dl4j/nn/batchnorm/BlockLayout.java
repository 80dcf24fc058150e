package org.e2dl4j.nn.batchnorm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToIntFunction;

import org.e2dl4j.math.repr.IrreducibleRepresentation;
import org.e2dl4j.math.repr.Representation;
import org.e2dl4j.nn.FieldType;

/**
 * How an equivariant batch normalization groups the channels of a field type into blocks that share their
 * statistics. Each block is a set of channels that the group maps into itself (a field, or one irreducible
 * component of a field in the field's irrep basis), so the block's pooled statistics are invariant:
 * <ul>
 *   <li>its second moment {@code E|z|^2} over the block's channels, batch and space;</li>
 *   <li>for a <em>centred</em> block (a permutation field, or a trivial irrep) also its mean, which is then
 *       subtracted, and a learnable bias is added back; other blocks have zero mean by symmetry.</li>
 * </ul>
 * The Bessel correction {@code n / (n - 1)} counts {@code n = N H W * samplesPerPixel(b)} samples for block b.
 * When the blocks are irreducible components, {@link #changeOfBasis()} Q maps the irrep basis back to the
 * field type's channels ({@code x = Q z}).
 *
 * <p>Immutable; built once per layer from its configuration.
 */
public final class BlockLayout {

    private final int channels;
    private final int[] blockOfChannel;
    private final int[] blockSizes;
    private final int[] centred;
    private final int[] samplesPerPixel;
    private final String[] blockNames;
    private final VarianceRule rule;
    private final double[][] changeOfBasis;
    private final double[][] changeOfBasisInv;

    private BlockLayout(int[] blockOfChannel, int[] blockSizes, int[] centred, int[] samplesPerPixel,
                        String[] blockNames, VarianceRule rule, double[][] changeOfBasis, double[][] changeOfBasisInv) {
        this.channels = blockOfChannel.length;
        this.blockOfChannel = blockOfChannel;
        this.blockSizes = blockSizes;
        this.centred = centred;
        this.samplesPerPixel = samplesPerPixel;
        this.blockNames = blockNames;
        this.rule = rule;
        this.changeOfBasis = changeOfBasis;
        this.changeOfBasisInv = changeOfBasisInv;
    }

    /**
     * One block per field, in field order.
     *
     * @param type            the field type
     * @param centred         whether every block subtracts its mean (permutation fields) or none does
     * @param rule            the variance the blocks are normalized by
     * @param samplesPerPixel for each field's representation, the samples per pixel and batch element that its
     *                        variance estimate counts (Bessel correction)
     */
    public static BlockLayout ofFields(FieldType type, boolean centred, VarianceRule rule,
                                       ToIntFunction<Representation> samplesPerPixel) {
        int fields = type.fieldCount();
        int[] blockOf = new int[type.size()];
        int[] sizes = new int[fields];
        int[] samples = new int[fields];
        String[] names = new String[fields];
        for (int f = 0; f < fields; f++) {
            Arrays.fill(blockOf, type.fieldStart(f), type.fieldEnd(f), f);
            sizes[f] = type.fieldEnd(f) - type.fieldStart(f);
            Representation r = type.representations().get(f);
            samples[f] = samplesPerPixel.applyAsInt(r);
            names[f] = "field " + f + " ('" + r.name() + "')";
        }
        int[] centredBlocks = centred ? range(fields) : new int[0];
        return new BlockLayout(blockOf, sizes, centredBlocks, samples, names, rule, null, null);
    }

    /**
     * One block per irreducible component of each field, in the irrep basis ({@code z = Q^-1 x} per field),
     * field by field and irrep by irrep; the trivial irreps are centred; each block's variance counts one
     * sample per pixel and uses {@link VarianceRule#BATCH_UNBIASED} (e2cnn's {@code GNormBatchNorm}).
     */
    public static BlockLayout ofIrreps(FieldType type) {
        List<Integer> sizes = new ArrayList<>();
        List<Integer> centredBlocks = new ArrayList<>();
        List<String> names = new ArrayList<>();
        int[] blockOf = new int[type.size()];
        int channel = 0;
        boolean identityBasis = true;
        for (int f = 0; f < type.fieldCount(); f++) {
            Representation r = type.representations().get(f);
            identityBasis &= r.hasIdentityChangeOfBasis();
            for (IrreducibleRepresentation irrep : r.irreps()) {
                int block = sizes.size();
                if (irrep.isTrivial()) {
                    centredBlocks.add(block);
                }
                sizes.add(irrep.size());
                names.add("irrep '" + irrep.name() + "' of field " + f + " ('" + r.name() + "')");
                Arrays.fill(blockOf, channel, channel + irrep.size(), block);
                channel += irrep.size();
            }
        }
        int[] samples = new int[sizes.size()];
        Arrays.fill(samples, 1);
        return new BlockLayout(blockOf, sizes.stream().mapToInt(Integer::intValue).toArray(),
                centredBlocks.stream().mapToInt(Integer::intValue).toArray(), samples, names.toArray(String[]::new),
                VarianceRule.BATCH_UNBIASED,
                identityBasis ? null : type.changeOfBasis(), identityBasis ? null : type.changeOfBasisInv());
    }

    private static int[] range(int n) {
        int[] r = new int[n];
        Arrays.setAll(r, i -> i);
        return r;
    }

    /** Number of channels C. */
    public int channels() {
        return channels;
    }

    /** Number of blocks B. */
    public int blockCount() {
        return blockSizes.length;
    }

    /** Number of centred blocks (each has a mean and, when affine, a bias). */
    public int centredCount() {
        return centred.length;
    }

    /** The block of each channel (in the statistics' basis), a copy. */
    public int[] blockOfChannel() {
        return blockOfChannel.clone();
    }

    /** The number of channels of each block, a copy. */
    public int[] blockSizes() {
        return blockSizes.clone();
    }

    /** The indices of the centred blocks, ascending, a copy. */
    public int[] centredBlocks() {
        return centred.clone();
    }

    /** For each block, the samples per pixel and batch element its Bessel correction counts, a copy. */
    public int[] samplesPerPixel() {
        return samplesPerPixel.clone();
    }

    /** The block whose statistics count the fewest samples per pixel and batch element (the first such). */
    public int leastSampledBlock() {
        int least = 0;
        for (int b = 1; b < samplesPerPixel.length; b++) {
            if (samplesPerPixel[b] < samplesPerPixel[least]) {
                least = b;
            }
        }
        return least;
    }

    /** What block b is, for messages: "field 2 ('regular')" or "irrep 'irrep_1' of field 0 ('regular')". */
    public String blockName(int block) {
        return blockNames[block];
    }

    /** The variance the blocks are normalized by in training. */
    public VarianceRule rule() {
        return rule;
    }

    /** Whether the statistics are taken in a basis other than the channels' own. */
    public boolean hasChangeOfBasis() {
        return changeOfBasis != null;
    }

    /** The block-diagonal Q with {@code x = Q z} (C x C, a copy); IllegalStateException without one. */
    public double[][] changeOfBasis() {
        return copy(changeOfBasis);
    }

    /** The block-diagonal Q^-1 with {@code z = Q^-1 x} (C x C, a copy); IllegalStateException without one. */
    public double[][] changeOfBasisInv() {
        return copy(changeOfBasisInv);
    }

    private static double[][] copy(double[][] m) {
        if (m == null) {
            throw new IllegalStateException("this block layout has no change of basis");
        }
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }
}
