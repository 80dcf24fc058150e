package org.e2dl4j.math.kernel;

import java.util.Optional;

import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.repr.Representation;

/**
 * A family of G-equivariant linear maps between two feature fields, discretized as k x k stencils: for a
 * representation pair (rho_in, rho_out) it returns a basis of the stencils K with
 * {@code K(g x) = rho_out(g) K(x) rho_in(g)^-1}. The steerable kernel basis ({@link SteerableKernelSampler}) is
 * one such family; a discretized steerable PDO basis would be another. {@link LayerBasis} lays any of them out
 * over a layer's fields.
 */
public interface PairBasisSampler {

    /**
     * The sampled basis for one pair, shared between callers; empty when no element survives (the pair then
     * contributes no weights).
     *
     * @param gspace     the G-space both representations belong to
     * @param in         input field representation
     * @param out        output field representation
     * @param kernelSize k
     * @param dilation   spacing of the stencil points
     */
    Optional<SampledBasis> sample(GSpace gspace, Representation in, Representation out, int kernelSize, int dilation);
}
