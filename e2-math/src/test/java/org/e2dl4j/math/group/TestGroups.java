package org.e2dl4j.math.group;

import java.util.ArrayList;
import java.util.List;

/** The groups and subgroup ids the tests run over. */
public final class TestGroups {

    /** The largest N of the C_N and D_N that are tested exhaustively. */
    public static final int MAX_N = 16;

    private TestGroups() {
    }

    /** C_1 .. C_16 and D_1 .. D_16. */
    public static List<Group> finiteGroups() {
        List<Group> groups = new ArrayList<>();
        for (int n = 1; n <= MAX_N; n++) {
            groups.add(Groups.cyclic(n));
            groups.add(Groups.dihedral(n));
        }
        return groups;
    }

    /** SO(2) and O(2) with irreps up to frequency 6. */
    public static List<Group> continuousGroups() {
        return List.of(Groups.so2(6), Groups.o2(6));
    }

    /**
     * Every subgroup id of a finite group; a sample of them for SO(2) and O(2) (cyclic subgroups of small
     * order, SO(2), O(2) turned by 0.5, flips and dihedral subgroups along a few axes).
     */
    public static List<SubgroupId> subgroupIds(Group g) {
        List<SubgroupId> ids = new ArrayList<>();
        switch (g.kind()) {
            case CYCLIC:
                for (int m = 1; m <= g.order(); m++) {
                    if (g.order() % m == 0) {
                        ids.add(SubgroupId.rotations(m));
                    }
                }
                break;
            case DIHEDRAL: {
                int n = g.rotationOrder();
                for (int m = 1; m <= n; m++) {
                    if (n % m == 0) {
                        ids.add(SubgroupId.dihedral(null, m));
                        for (int axis = 0; axis < n / m; axis++) {
                            ids.add(SubgroupId.dihedral(axis, m));
                        }
                    }
                }
                break;
            }
            case SO2:
                for (int m : new int[] {1, 2, 3, 4, 5, 8}) {
                    ids.add(SubgroupId.rotations(m));
                }
                break;
            default:
                ids.add(SubgroupId.orthogonal(null, -1));
                ids.add(SubgroupId.orthogonal(0.5, -1));
                for (int m : new int[] {1, 2, 3, 4, 5}) {
                    ids.add(SubgroupId.orthogonal(null, m));
                }
                for (double axis : new double[] {0.0, 0.7, Math.PI / 2}) {
                    ids.add(SubgroupId.orthogonal(axis, 1));
                }
                for (int m : new int[] {2, 3, 4}) {
                    ids.add(SubgroupId.orthogonal(0.0, m));
                    ids.add(SubgroupId.orthogonal(0.3, m));
                }
        }
        return ids;
    }
}
