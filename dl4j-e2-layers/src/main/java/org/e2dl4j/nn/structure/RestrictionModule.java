package org.e2dl4j.nn.structure;

import java.util.List;
import java.util.Objects;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.e2dl4j.math.group.SubgroupId;
import org.e2dl4j.math.repr.RecipeKey;
import org.e2dl4j.nn.EquivariantLayer;
import org.e2dl4j.nn.Export;
import org.e2dl4j.nn.ExportedLayer;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.StockExport;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Restricts a feature map to a subgroup H of the fibergroup G (e2cnn's {@code RestrictionModule}): the data
 * is unchanged, its type becomes {@code inType.restrict(id)}, the same channels as fields of the restricted
 * G-space with every representation restricted to H ({@code rho|_H(h) = rho(h)}). A network that is
 * G-equivariant up to this layer is H-equivariant after it; layers after it are built on the restricted type
 * (for instance a D4 model continuing as a C4 model, or a C8 model continuing as C4).
 *
 * <p>Input and output: [N, C, H, W] with C = {@code inType.size()}, any spatial size. The subgroup id is e2cnn's
 * ({@link SubgroupId}): {@code rotations(M)} for C_N and SO(2), {@code dihedral(k, M)} for D_N,
 * {@code orthogonal(theta, M)} for O(2). Vanishes on {@link Export}.
 */
public class RestrictionModule extends EquivariantLayer {

    private static final long serialVersionUID = 1L;

    /** The subgroup id in its JSON key form ({@code 4}, {@code None,4}, {@code 0,2}). */
    private String subgroup;

    private transient volatile Restricted restricted;

    /** The subgroup id the builder was given (null when read from JSON), checked as given. */
    private transient SubgroupId builtId;

    /** The output type, cached with what it was derived from. */
    private record Restricted(FieldType from, String subgroup, FieldType type) {
    }

    /** For Jackson. */
    protected RestrictionModule() {
    }

    protected RestrictionModule(Builder b) {
        super(b);
        this.subgroup = RecipeKey.formatSubgroup(b.id);
        this.builtId = b.id;
    }

    /** Point by point, so on the plane (NCHW) and in space (NCDHW volumes) alike. */
    @Override
    protected boolean acceptsVolumes() {
        return true;
    }

    /** A subgroup id of the input's fibergroup to which the input type can be restricted. */
    @Override
    protected void validate() {
        super.validate();
        if (subgroup == null) {
            throw new IllegalArgumentException(who() + ": no subgroup (property 'subgroup' missing)");
        }
        SubgroupId id = builtId;
        try {
            id = id == null ? subgroupId() : id;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(who() + ": '" + subgroup + "' is not a subgroup id of "
                    + getInType().gspace().fibergroup().name() + ": " + e.getMessage(), e);
        }
        try {
            getInType().restrict(id);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(who() + ": cannot restrict " + getInType() + " to the subgroup "
                    + id + ": " + e.getMessage(), e);
        }
    }

    /** The subgroup H the fields are restricted to. */
    public SubgroupId subgroupId() {
        return RecipeKey.parseSubgroup(getInType().gspace().fibergroup(), subgroup);
    }

    /** {@code inType.restrict(subgroupId())}: the same channels as fields of the restricted G-space. */
    @Override
    public FieldType outType() {
        Restricted r = restricted;
        if (r == null || r.from() != getInType() || !r.subgroup().equals(subgroup)) {
            r = new Restricted(getInType(), subgroup, getInType().restrict(subgroupId()));
            restricted = r;
        }
        return r.type();
    }

    @Override
    protected org.deeplearning4j.nn.api.Layer createLayer(NeuralNetConfiguration conf, DataType networkDataType) {
        return new RestrictionModuleLayer(conf, networkDataType);
    }

    /** For Jackson: the subgroup id's key. */
    public String getSubgroup() {
        return subgroup;
    }

    /** For Jackson. */
    public void setSubgroup(String subgroup) {
        this.subgroup = subgroup;
    }

    @Override
    public boolean equals(Object o) {
        return super.equals(o) && Objects.equals(subgroup, ((RestrictionModule) o).subgroup);
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), subgroup);
    }

    /** A {@link RestrictionModule} changes only the type of the data, so it vanishes on export. */
    @Override
    public StockExport toStock(org.deeplearning4j.nn.api.Layer layer) {
        return StockExport.replacedBy(stockLayers(layer));
    }

    private List<ExportedLayer> stockLayers(org.deeplearning4j.nn.api.Layer layer) {
        return List.of();
    }

    /** Builds a {@link RestrictionModule} from the input type and the subgroup's id. */
    public static class Builder extends EquivariantLayer.Builder<Builder> {

        private final SubgroupId id;

        /**
         * @param inType the input field type
         * @param id     e2cnn's id of a subgroup of {@code inType}'s fibergroup
         */
        public Builder(FieldType inType, SubgroupId id) {
            super(inType);
            this.id = Objects.requireNonNull(id, "subgroup id");
        }

        /**
         * @throws IllegalArgumentException naming the layer, the type and the id, if the id names no subgroup of
         *                                  the input's fibergroup
         */
        @Override
        @SuppressWarnings("unchecked")
        public RestrictionModule build() {
            return checked(new RestrictionModule(this));
        }
    }
}
