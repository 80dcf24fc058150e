package org.e2dl4j.math.repr;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.e2dl4j.math.group.Group;
import org.e2dl4j.math.group.GroupElement;
import org.e2dl4j.math.group.GroupKind;
import org.hipparchus.exception.MathIllegalArgumentException;

/**
 * A representation given by the user as e2cnn's {@code Representation(group, name, irreps, change_of_basis,
 * supported_nonlinearities)}: rho(g) = Q (psi_1(g) (+) ... (+) psi_m(g)) Q^-1 for an invertible Q. The inputs
 * are checked, and so is every nonlinearity claimed, on the matrices rho(g): on every element of a finite group,
 * on the testing elements and a rotation by 1 radian (whose powers are dense in SO(2)) of SO(2) and O(2).
 */
final class UserRepresentation {

    /** Largest entry error accepted in Q Q^-1 = 1 and in the properties of rho(g) a nonlinearity needs. */
    static final double TOLERANCE = 1e-8;

    private UserRepresentation() {
    }

    /** The checked representation, with a {@link RepresentationRecipe.UserDefined} recipe storing its data. */
    static Representation build(Group group, String name, List<IrreducibleRepresentation> irreps,
                                double[][] changeOfBasis, Set<Nonlinearity> supported) {
        String who = who(group, name);
        if (irreps == null || irreps.isEmpty()) {
            throw new IllegalArgumentException(who + " needs at least one irrep, got " + irreps);
        }
        long size = 0;
        for (IrreducibleRepresentation irr : irreps) {
            if (irr == null || !irr.group().equals(group)) {
                throw new IllegalArgumentException(who + ": every irrep must be one of " + group.name()
                        + ", got " + (irr == null ? "null" : irr.name() + " of " + irr.group().name()));
            }
            size += irr.size();
        }
        Representations.checkDenseSize(size, "the " + who);
        if (changeOfBasis == null) {
            throw new IllegalArgumentException(who + " needs a change of basis of " + size + " x " + size
                    + ", got null");
        }
        Matrices.checkSquare(changeOfBasis, (int) size, "the change of basis of the " + who);
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < size; j++) {
                if (!Double.isFinite(changeOfBasis[i][j])) {
                    throw new IllegalArgumentException(who + ": the change of basis must be finite, got "
                            + changeOfBasis[i][j] + " at (" + i + ", " + j + ")");
                }
            }
        }
        double[][] inverse;
        try {
            inverse = Matrices.inverse(changeOfBasis);
        } catch (MathIllegalArgumentException e) {
            throw new IllegalArgumentException(who + ": the change of basis must be invertible, it is singular", e);
        }
        double error = Matrices.distanceToIdentity(Matrices.multiply(changeOfBasis, inverse));
        if (error > TOLERANCE) {
            throw new IllegalArgumentException(who + ": the change of basis must be invertible, Q Q^-1 is "
                    + error + " away from the identity");
        }
        if (supported == null) {
            throw new IllegalArgumentException(who + " needs a set of supported nonlinearities (possibly empty), got null");
        }
        Set<Nonlinearity> claims = supported.isEmpty() ? EnumSet.noneOf(Nonlinearity.class) : EnumSet.copyOf(supported);
        refuseLayoutClaims(claims, who);
        List<int[]> ids = new ArrayList<>(irreps.size());
        for (IrreducibleRepresentation irr : irreps) {
            ids.add(irr.id());
        }
        Representation rho = new Representation(group, name, irreps, changeOfBasis, inverse, claims,
                new RepresentationRecipe.UserDefined(name, ids, changeOfBasis, claims));
        checkClaims(rho, who);
        return rho;
    }

    /**
     * "user representation 'name' of G", for messages.
     *
     * @throws IllegalArgumentException if the group is null or the name null or blank
     */
    static String who(Group group, String name) {
        if (group == null) {
            throw new IllegalArgumentException("a user representation needs a group, got null");
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a user representation of " + group.name() + " needs a name, got "
                    + (name == null ? "null" : "'" + name + "'"));
        }
        return "user representation '" + name + "' of " + group.name();
    }

    /** Refuses the nonlinearities that need the channel layout of a regular or induced representation. */
    private static void refuseLayoutClaims(Set<Nonlinearity> claims, String who) {
        for (Nonlinearity n : claims) {
            switch (n) {
                case VECTORFIELD, INDUCED_NORM, INDUCED_GATED, INDUCED_GATE -> throw new IllegalArgumentException(who
                        + " cannot claim '" + n.e2cnnName() + "': it needs the layout of a regular (vectorfield) or"
                        + " induced (induced_*) representation; build those with Representations.regular / induced");
                default -> {
                    // checked on the matrices by checkClaims
                }
            }
        }
    }

    /** Refuses a claimed nonlinearity that rho(g) does not allow, naming the element where it fails. */
    private static void checkClaims(Representation rho, String who) {
        for (GroupElement g : checkedElements(rho.group())) {
            double[][] m = rho.matrix(g);
            for (Nonlinearity n : rho.supportedNonlinearities()) {
                String problem = problem(n, m);
                if (problem != null) {
                    throw new IllegalArgumentException(who + " cannot claim '" + n.e2cnnName() + "': it needs "
                            + problem + " at every element, but rho(" + g + ") is not");
                }
            }
        }
    }

    private static List<GroupElement> checkedElements(Group group) {
        if (group.isFinite()) {
            return group.elements();
        }
        List<GroupElement> els = new ArrayList<>(group.testingElements());
        els.add(GroupElement.continuous(0, 1.0));
        if (group.kind() == GroupKind.O2) {
            els.add(GroupElement.continuous(1, 1.0));
        }
        return els;
    }

    /** What n needs of every matrix, if m lacks it; null if m has it. */
    private static String problem(Nonlinearity n, double[][] m) {
        return switch (n) {
            case POINTWISE -> isSignedPermutation(m, false) ? null : "a permutation matrix";
            case CONCATENATED -> isSignedPermutation(m, true) ? null : "a signed permutation matrix";
            case NORM, GATED -> isOrthogonal(m) ? null : "an orthogonal matrix";
            case GATE -> Matrices.distanceToIdentity(m) <= TOLERANCE ? null : "the identity";
            default -> throw new IllegalStateException("unchecked nonlinearity " + n);
        };
    }

    private static boolean isSignedPermutation(double[][] m, boolean signs) {
        int n = m.length;
        int[] perColumn = new int[n];
        for (double[] row : m) {
            int ones = 0;
            for (int j = 0; j < n; j++) {
                double a = signs ? Math.abs(row[j]) : row[j];
                if (Math.abs(a - 1) <= TOLERANCE) {
                    ones++;
                    perColumn[j]++;
                } else if (Math.abs(row[j]) > TOLERANCE) {
                    return false;
                }
            }
            if (ones != 1) {
                return false;
            }
        }
        for (int c : perColumn) {
            if (c != 1) {
                return false;
            }
        }
        return true;
    }

    private static boolean isOrthogonal(double[][] m) {
        return Matrices.distanceToIdentity(Matrices.multiply(m, Matrices.transpose(m))) <= TOLERANCE;
    }
}
