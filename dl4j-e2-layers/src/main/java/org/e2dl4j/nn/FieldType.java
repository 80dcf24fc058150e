package org.e2dl4j.nn;

import java.io.ObjectStreamException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import org.e2dl4j.math.SizeLimits;
import org.e2dl4j.math.group.GroupElement;
import org.e2dl4j.math.group.SubgroupId;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.RestrictedGSpace;
import org.e2dl4j.math.repr.Representation;
import org.e2dl4j.math.repr.Representations;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.shade.jackson.databind.annotation.JsonDeserialize;
import org.nd4j.shade.jackson.databind.annotation.JsonSerialize;

/**
 * The type of a feature space (e2cnn's {@code FieldType}): a G-space and the representations
 * rho_1, ..., rho_m of its fields. A feature map of this type is an NCHW array with
 * {@code C = size()} channels, where channels {@code [fieldStart(f), fieldEnd(f))} hold field f; an
 * element g acts on it as {@code (g.x)(p) = rho(g) x(g^-1 p)} with rho = rho_1 (+) ... (+) rho_m. On a G-space
 * of R^3 (escnn's {@code GSpace3D}) a feature map is an NCDHW volume (voxel axes as in
 * {@link org.e2dl4j.math.gspace.GridConvention}). On a G-space without base space
 * ({@link org.e2dl4j.math.gspace.GSpaces#noBaseSpace}) a feature is one fiber: an array [N, C] on which g acts as
 * {@code g.x = rho(g) x}.
 *
 * <p>Immutable value: two field types are equal when their G-spaces and representation lists are equal.
 * In JSON it is a short description ({@code {"gspace":"rot2dOnR2","n":8,"fields":["regular*2","irrep:1"]}},
 * see {@link FieldTypeJson}).
 */
@JsonSerialize(using = FieldTypeJson.Serializer.class)
@JsonDeserialize(using = FieldTypeJson.Deserializer.class)
public final class FieldType implements Serializable {

    private static final long serialVersionUID = 1L;

    private final transient GSpace gspace;
    private final transient List<Representation> representations;
    private final transient int[] starts;
    private final transient int size;

    /**
     * @param gspace          the G-space the fields live on
     * @param representations the representation of each field, in channel order (at least one)
     * @throws IllegalArgumentException if the list is empty, a representation is not one of the G-space's group,
     *                                  or the channels would pass {@link SizeLimits#CHANNELS}
     */
    public FieldType(GSpace gspace, List<? extends Representation> representations) {
        this.gspace = Objects.requireNonNull(gspace, "gspace");
        Objects.requireNonNull(representations, "representations");
        if (representations.isEmpty()) {
            throw new IllegalArgumentException("a field type on " + gspace.name() + " needs at least one field");
        }
        SizeLimits.checkCount(representations.size(), SizeLimits.CHANNELS, "fields (each of at least one channel)",
                "a field type on " + gspace.name());
        long channels = 0;
        for (Representation r : representations) {
            channels += Objects.requireNonNull(r, "representation of a field").size();
        }
        SizeLimits.checkCount(channels, SizeLimits.CHANNELS, "channels",
                "a field type of " + representations.size() + " fields on " + gspace.name());
        this.representations = Collections.unmodifiableList(new ArrayList<>(representations));
        this.starts = new int[representations.size() + 1];
        for (int f = 0; f < representations.size(); f++) {
            Representation r = Objects.requireNonNull(representations.get(f), "representation of field " + f);
            if (!r.group().equals(gspace.fibergroup())) {
                throw new IllegalArgumentException("field " + f + " has representation " + r.name() + " of "
                        + r.group().name() + ", but the G-space " + gspace.name() + " has fibergroup "
                        + gspace.fibergroup().name());
            }
            starts[f + 1] = starts[f] + r.size();
        }
        this.size = starts[representations.size()];
    }

    /**
     * {@code multiplicity} copies of one representation.
     *
     * @throws IllegalArgumentException if the multiplicity is below 1 or the channels would pass
     *                                  {@link SizeLimits#CHANNELS}
     */
    public static FieldType of(GSpace gspace, Representation representation, int multiplicity) {
        if (multiplicity < 1) {
            throw new IllegalArgumentException("multiplicity of " + representation.name() + " must be at least 1, got "
                    + multiplicity);
        }
        SizeLimits.checkCount((long) multiplicity * representation.size(), SizeLimits.CHANNELS, "channels",
                multiplicity + " fields of " + representation.name() + " (" + representation.size()
                        + (representation.size() == 1 ? " channel" : " channels") + " each) on " + gspace.name());
        return new FieldType(gspace, Collections.nCopies(multiplicity, representation));
    }

