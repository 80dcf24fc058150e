package org.e2dl4j.math.repr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.e2dl4j.math.Mat;
import org.e2dl4j.math.group.Group;
import org.e2dl4j.math.group.GroupElement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Properties every representation must have, checked on {@link SampleRepresentations#all()}. */
class RepresentationPropertiesTest {

    private static final double TOL = 1e-9;

    static Stream<Representation> representations() {
        return SampleRepresentations.all().stream();
    }

    @Test
    void theSampleCoversEveryKindOfRepresentation() {
        List<String> kinds = List.of("irrep_", "regular", "quotient[", "induced[", ":regular", "_[", "_rotated",
                "quotient[(None, -1)]", "induced[(None, -1)]", "O(2):induced", "user_");
        for (String kind : kinds) {
            assertTrue(SampleRepresentations.all().stream().anyMatch(r -> r.name().contains(kind)),
                    "no sample representation named like " + kind);
        }
    }

    /**
     * rho(g) is orthogonal for every g, rho(e) = I and rho(s g) = rho(s) rho(g) for the generators s (r, and f for
     * D_N) and every g of a finite group: writing any x as a product of generators then gives rho(x g) =
     * rho(x) rho(g) for all x, g. For SO(2) / O(2) all pairs of testing elements are checked.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("representations")
    void isAnOrthogonalHomomorphism(Representation rho) {
        Group g = rho.group();
        String where = g + "|" + rho.name();
        List<GroupElement> els = g.isFinite() ? g.elements() : g.testingElements();
        List<double[][]> mats = new ArrayList<>();
        for (GroupElement e : els) {
            double[][] m = rho.matrix(e);
            Mat.assertClose(Mat.identity(rho.size()), Mat.multiply(m, Mat.transpose(m)), TOL,
                    where + ": rho(" + e + ") rho(" + e + ")^T");
            mats.add(m);
        }
        Mat.assertClose(Mat.identity(rho.size()), rho.matrix(g.identity()), TOL, where + ": rho(e)");
        List<GroupElement> left = g.isFinite() ? generators(g) : els;
        for (GroupElement s : left) {
            double[][] ms = rho.matrix(s);
            for (int b = 0; b < els.size(); b++) {
                GroupElement sg = g.combine(s, els.get(b));
                double[][] expected = g.isFinite() ? mats.get(els.indexOf(sg)) : rho.matrix(sg);
                double d = Mat.maxDifference(expected, Mat.multiply(ms, mats.get(b)));
                if (!(d <= TOL)) {
                    fail(where + ": rho(gh) vs rho(g) rho(h) for g = " + s + ", h = " + els.get(b) + " differ by " + d);
                }
            }
        }
    }

    private static List<GroupElement> generators(Group g) {
        GroupElement r = GroupElement.finite(0, 1, g.rotationOrder());
        return g.hasReflections() ? List.of(r, GroupElement.finite(1, 0, g.rotationOrder())) : List.of(r);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("representations")
    void changeOfBasisIsOrthogonalAndCharacterIsTheTrace(Representation rho) {
        String where = rho.group() + "|" + rho.name();
        double[][] q = rho.changeOfBasis();
        Mat.assertClose(Mat.identity(rho.size()), Mat.multiply(q, Mat.transpose(q)), TOL, where + ": Q Q^T");
        Mat.assertClose(Mat.transpose(q), rho.changeOfBasisInv(), TOL, where + ": Q^-1 = Q^T");
        assertEquals(rho.size(), rho.irreps().stream().mapToInt(Representation::size).sum(),
                where + ": total size of the irreps");
        Group g = rho.group();
        for (GroupElement e : g.isFinite() ? g.elements() : g.testingElements()) {
            assertEquals(Mat.trace(rho.matrix(e)), rho.character(e), TOL, where + ": character at " + e);
        }
        assertEquals(rho.irreps().stream().anyMatch(IrreducibleRepresentation::isTrivial), rho.containsTrivial(),
                where + ": containsTrivial");
    }

    /**
     * A pointwise nonlinearity commutes with rho only if every rho(g) permutes the axes; it suffices to check the
     * generators, as products of permutation matrices are permutation matrices.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("representations")
    void representationsSupportingPointwiseNonlinearitiesArePermutations(Representation rho) {
        if (!rho.supports(Nonlinearity.POINTWISE) || !rho.group().isFinite()) {
            return;
        }
        for (GroupElement e : generators(rho.group())) {
            double[][] m = rho.matrix(e);
            for (int i = 0; i < m.length; i++) {
                for (int j = 0; j < m.length; j++) {
                    double v = m[i][j];
                    assertTrue(Math.abs(v) < TOL || Math.abs(v - 1) < TOL, rho.group() + "|" + rho.name()
                            + " supports pointwise nonlinearities but rho(" + e + ")[" + i + "][" + j + "] = " + v);
                }
            }
        }
    }
}
