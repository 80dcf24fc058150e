package org.e2dl4j.math.repr;

import static org.e2dl4j.math.repr.Nonlinearity.CONCATENATED;
import static org.e2dl4j.math.repr.Nonlinearity.GATE;
import static org.e2dl4j.math.repr.Nonlinearity.GATED;
import static org.e2dl4j.math.repr.Nonlinearity.NORM;
import static org.e2dl4j.math.repr.Nonlinearity.POINTWISE;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.e2dl4j.math.group.Group;
import org.e2dl4j.math.group.GroupElement;

/**
 * Builds the irreps of a group in e2cnn's order:
 * C_N: irrep_0 .. irrep_(N/2); SO(2): irrep_0 .. irrep_F;
 * D_N: irrep_0,0, irrep_1,0 .. irrep_1,(N/2), then irrep_0,(N/2) for even N;
 * O(2): irrep_0,0, irrep_1,0 .. irrep_1,F; the 3D groups' irreps are {@link SpatialIrreps}'.
 */
final class IrrepCatalog {

    private static final Set<Nonlinearity> TRIVIAL_FINITE = EnumSet.of(POINTWISE, NORM, GATED, GATE, CONCATENATED);
    private static final Set<Nonlinearity> TRIVIAL_CONTINUOUS = EnumSet.of(POINTWISE, NORM, GATED, GATE);
    private static final Set<Nonlinearity> SIGN_FINITE = EnumSet.of(NORM, GATED, CONCATENATED);
    private static final Set<Nonlinearity> PLANAR = EnumSet.of(NORM, GATED);

    private IrrepCatalog() {
    }

    static List<IrreducibleRepresentation> build(Group g) {
        List<IrreducibleRepresentation> list = new ArrayList<>();
        switch (g.kind()) {
            case CYCLIC: {
                int n = g.rotationOrder();
                for (int k = 0; k <= n / 2; k++) {
                    list.add(rotationIrrep(g, k, n % 2 == 0 && k == n / 2));
                }
                break;
            }
            case SO2:
                for (int k = 0; k <= g.maximumFrequency(); k++) {
                    list.add(rotationIrrep(g, k, false));
                }
                break;
            case DIHEDRAL: {
                int n = g.rotationOrder();
                list.add(reflectionIrrep(g, 0, 0, false));
                for (int k = 0; k <= n / 2; k++) {
                    list.add(reflectionIrrep(g, 1, k, n % 2 == 0 && k == n / 2));
                }
                if (n % 2 == 0) {
                    list.add(reflectionIrrep(g, 0, n / 2, true));
                }
                break;
            }
            case O2:
                list.add(reflectionIrrep(g, 0, 0, false));
                for (int k = 0; k <= g.maximumFrequency(); k++) {
                    list.add(reflectionIrrep(g, 1, k, false));
                }
                break;
            default:
                return SpatialIrreps.build(g);
        }
        return Collections.unmodifiableList(list);
    }

    /** irrep_k of C_N or SO(2); {@code alternating} marks the 1-dim irrep_(N/2) of even C_N. */
    private static IrreducibleRepresentation rotationIrrep(Group g, int k, boolean alternating) {
        String name = "irrep_" + k;
        int[] id = {k};
        boolean finite = g.isFinite();
        if (k == 0) {
            return new IrreducibleRepresentation(g, name, id, 1, 0, 0, 1,
                    finite ? TRIVIAL_FINITE : TRIVIAL_CONTINUOUS, e -> new double[][] {{1}});
        }
        if (alternating) {
            return new IrreducibleRepresentation(g, name, id, 1, k, 0, 1, SIGN_FINITE,
                    e -> new double[][] {{e.rotationIndex() % 2 == 0 ? 1 : -1}});
        }
        return new IrreducibleRepresentation(g, name, id, 2, k, 0, 2, PLANAR, e -> rotation(k, e, 0));
    }

    /** irrep_j,k of D_N or O(2); {@code alternating} marks the 1-dim irreps with k = N/2 of even D_N. */
    private static IrreducibleRepresentation reflectionIrrep(Group g, int j, int k, boolean alternating) {
        String name = "irrep_" + j + "," + k;
        int[] id = {j, k};
        boolean finite = g.isFinite();
        if (j == 0 && k == 0) {
            return new IrreducibleRepresentation(g, name, id, 1, 0, 0, 1,
                    finite ? TRIVIAL_FINITE : TRIVIAL_CONTINUOUS, e -> new double[][] {{1}});
        }
        Set<Nonlinearity> oneDim = finite ? SIGN_FINITE : PLANAR;
        if (k == 0) {
            return new IrreducibleRepresentation(g, name, id, 1, 0, 1, 1, oneDim,
                    e -> new double[][] {{e.flip() == 1 ? -1 : 1}});
        }
        if (alternating) {
            return new IrreducibleRepresentation(g, name, id, 1, k, j, 1, oneDim,
                    e -> new double[][] {{((e.rotationIndex() + j * e.flip()) % 2 == 0) ? 1 : -1}});
        }
        return new IrreducibleRepresentation(g, name, id, 2, k, 1, 1, PLANAR, e -> rotation(k, e, e.flip()));
    }

    /** rot(k theta) diag(1, -1)^flip. */
    private static double[][] rotation(int k, GroupElement e, int flip) {
        double t = k * e.angle();
        if (e.isFinite()) {
            // reduce k * index modulo N before taking cos/sin, so equal angles give identical values
            int n = e.rotationOrder();
            t = 2 * Math.PI * Math.floorMod((long) k * e.rotationIndex(), n) / n;
        }
        double c = Math.cos(t);
        double s = Math.sin(t);
        return flip == 0 ? new double[][] {{c, -s}, {s, c}} : new double[][] {{c, s}, {s, -c}};
    }
}
