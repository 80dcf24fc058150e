package org.e2dl4j.math.repr;

import static org.e2dl4j.testing.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.EnumSet;
import java.util.List;

import org.e2dl4j.math.Mat;
import org.e2dl4j.math.group.Group;
import org.e2dl4j.math.group.GroupElement;
import org.e2dl4j.math.group.Groups;
import org.e2dl4j.math.group.SubgroupId;
import org.junit.jupiter.api.Test;

/**
 * {@link Representations#fromIrreps}: the representation Q (+)psi_i Q^-1 of the user's data, its recipe and key,
 * and the refusal of bad data and of nonlinearities its matrices do not allow.
 */
class UserRepresentationTest {

    private static final double EXACT = 1e-12;
    private static final double S = Math.sqrt(0.5);
    /** Sends e_0 + e_1 to the trivial irrep and e_0 - e_1 to the sign: (trivial (+) sign) becomes the swap. */
    private static final double[][] HADAMARD = {{S, S}, {S, -S}};

    private static IrreducibleRepresentation irrep(Group g, int... id) {
        return Representations.irrep(g, id);
    }

    /** The trivial and sign irreps of C2 in the Hadamard basis are the permutation representation of C2. */
    @Test
    void trivialPlusSignInTheHadamardBasisIsTheSwap() {
        Group c2 = Groups.cyclic(2);
        Representation r = Representations.fromIrreps(c2, "swap", List.of(irrep(c2, 0), irrep(c2, 1)), HADAMARD,
                EnumSet.of(Nonlinearity.POINTWISE, Nonlinearity.NORM));
        Mat.assertClose(Mat.identity(2), r.matrix(GroupElement.finite(0, 0, 2)), EXACT, "swap at e");
        Mat.assertClose(new double[][] {{0, 1}, {1, 0}}, r.matrix(GroupElement.finite(0, 1, 2)), EXACT, "swap at r");
        assertEquals(Representations.regular(c2).matrix(GroupElement.finite(0, 1, 2))[0][1],
                r.matrix(GroupElement.finite(0, 1, 2))[0][1], EXACT, "equal to C2's regular representation");
        assertEquals(EnumSet.of(Nonlinearity.POINTWISE, Nonlinearity.NORM), r.supportedNonlinearities());
        assertEquals(1, r.trivialCount(), "one trivial irrep");
    }

    /** A non-orthogonal Q is allowed (as in e2cnn): rho = Q P Q^-1 is then no orthogonal representation. */
    @Test
    void anInvertibleChangeOfBasisGivesItsConjugate() {
        Group c4 = Groups.cyclic(4);
        double[][] q = {{2, 1}, {0, 1}};
        Representation r = Representations.fromIrreps(c4, "skew", List.of(irrep(c4, 1)), q,
                EnumSet.noneOf(Nonlinearity.class));
        double[][] qi = {{0.5, -0.5}, {0, 1}};
        GroupElement quarter = GroupElement.finite(0, 1, 4);
        Mat.assertClose(Mat.multiply(Mat.multiply(q, irrep(c4, 1).matrix(quarter)), qi), r.matrix(quarter), EXACT,
                "Q psi Q^-1");
        assertRejected(() -> Representations.fromIrreps(c4, "skew", List.of(irrep(c4, 1)), q,
                EnumSet.of(Nonlinearity.NORM)), "user representation 'skew' of C4", "cannot claim 'norm'",
                "an orthogonal matrix", "rho(r1/4)");
    }

    /** The recipe stores the data; its key is read back to an equal representation, whatever the name holds. */
    @Test
    void recipeAndKeyRebuildAnEqualRepresentation() {
        Group o2 = Groups.o2(3);
        double c = Math.cos(0.3);
        double s = Math.sin(0.3);
        double[][] q = {{c, 0, -s}, {0, 1, 0}, {s, 0, c}};
        Representation r = Representations.fromIrreps(o2, "mixed: a;b,c %", List.of(irrep(o2, 0, 0), irrep(o2, 1, 2)),
                q, EnumSet.of(Nonlinearity.NORM, Nonlinearity.GATED));
        String key = RecipeKey.format(r.recipe());
        assertEquals("user:mixed%3A+a%3Bb%2Cc+%25:0,0;1,2:norm,gated:" + c + ",0.0," + (-s) + ";0.0,1.0,0.0;" + s
                + ",0.0," + c, key);
        Representation back = RecipeKey.parse(o2, key).build(o2);
        assertEquals(r, back, "rebuilt from " + key);
        assertEquals(r.recipe(), back.recipe());
        assertEquals("mixed: a;b,c %", back.name());
        Representation restricted = Representations.restrict(r, SubgroupId.orthogonal(0.5, -1));
        String nested = RecipeKey.format(restricted.recipe());
        assertEquals("restrict:O(2)@3:0.5,-1:" + key, nested);
        assertEquals(restricted, RecipeKey.parse(o2, nested).build(o2), "restricted, rebuilt from " + nested);
        Representation other = Representations.fromIrreps(o2, "mixed: a;b,c %", List.of(irrep(o2, 0, 0),
                irrep(o2, 1, 2)), Mat.identity(3), EnumSet.of(Nonlinearity.NORM, Nonlinearity.GATED));
        assertNotEquals(r, other, "another change of basis is another representation");
    }

