package org.e2dl4j.nn.nonlinear;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.e2dl4j.math.group.Group;
import org.e2dl4j.math.group.GroupGrid;
import org.e2dl4j.math.repr.FourierTransform;
import org.e2dl4j.math.repr.Representation;
import org.e2dl4j.nn.EquivariantLayer;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.StockExport;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationELU;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The configuration shared by escnn's Fourier nonlinearities ({@link FourierPointwise}, {@link FourierELU},
 * {@link QuotientFourierPointwise}, {@link QuotientFourierELU}): on every field of a band-limited representation rho
 * (all fields alike), {@code y = A+ s(A x)}, where A samples the band-limited function with coefficients x on a grid
 * of the group ({@link GroupGrid}), s is applied to every sample and A+ transforms the samples back to coefficients of
 * rho_out ({@link FourierTransform}, escnn's matrices). rho_out is rho unless {@code outIrreps} band-limits the output
 * differently. The groups: C_N, D_N, SO(2), O(2) on the plane (NCHW), SO(3) and O(3) on R^3 (NCDHW volumes).
 *
 * <p>Only approximately equivariant in general; exactly for the elements that map the grid onto itself (all of C_N /
 * D_N on their regular grids, the rotations by multiples of 2 pi / N on a regular grid of SO(2) / O(2), the cube's 24
 * rotations on SO(3)'s cube grid and on the sphere's cube grids, with the inversion on O(3)). Runs as two 1x1
 * convolutions over the fields (the matrices are fixed, no parameters); exports to a frozen 1x1 (1x1x1 on volumes)
 * {@code ConvolutionLayer} / {@code Convolution3D} (block-diagonal A), an {@code ActivationLayer} with s and a frozen
 * 1x1 (1x1x1) convolution (block-diagonal A+).
 */
public abstract class AbstractFourierPointwise extends EquivariantLayer {

    private static final long serialVersionUID = 1L;

    /** escnn's function names and the DL4J activations computing them. */
    static final Map<String, Supplier<IActivation>> FUNCTIONS = Map.of(
            "p_relu", ActivationReLU::new,
            "p_elu", ActivationELU::new,
            "p_sigmoid", ActivationSigmoid::new,
            "p_tanh", ActivationTanH::new);

    private String function = "p_relu";
    private String gridType;
    private int gridN;
    private Long gridSeed;
    private boolean normalize = true;
    private int[][] outIrreps;

    private transient volatile Derived derived;

    /** The transform and output type, with the input type and settings they were derived from. */
    private record Derived(FieldType from, List<Object> settings, FourierTransform transform, FieldType outType) {
    }

    /** For Jackson. */
    protected AbstractFourierPointwise() {
    }

    protected AbstractFourierPointwise(Builder<?> b) {
        super(b);
        this.function = b.function;
        this.gridType = b.grid.type().escnnName();
        this.gridN = b.grid.n();
        this.gridSeed = b.grid.seed().isPresent() ? b.grid.seed().getAsLong() : null;
        this.normalize = b.normalize;
        this.outIrreps = b.outIrreps == null ? null : b.outIrreps.toArray(new int[0][]);
    }

    /**
     * A known function, a grid that exists on the group, every field of one band-limited representation of this
     * layer's kind, and output irreps that build one.
     */
    @Override
    protected void validate() {
        super.validate();
        if (function == null || !FUNCTIONS.containsKey(function)) {
            throw new IllegalArgumentException(who() + ": unknown function '" + function + "'; expected one of "
                    + FUNCTIONS.keySet().stream().sorted().toList() + " (escnn's names)");
        }
        List<Representation> reprs = getInType().representations();
        for (int f = 0; f < reprs.size(); f++) {
            if (!reprs.get(f).equals(reprs.get(0))) {
                throw new IllegalArgumentException(who() + ": every field must have the same band-limited"
                        + " representation (escnn's " + escnnName() + " takes 'channels' copies of one); field 0 is "
                        + reprs.get(0).name() + ", field " + f + " is " + reprs.get(f).name());
            }
        }
        String kind = requireKind(reprs.get(0));
        if (kind != null) {
            throw new IllegalArgumentException(who() + ": expected fields of " + kind + ", got "
                    + reprs.get(0).name() + " in " + getInType());
        }
        GroupGrid grid;
        try {
            grid = grid();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(who() + ": " + e.getMessage(), e);
        }
        String refusal = refuseGrid(grid, reprs.get(0));
        if (refusal != null) {
            throw new IllegalArgumentException(who() + ": " + refusal);
        }
        try {
            derived();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(who() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Null if the grid can sample functions of fields of {@code rho}, else why not (a sphere grid holds one coset
     * representative per point, which only functions constant on the cosets of SO(2) / O(2) allow).
     */
    protected abstract String refuseGrid(GroupGrid grid, Representation rho);

    /**
     * Null if fields of {@code rho} are what this layer takes, else what it takes, for the message ("escnn's
     * band-limited regular representation (Representations.spectralRegular)").
     */
    protected abstract String requireKind(Representation rho);

    /** The representation of the output fields, band-limited to {@code ids}, of the same kind as {@code rho}. */
    protected abstract Representation outRepresentation(Representation rho, List<int[]> ids);

    /** escnn's class name, for messages. */
    protected abstract String escnnName();

    private Derived derived() {
        List<Object> settings = Arrays.asList(gridType, gridN, gridSeed, normalize,
                outIrreps == null ? null : Arrays.deepToString(outIrreps));
        Derived d = derived;
        if (d == null || d.from() != getInType() || !d.settings().equals(settings)) {
            d = derive(settings);
            derived = d;
        }
        return d;
    }

    private Derived derive(List<Object> settings) {
        Representation rho = getInType().representations().get(0);
        Group group = rho.group();
        Representation rhoOut = outIrreps == null ? rho : outRepresentation(rho, Arrays.asList(outIrreps));
        FourierTransform t = FourierTransform.of(rho, rhoOut, grid().elements(group), normalize);
        FieldType out = new FieldType(getInType().gspace(), Collections.nCopies(getInType().fieldCount(), rhoOut));
        return new Derived(getInType(), settings, t, out);
    }

    /**
     * The sampling grid (the JSON properties {@code gridType}, {@code gridN}, {@code gridSeed}).
     *
     * @throws IllegalArgumentException if they describe none
     */
    public GroupGrid grid() {
        if (gridType == null) {
            throw new IllegalArgumentException("no grid (property 'gridType' missing); expected one of escnn's grid"
                    + " types, e.g. regular, rand, cube, ico, sphere ico");
        }
        return GroupGrid.of(GroupGrid.Type.fromEscnnName(gridType), gridN, gridSeed);
    }

    /** Point by point, so on the plane (NCHW) and in space (NCDHW volumes of SO(3) / O(3) fields) alike. */
    @Override
    protected boolean acceptsVolumes() {
        return true;
    }

    /** The Fourier matrices A and A+ of every field (escnn's buffers {@code A} and {@code Ainv}). */
    public FourierTransform transform() {
        return derived().transform();
    }

    /** {@code channels} copies of rho_out. */
    @Override
    public FieldType outType() {
        return derived().outType();
    }

    /** The function s applied to every sample (a fresh DL4J activation). */
    public IActivation activation() {
        return FUNCTIONS.get(function).get();
    }

    /** escnn's name of s ({@code p_relu}, {@code p_elu}, {@code p_sigmoid}, {@code p_tanh}). */
    public String getFunction() {
        return function;
    }

    public void setFunction(String function) {
        this.function = function;
    }

    /** escnn's grid type ({@code regular}, {@code rand}, {@code cube}, {@code sphere ico}, ...; {@link GroupGrid.Type}). */
    public String getGridType() {
        return gridType;
    }

    public void setGridType(String gridType) {
        this.gridType = gridType;
    }

    /** escnn's N of the grid; 0 for grids with a fixed set of points ({@code cube}, {@code sphere ico}, ...). */
    public int getGridN() {
        return gridN;
    }

    public void setGridN(int gridN) {
        this.gridN = gridN;
    }

    /** The numpy seed of a random grid; null for the others. */
    public Long getGridSeed() {
        return gridSeed;
    }

    public void setGridSeed(Long gridSeed) {
        this.gridSeed = gridSeed;
    }

    /** escnn's {@code normalize}: the basis vector divided by its norm (default true). */
    public boolean isNormalize() {
        return normalize;
    }

    public void setNormalize(boolean normalize) {
        this.normalize = normalize;
    }

    /** escnn's {@code out_irreps}, or null when the output is band-limited as the input. A fresh copy. */
    public int[][] getOutIrreps() {
        return outIrreps == null ? null : Arrays.stream(outIrreps).map(int[]::clone).toArray(int[][]::new);
    }

    public void setOutIrreps(int[][] outIrreps) {
        this.outIrreps = outIrreps;
    }

    @Override
    protected org.deeplearning4j.nn.api.Layer createLayer(NeuralNetConfiguration conf, DataType networkDataType) {
        return new FourierPointwiseLayer(conf, networkDataType);
    }

    /** 1x1 (1x1x1 on volumes) convolution with A per field, s, 1x1 (1x1x1) convolution with A+ per field (frozen). */
    @Override
    public StockExport toStock(org.deeplearning4j.nn.api.Layer trained) {
        return StockExport.replacedBy(new FourierMatrices(transform()).export(getLayerName(), activation(),
                getInType().fieldCount(), getInType().gspace().dimensionality() == 3));
    }

    @Override
    public boolean equals(Object o) {
        if (!super.equals(o)) {
            return false;
        }
        AbstractFourierPointwise other = (AbstractFourierPointwise) o;
        return Objects.equals(function, other.function) && Objects.equals(gridType, other.gridType)
                && gridN == other.gridN && Objects.equals(gridSeed, other.gridSeed) && normalize == other.normalize
                && Arrays.deepEquals(outIrreps, other.outIrreps);
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), function, gridType, gridN, gridSeed, normalize,
                Arrays.deepHashCode(outIrreps));
    }

    /**
     * The builder shared by the Fourier nonlinearities: the input type and grid are required (escnn's
     * {@code *grid_args}); {@code normalize} and {@code outIrreps} are escnn's options.
     */
    public abstract static class Builder<T extends Builder<T>> extends EquivariantLayer.Builder<T> {

        private final GroupGrid grid;
        private String function;
        private boolean normalize = true;
        private List<int[]> outIrreps;

        protected Builder(FieldType inType, GroupGrid grid, String function) {
            super(inType);
            this.grid = Objects.requireNonNull(grid, "grid");
            this.function = function;
        }

        /** Sets escnn's function name; checked when the layer is built. */
        protected void setFunction(String function) {
            this.function = function;
        }

        /** escnn's {@code normalize} (default true): divide the Fourier basis vector by its norm. */
        @SuppressWarnings("unchecked")
        public T normalize(boolean normalize) {
            this.normalize = normalize;
            return (T) this;
        }

        /** escnn's {@code out_irreps}: the irrep ids the output fields are band-limited to. */
        @SuppressWarnings("unchecked")
        public T outIrreps(List<int[]> ids) {
            List<int[]> copy = new ArrayList<>(ids.size());
            for (int[] id : ids) {
                copy.add(id.clone());
            }
            this.outIrreps = copy;
            return (T) this;
        }
    }
}
