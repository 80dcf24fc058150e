package org.e2dl4j.nn.nonlinear;

import java.util.List;
import java.util.function.Supplier;

import org.e2dl4j.math.group.GroupGrid;
import org.e2dl4j.math.group.GroupKind;
import org.e2dl4j.math.group.SubgroupId;
import org.e2dl4j.math.repr.Representation;
import org.e2dl4j.math.repr.RepresentationRecipe;
import org.e2dl4j.math.repr.Representations;
import org.e2dl4j.nn.FieldType;
import org.nd4j.linalg.activations.IActivation;

/**
 * escnn's {@code QuotientFourierPointwise}: {@code y = A+ s(A x)} on fields of a band-limited quotient representation
 * of G by a subgroup H ({@link Representations#spectralQuotient}, the Fourier coefficients of functions on G / H,
 * e.g. O(2) / SO(2), SO(2) / C_k, or the sphere SO(3) / SO(2) and O(3) / O(2) (the cone subgroup)), sampled on a grid
 * of G (a function on G / H is constant on the cosets gH, so grid points in one coset repeat a sample) or on one coset
 * representative per point of a sphere grid ({@code GroupGrid.sphere...}). See {@link AbstractFourierPointwise}.
 *
 * <pre>
 *   Group o2 = Groups.o2(3);
 *   Representation rho = Representations.spectralQuotient(o2, SubgroupId.orthogonal(0.0, 1), Representations.bandLimitedIrreps(o2, 3));
 *   new QuotientFourierPointwise.Builder(FieldType.of(GSpaces.flipRot2dOnR2(-1, 3), rho, 4), GroupGrid.regular(8)).build()
 *
 *   Group so3 = Groups.so3(2);
 *   Representation sphere = Representations.spectralQuotient(so3, SubgroupId.planarRotations(-1), Representations.bandLimitedIrreps(so3, 2));
 *   new QuotientFourierPointwise.Builder(FieldType.of(GSpaces.rot3dOnR3(2), sphere, 4), GroupGrid.sphere(GroupGrid.Type.SPHERE_ICO)).build()
 * </pre>
 */
public class QuotientFourierPointwise extends AbstractFourierPointwise {

    private static final long serialVersionUID = 1L;

    /** For Jackson. */
    protected QuotientFourierPointwise() {
    }

    protected QuotientFourierPointwise(AbstractFourierPointwise.Builder<?> b) {
        super(b);
    }

    @Override
    protected String requireKind(Representation rho) {
        return rho.recipe() instanceof RepresentationRecipe.SpectralQuotient ? null
                : "a band-limited quotient representation (Representations.spectralQuotient; for regular ones use"
                        + " FourierPointwise)";
    }

    /**
     * A sphere grid samples functions on SO(3) / SO(2) (subgroup {@code planarRotations(-1)}) and O(3) / O(2) (the
     * cone, {@code cone(-1)}): its representatives R with R e_z = p stand for their whole cosets only there.
     */
    @Override
    protected String refuseGrid(GroupGrid grid, Representation rho) {
        if (!grid.type().isSphere()) {
            return null;
        }
        SubgroupId id = ((RepresentationRecipe.SpectralQuotient) rho.recipe()).subgroup();
        GroupKind kind = rho.group().kind();
        boolean sphere = kind == GroupKind.SO3 && id.equals(SubgroupId.planarRotations(-1))
                || kind == GroupKind.O3 && id.equals(SubgroupId.cone(-1));
        return sphere ? null : "a " + grid + " samples functions on the sphere, SO(3) / SO(2) (subgroup "
                + SubgroupId.planarRotations(-1) + ") or O(3) / O(2) (subgroup " + SubgroupId.cone(-1) + "); the"
                + " quotient of " + rho.group().name() + " by " + id + " needs a grid of the group";
    }

    @Override
    protected Representation outRepresentation(Representation rho, List<int[]> ids) {
        RepresentationRecipe.SpectralQuotient q = (RepresentationRecipe.SpectralQuotient) rho.recipe();
        return Representations.spectralQuotient(rho.group(), q.subgroup(), ids);
    }

    @Override
    protected String escnnName() {
        return "QuotientFourierPointwise";
    }

    /** Builds a {@link QuotientFourierPointwise}. */
    public static class Builder extends AbstractFourierPointwise.Builder<Builder> {

        /**
         * @param inType the input field type: copies of one band-limited quotient representation
         * @param grid   the sampling grid on the group (escnn's grid arguments)
         */
        public Builder(FieldType inType, GroupGrid grid) {
            super(inType, grid, "p_relu");
        }

        /**
         * escnn's {@code function}: {@code p_relu} (the default), {@code p_elu}, {@code p_sigmoid} or {@code p_tanh}.
         *
         * @throws IllegalArgumentException for any other name, listing the valid ones
         */
        public Builder function(String escnnName) {
            Supplier<IActivation> f = FUNCTIONS.get(escnnName);
            if (f == null) {
                throw new IllegalArgumentException("QuotientFourierPointwise: unknown function '" + escnnName
                        + "'; valid: " + FUNCTIONS.keySet().stream().sorted().toList());
            }
            setFunction(escnnName);
            return this;
        }

        /**
         * @throws IllegalArgumentException if the fields are not all of one band-limited quotient representation, the
         *                                  grid does not exist on the group or the output irreps build none
         */
        @Override
        @SuppressWarnings("unchecked")
        public QuotientFourierPointwise build() {
            return checked(new QuotientFourierPointwise(this));
        }
    }
}
