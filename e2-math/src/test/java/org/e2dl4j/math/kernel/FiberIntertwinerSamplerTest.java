package org.e2dl4j.math.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.e2dl4j.math.Mat;
import org.e2dl4j.math.group.Group;
import org.e2dl4j.math.group.GroupElement;
import org.e2dl4j.math.group.Groups;
import org.e2dl4j.math.group.SubgroupId;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.math.repr.Representation;
import org.e2dl4j.math.repr.Representations;
import org.e2dl4j.testing.Rejections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FiberIntertwinerSamplerTest {

    private static final double TOL = 1e-9;

    /** Fields of every kind (irreps, regular, quotient, induced, sums with a change of basis) on each group. */
    private static List<Representation> fields(Group g) {
        List<Representation> list = new ArrayList<>(Representations.irreps(g));
        if (g.isFinite()) {
            list.add(Representations.regular(g));
            if (g.rotationOrder() % 2 == 0 && g.order() > 2) {
                SubgroupId half = g.hasReflections() ? SubgroupId.dihedral(0, g.rotationOrder() / 2)
                        : SubgroupId.rotations(g.rotationOrder() / 2);
                list.add(Representations.quotient(g, half));
                list.add(Representations.induced(g, half,
                        Representations.irreps(g.subgroup(half).group()).get(1)));
            }
        } else {
            List<? extends Representation> irreps = Representations.irreps(g);
            Representation sum = Representations.directSum(List.<Representation>of(irreps.get(2), irreps.get(0),
                    irreps.get(2)), "sum");
            double[][] signedPermutation = new double[sum.size()][sum.size()];
            for (int i = 0; i < sum.size(); i++) {
                signedPermutation[i][(i + 2) % sum.size()] = i % 2 == 0 ? 1 : -1;
            }
            list.add(Representations.changeBasis(sum, signedPermutation, "mixed", Set.of()));
        }
        return list;
    }

    static Stream<Arguments> pairs() {
        List<Arguments> args = new ArrayList<>();
        for (Group g : List.of(Groups.trivial(), Groups.cyclic(2), Groups.cyclic(4), Groups.cyclic(6), Groups.dihedral(1),
                Groups.dihedral(4), Groups.dihedral(3), Groups.so2(4), Groups.o2(4))) {
            List<Representation> fields = fields(g);
            for (Representation in : fields) {
                for (Representation out : fields) {
                    args.add(Arguments.of(GSpaces.noBaseSpace(g), in, out));
                }
            }
        }
        return args.stream();
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @MethodSource("pairs")
    void everyElementIsAnIntertwiner(GSpace point, Representation in, Representation out) {
        Optional<SampledBasis> basis = FiberIntertwinerSampler.INSTANCE.sample(point, in, out, 1, 1);
        List<GroupElement> elements = new ArrayList<>(point.testingElements());
        if (point.fibergroup().isFinite()) {
            elements = point.fibergroup().elements();
        }
        for (double[][] w : matrices(basis)) {
            for (GroupElement g : elements) {
                Mat.assertClose(Mat.multiply(out.matrix(g), w), Mat.multiply(w, in.matrix(g)), TOL,
                        point + ": W rho_in(g) = rho_out(g) W at " + g + " for " + in.name() + " -> " + out.name());
            }
        }
    }

    /**
     * The basis spans Hom_G: its elements are orthogonal (Frobenius), each of squared norm d_out as escnn normalizes,
     * so independent; and there are as many as {@code dim Hom_G(rho_in, rho_out)}, which for a finite group is the
     * character inner product {@code 1/|G| sum_g chi_in(g) chi_out(g)} and for SO(2) / O(2) the sum over shared irreps
     * of the multiplicities times the endomorphism dimension.
     */
    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @MethodSource("pairs")
    void theBasisIsOrthogonalAndAsLargeAsHomG(GSpace point, Representation in, Representation out) {
        Optional<SampledBasis> basis = FiberIntertwinerSampler.INSTANCE.sample(point, in, out, 1, 1);
        List<double[][]> w = matrices(basis);
        for (int a = 0; a < w.size(); a++) {
            int outIrrepSize = basis.get().elements().get(a).outIrrepSize();
            for (int b = 0; b < w.size(); b++) {
                double dot = Mat.trace(Mat.multiply(w.get(a), Mat.transpose(w.get(b))));
                assertEquals(a == b ? outIrrepSize : 0, dot, TOL, point + ": <W_" + a + ", W_" + b + ">");
            }
        }
        assertEquals(homDimension(point.fibergroup(), in, out), w.size(), point + ": dim Hom_G(" + in.name() + ", "
                + out.name() + ")");
    }

    private static int homDimension(Group g, Representation in, Representation out) {
        if (g.isFinite()) {
            double sum = 0;
            for (GroupElement e : g.elements()) {
                sum += in.character(e) * out.character(e);
            }
            return (int) Math.round(sum / g.order());
        }
        int dim = 0;
        for (var psi : in.irreps()) {
            for (var phi : out.irreps()) {
                if (psi.equals(phi)) {
                    dim += psi.sumOfSquaresConstituents();
                }
            }
        }
        return dim;
    }

    @Test
    void complexIrrepsGetTheIdentityThenTheQuarterTurn() {
        GSpace point = GSpaces.noBaseSpace(Groups.cyclic(8));
        SampledBasis b = FiberIntertwinerSampler.INSTANCE.sample(point, point.irrep(3), point.irrep(3), 1, 1).get();
        List<double[][]> w = matrices(Optional.of(b));
        Mat.assertClose(new double[][] {{1, 0}, {0, 1}}, w.get(0), TOL, "first element");
        Mat.assertClose(new double[][] {{0, -1}, {1, 0}}, w.get(1), TOL, "second element");
        assertEquals(1, b.elements().get(1).innerIndex());
        assertEquals(Math.PI / 2, ((BasisElement) b.elements().get(1)).gamma());
        GSpace dihedral = GSpaces.noBaseSpace(Groups.dihedral(8));
        assertEquals(1, FiberIntertwinerSampler.INSTANCE.sample(dihedral, dihedral.irrep(1, 3), dihedral.irrep(1, 3), 1, 1)
                .get().dimension(), "a 2-dimensional irrep of D_8 is of real type");
    }

    @Test
    void unrelatedIrrepsHaveNoMap() {
        GSpace point = GSpaces.noBaseSpace(Groups.so2(4));
        assertTrue(FiberIntertwinerSampler.INSTANCE.sample(point, point.irrep(1), point.irrep(2), 1, 1).isEmpty());
    }

    @Test
    void onlyASinglePoint() {
        GSpace point = GSpaces.noBaseSpace(Groups.cyclic(4));
        Rejections.assertRejected(() -> FiberIntertwinerSampler.INSTANCE.sample(point, point.trivialRepr(),
                point.trivialRepr(), 3, 1), "expected kernel size 1 and dilation 1", "got kernel size 3");
        Rejections.assertRejected(() -> FiberIntertwinerSampler.INSTANCE.sample(point, point.trivialRepr(),
                Representations.trivial(Groups.cyclic(2)), 1, 1), "does not belong to the G-space NoBaseSpace(C4)");
    }

    private static List<double[][]> matrices(Optional<SampledBasis> basis) {
        List<double[][]> list = new ArrayList<>();
        if (basis.isEmpty()) {
            return list;
        }
        SampledBasis b = basis.get();
        for (int e = 0; e < b.dimension(); e++) {
            double[][] w = new double[b.outSize()][b.inSize()];
            for (int o = 0; o < b.outSize(); o++) {
                for (int i = 0; i < b.inSize(); i++) {
                    w[o][i] = b.get(e, o, i, 0);
                }
            }
            list.add(w);
        }
        return list;
    }
}