    /** {@code n} scalar fields (trivial representation), e.g. the channels of an input image. */
    public static FieldType trivial(GSpace gspace, int n) {
        return of(gspace, gspace.trivialRepr(), n);
    }

    /** {@code n} regular fields of a finite group (each of size |G|). */
    public static FieldType regular(GSpace gspace, int n) {
        return of(gspace, gspace.regularRepr(), n);
    }

    /** {@code n} copies of the irrep with e2cnn's id ({@code {k}} or {@code {j, k}}). */
    public static FieldType irrep(GSpace gspace, int n, int... id) {
        return of(gspace, gspace.irrep(id), n);
    }

    /** The G-space. */
    public GSpace gspace() {
        return gspace;
    }

    /** The representation of each field, in channel order (unmodifiable). */
    public List<Representation> representations() {
        return representations;
    }

    /** Number of fields. */
    public int fieldCount() {
        return representations.size();
    }

    /** Number of channels: the sum of the fields' sizes. */
    public int size() {
        return size;
    }

    /** First channel of field {@code f}. */
    public int fieldStart(int f) {
        checkField(f);
        return starts[f];
    }

    /** One past the last channel of field {@code f}. */
    public int fieldEnd(int f) {
        checkField(f);
        return starts[f + 1];
    }

    /** First channel of every field (a fresh array of length {@link #fieldCount()}). */
    public int[] fieldStarts() {
        int[] s = new int[fieldCount()];
        System.arraycopy(starts, 0, s, 0, s.length);
        return s;
    }

    /** One past the last channel of every field (a fresh array of length {@link #fieldCount()}). */
    public int[] fieldEnds() {
        int[] e = new int[fieldCount()];
        System.arraycopy(starts, 1, e, 0, e.length);
        return e;
    }

    /** The direct sum of the two types: this type's fields followed by {@code other}'s. */
    public FieldType plus(FieldType other) {
        requireSameGSpace(other, "plus");
        List<Representation> all = new ArrayList<>(representations);
        all.addAll(other.representations);
        return new FieldType(gspace, all);
    }

    /**
     * The direct sum of several types on one G-space: the fields of the first, then of the second, ... (the type
     * of a channel-wise concatenation of feature maps, e2cnn's {@code tensor_directsum}).
     *
     * @throws IllegalArgumentException if the list is empty or the types live on different G-spaces
     */
    public static FieldType directSum(List<FieldType> types) {
        if (types.isEmpty()) {
            throw new IllegalArgumentException("the direct sum needs at least one field type");
        }
        FieldType sum = types.get(0);
        for (FieldType t : types.subList(1, types.size())) {
            sum = sum.plus(t);
        }
        return sum;
    }

    /**
     * The restriction to a subgroup H (e2cnn's {@code restrict}): the same channels as fields of the restricted
     * G-space, each representation restricted to H.
     *
     * @throws IllegalArgumentException if the id names no subgroup of the fibergroup
     */
    public FieldType restrict(SubgroupId id) {
        RestrictedGSpace restricted = gspace.restrict(id);
        List<Representation> reprs = new ArrayList<>();
        for (Representation r : representations) {
            reprs.add(Representations.restrict(r, id));
        }
        return new FieldType(restricted.gspace(), reprs);
    }

    /**
     * The same fields ordered by size, smallest first (stable, as e2cnn's {@code sorted}). The channel
     * permutation that reorders a feature map accordingly is {@link #sortingPermutation()}.
     */
    public FieldType sorted() {
        List<Representation> all = new ArrayList<>();
        for (int f : sortedFieldOrder()) {
            all.add(representations.get(f));
        }
        return new FieldType(gspace, all);
    }

    /**
     * For each channel of {@link #sorted()}, the channel of this type it comes from: select these channels of
     * a feature map of this type to get one of the sorted type.
     */
    public int[] sortingPermutation() {
        return channelIndices(sortedFieldOrder());
    }

    private List<Integer> sortedFieldOrder() {
        List<Integer> order = new ArrayList<>();
        for (int f = 0; f < fieldCount(); f++) {
            order.add(f);
        }
        order.sort(Comparator.comparingInt(f -> representations.get(f).size()));
        return order;
    }