    @Test
    void badDataIsRefusedNamingTheRepresentation() {
        Group c4 = Groups.cyclic(4);
        Group c8 = Groups.cyclic(8);
        EnumSet<Nonlinearity> none = EnumSet.noneOf(Nonlinearity.class);
        assertRejected(() -> Representations.fromIrreps(c4, "", List.of(irrep(c4, 1)), Mat.identity(2), none),
                "user representation of C4 needs a name");
        assertRejected(() -> Representations.fromIrreps(c4, "v", List.of(), Mat.identity(2), none),
                "user representation 'v' of C4 needs at least one irrep");
        assertRejected(() -> Representations.fromIrreps(c4, "v", List.of(irrep(c8, 1)), Mat.identity(2), none),
                "user representation 'v' of C4", "irrep_1 of C8");
        assertRejected(() -> Representations.fromIrreps(c4, "v", List.of(irrep(c4, 1)), Mat.identity(3), none),
                "the change of basis of the user representation 'v' of C4 must be 2 x 2, got 3 rows");
        assertRejected(() -> Representations.fromIrreps(c4, "v", List.of(irrep(c4, 1)),
                new double[][] {{1, 0}, {0, Double.NaN}}, none), "must be finite, got NaN at (1, 1)");
        assertRejected(() -> Representations.fromIrreps(c4, "v", List.of(irrep(c4, 1)),
                new double[][] {{1, 2}, {2, 4}}, none), "user representation 'v' of C4", "must be invertible");
        assertRejected(() -> Representations.fromIrreps(c4, "v", List.of(irrep(c4, 1)), null, none),
                "needs a change of basis of 2 x 2, got null");
    }

    /** Each claim is checked on the matrices; vectorfield and the induced ones need layouts a user basis lacks. */
    @Test
    void claimsTheMatricesDoNotAllowAreRefused() {
        Group c4 = Groups.cyclic(4);
        Group so2 = Groups.so2(20);
        Group o2 = Groups.o2(3);
        assertRejected(() -> Representations.fromIrreps(c4, "v", List.of(irrep(c4, 1)), Mat.identity(2),
                EnumSet.of(Nonlinearity.POINTWISE)), "cannot claim 'pointwise'", "a permutation matrix", "rho(r1/4)");
        // irrep_2 of C4 is +-1: a signed permutation, so concatenated holds and pointwise does not
        Representation sign = Representations.fromIrreps(c4, "sign", List.of(irrep(c4, 2)), Mat.identity(1),
                EnumSet.of(Nonlinearity.CONCATENATED));
        assertEquals(EnumSet.of(Nonlinearity.CONCATENATED), sign.supportedNonlinearities());
        assertRejected(() -> Representations.fromIrreps(c4, "sign", List.of(irrep(c4, 2)), Mat.identity(1),
                EnumSet.of(Nonlinearity.GATE)), "cannot claim 'gate'", "the identity");
        // frequency 16 is the identity on all 16 testing rotations of SO(2), not on the rotation by 1 radian
        assertRejected(() -> Representations.fromIrreps(so2, "fast", List.of(irrep(so2, 16)), Mat.identity(2),
                EnumSet.of(Nonlinearity.POINTWISE)), "user representation 'fast' of SO(2)", "cannot claim 'pointwise'",
                "r(1.0)");
        assertRejected(() -> Representations.fromIrreps(o2, "v", List.of(irrep(o2, 1, 1)), Mat.identity(2),
                EnumSet.of(Nonlinearity.VECTORFIELD)), "cannot claim 'vectorfield'", "Representations.regular");
        assertRejected(() -> Representations.fromIrreps(o2, "v", List.of(irrep(o2, 1, 1)), Mat.identity(2),
                EnumSet.of(Nonlinearity.INDUCED_NORM)), "cannot claim 'induced_norm'", "induced");
    }
}
