package org.e2dl4j.nn.nonlinear;

import java.util.List;
import java.util.function.Supplier;

import org.e2dl4j.math.group.GroupGrid;
import org.e2dl4j.math.repr.Representation;
import org.e2dl4j.math.repr.RepresentationRecipe;
import org.e2dl4j.math.repr.Representations;
import org.e2dl4j.nn.FieldType;
import org.nd4j.linalg.activations.IActivation;

/**
 * escnn's {@code FourierPointwise}: on fields of a band-limited regular representation of G
 * ({@link Representations#spectralRegular}, the Fourier coefficients of functions on G), {@code y = A+ s(A x)}: the
 * function is sampled on a grid of G, s ({@code p_relu} (default), {@code p_elu}, {@code p_sigmoid},
 * {@code p_tanh}) is applied to every sample and the samples are transformed back (see
 * {@link AbstractFourierPointwise}). Makes pointwise nonlinearities available to SO(2), O(2), SO(3) and O(3), whose
 * regular representations are infinite; on SO(3) the band-limited regular representation holds 2l + 1 copies of the
 * Wigner D matrix D_l for each l &lt;= L, as escnn's {@code bl_regular_representation(L)}:
 *
 * <pre>
 *   GSpace so2 = GSpaces.rot2dOnR2(-1, 3);
 *   Representation rho = Representations.spectralRegular(so2.fibergroup(), Representations.bandLimitedIrreps(so2.fibergroup(), 3));
 *   FieldType t = FieldType.of(so2, rho, 8);
 *   new FourierPointwise.Builder(t, GroupGrid.regular(16)).function("p_elu").build()
 *
 *   GSpace so3 = GSpaces.rot3dOnR3(2);
 *   Representation bl2 = Representations.spectralRegular(so3.fibergroup(), Representations.bandLimitedIrreps(so3.fibergroup(), 2));
 *   new FourierPointwise.Builder(FieldType.of(so3, bl2, 4), GroupGrid.ico()).build()   // 60 samples per field
 * </pre>
 */
public class FourierPointwise extends AbstractFourierPointwise {

    private static final long serialVersionUID = 1L;

    /** For Jackson. */
    protected FourierPointwise() {
    }

    protected FourierPointwise(AbstractFourierPointwise.Builder<?> b) {
        super(b);
    }

    @Override
    protected String requireKind(Representation rho) {
        return rho.recipe() instanceof RepresentationRecipe.SpectralRegular ? null
                : "a band-limited regular representation (Representations.spectralRegular; for quotients use"
                        + " QuotientFourierPointwise)";
    }

    /** Functions on the whole group need a grid of the group, not one of the sphere. */
    @Override
    protected String refuseGrid(GroupGrid grid, Representation rho) {
        return grid.type().isSphere() ? "a " + grid + " holds one representative per point of the sphere, so it"
                + " samples functions on the sphere only; functions on " + rho.group().name() + " need a grid of the"
                + " group (cube, ico, tetra, rand), or use QuotientFourierPointwise on the sphere" : null;
    }

    @Override
    protected Representation outRepresentation(Representation rho, List<int[]> ids) {
        return Representations.spectralRegular(rho.group(), ids);
    }

    @Override
    protected String escnnName() {
        return "FourierPointwise";
    }

    /** Builds a {@link FourierPointwise}. */
    public static class Builder extends AbstractFourierPointwise.Builder<Builder> {

        /**
         * @param inType the input field type: copies of one band-limited regular representation
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
                throw new IllegalArgumentException("FourierPointwise: unknown function '" + escnnName + "'; valid: "
                        + FUNCTIONS.keySet().stream().sorted().toList());
            }
            setFunction(escnnName);
            return this;
        }

        /**
         * @throws IllegalArgumentException if the fields are not all of one band-limited regular representation, the
         *                                  grid does not exist on the group or the output irreps build none
         */
        @Override
        @SuppressWarnings("unchecked")
        public FourierPointwise build() {
            return checked(new FourierPointwise(this));
        }
    }
}