    /** The type made of the fields with the given indices, in the given order. */
    public FieldType indexSelect(List<Integer> fields) {
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("indexSelect needs at least one field index of " + this);
        }
        List<Representation> selected = new ArrayList<>();
        for (int f : fields) {
            checkField(f);
            selected.add(representations.get(f));
        }
        return new FieldType(gspace, selected);
    }

    /** The channels of the given fields, in the given order: the channels {@link #indexSelect} keeps. */
    public int[] channelIndices(List<Integer> fields) {
        int total = 0;
        for (int f : fields) {
            checkField(f);
            total += starts[f + 1] - starts[f];
        }
        int[] channels = new int[total];
        int p = 0;
        for (int f : fields) {
            for (int c = starts[f]; c < starts[f + 1]; c++) {
                channels[p++] = c;
            }
        }
        return channels;
    }

    /**
     * Splits the fields by a label per field (e2cnn's {@code group_by_labels}): for each distinct label, in
     * order of first appearance, the type of the fields carrying it.
     */
    public Map<String, FieldType> groupByLabels(List<String> labels) {
        if (labels.size() != fieldCount()) {
            throw new IllegalArgumentException("groupByLabels needs one label per field: " + fieldCount()
                    + " fields in " + this + ", got " + labels.size() + " labels");
        }
        Map<String, List<Integer>> byLabel = new LinkedHashMap<>();
        for (int f = 0; f < labels.size(); f++) {
            byLabel.computeIfAbsent(Objects.requireNonNull(labels.get(f), "label of field " + f),
                    l -> new ArrayList<>()).add(f);
        }
        Map<String, FieldType> result = new LinkedHashMap<>();
        byLabel.forEach((label, fields) -> result.put(label, indexSelect(fields)));
        return Collections.unmodifiableMap(result);
    }

    /** The representation of the whole fiber: the direct sum of the fields' representations. */
    public Representation representation() {
        return Representations.directSum(representations, null);
    }

    /** The block-diagonal change of basis Q of the fiber (each block its field's), size x size. */
    public double[][] changeOfBasis() {
        double[][] q = new double[size][size];
        for (int f = 0; f < fieldCount(); f++) {
            place(q, representations.get(f).changeOfBasis(), starts[f]);
        }
        return q;
    }

    /** The inverse of {@link #changeOfBasis()}, block by block. */
    public double[][] changeOfBasisInv() {
        double[][] q = new double[size][size];
        for (int f = 0; f < fieldCount(); f++) {
            place(q, representations.get(f).changeOfBasisInv(), starts[f]);
        }
        return q;
    }

    /** The block-diagonal matrix rho(g) acting on the channels of one pixel. */
    public double[][] fiberMatrix(GroupElement g) {
        double[][] m = new double[size][size];
        for (int f = 0; f < fieldCount(); f++) {
            place(m, representations.get(f).matrix(g), starts[f]);
        }
        return m;
    }

    private static void place(double[][] target, double[][] block, int at) {
        for (int i = 0; i < block.length; i++) {
            System.arraycopy(block[i], 0, target[at + i], at, block.length);
        }
    }

    /**
     * The action of g on a feature map {@code x} [N, size(), H, W]: {@code (g.x)(p) = rho(g) x(g^-1 p)}.
     * Exact (a pixel permutation) for grid-preserving elements on square maps; otherwise the pixels are
     * resampled about the centre as e2cnn does (its {@code scipy.ndimage.rotate} with order 2: a quadratic
     * B-spline, {@link org.e2dl4j.math.gspace.SplineResampling}), with zeros outside the map. On R^3, x is a volume
     * [N, size(), D, H, W] and g must map the voxel grid onto itself (a voxel permutation, escnn's exact case);
     * other elements are refused, as no 3D resampling is built. Without base space, x is [N, size()] and
     * {@code g.x = rho(g) x}. Returns a new array.
     *
     * @throws IllegalArgumentException for an array of the wrong shape, or on R^3 an element that does not map the
     *                                  voxel grid onto itself
     */
    public INDArray transform(INDArray x, GroupElement g) {
        checkFeatureMap(x, "transform");
        return FieldTransform.fibers(this, hasBaseSpace() ? FieldTransform.grid(gspace, x, g) : x, g);
    }

    /**
     * Whether the G-space has a base space (feature maps NCHW on the plane, NCDHW on R^3) rather than none
     * (features [N, C]).
     */
    public boolean hasBaseSpace() {
        return gspace.dimensionality() > 0;
    }

    /** The rank of this type's feature maps: 4 (NCHW) on the plane, 5 (NCDHW) on R^3, 2 ([N, C]) without base space. */
    public int featureMapRank() {
        return gspace.dimensionality() + 2;
    }

    /** Applies rho(g) to the channels of every pixel, leaving the grid in place. Returns a new array. */
    public INDArray transformFibers(INDArray x, GroupElement g) {
        checkFeatureMap(x, "transformFibers");
        return FieldTransform.fibers(this, x, g);
    }

    /** The elements equivariance is tested on: the G-space's testing elements. */
    public List<GroupElement> testingElements() {
        return gspace.testingElements();
    }

    /**
     * Checks that {@code x} is an NCHW feature map of this type (NCDHW on R^3, [N, C] without base space).
     *
     * @param context who asks (a layer name), for the message
     * @throws IllegalArgumentException naming the context, the expected channel count and the shape that came
     */
    public void checkFeatureMap(INDArray x, String context) {
        checkFeatureMap(x, () -> context);
    }

    /** As {@link #checkFeatureMap(INDArray, String)}, the context named only when x is refused. */
    public void checkFeatureMap(INDArray x, Supplier<String> context) {
        if (!hasBaseSpace()) {
            if (x.rank() != 2) {
                throw new IllegalArgumentException(context.get() + ": expected a rank-2 [batch, " + size + "] array of"
                        + " fibers of type " + this + " (no base space), got rank " + x.rank() + " shape "
                        + java.util.Arrays.toString(x.shape()));
            }
        } else if (gspace.dimensionality() == 3) {
            if (x.rank() != 5) {
                throw new IllegalArgumentException(context.get() + ": expected a rank-5 NCDHW volume of type " + this + " ("
                        + size + " channels), got rank " + x.rank() + " shape " + java.util.Arrays.toString(x.shape()));
            }
        } else if (x.rank() != 4) {
            throw new IllegalArgumentException(context.get() + ": expected a rank-4 NCHW feature map of type " + this
                    + " (" + size + " channels), got rank " + x.rank() + " shape " + java.util.Arrays.toString(x.shape()));
        }
        if (x.size(1) != size) {
            throw new IllegalArgumentException(context.get() + ": expected " + size + " channels (field type " + this
                    + "), got " + x.size(1) + " channels in shape " + java.util.Arrays.toString(x.shape()));
        }
    }

    private void checkField(int f) {
        if (f < 0 || f >= fieldCount()) {
            throw new IndexOutOfBoundsException("field " + f + " of " + this + " (valid: 0.." + (fieldCount() - 1) + ")");
        }
    }

    private void requireSameGSpace(FieldType other, String op) {
        if (!gspace.equals(other.gspace)) {
            throw new IllegalArgumentException(op + " needs field types on the same G-space: " + this + " and " + other);
        }
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof FieldType)) {
            return false;
        }
        FieldType t = (FieldType) o;
        return gspace.equals(t.gspace) && representations.equals(t.representations);
    }

    @Override
    public int hashCode() {
        return Objects.hash(gspace, representations);
    }

    /** e.g. {@code Rot2dOnR2(8)[regular x2, irrep_1] (17 channels)}: consecutive equal fields run-length coded. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(gspace.name()).append('[');
        int f = 0;
        while (f < fieldCount()) {
            int run = 1;
            while (f + run < fieldCount() && representations.get(f + run).equals(representations.get(f))) {
                run++;
            }
            sb.append(f == 0 ? "" : ", ").append(representations.get(f).name());
            if (run > 1) {
                sb.append(" x").append(run);
            }
            f += run;
        }
        return sb.append("] (").append(size).append(size == 1 ? " channel)" : " channels)").toString();
    }

    /** Java serialization goes through the JSON description (DL4J layer configs are Serializable). */
    private Object writeReplace() throws ObjectStreamException {
        return new SerializedForm(FieldTypeJson.describe(this));
    }

    /** The serialized form: the JSON description. */
    private static final class SerializedForm implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String description;

        SerializedForm(String description) {
            this.description = description;
        }

        private Object readResolve() throws ObjectStreamException {
            return FieldTypeJson.parse(description);
        }
    }
}
