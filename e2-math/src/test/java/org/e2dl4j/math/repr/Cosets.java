package org.e2dl4j.math.repr;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.e2dl4j.math.group.Group;
import org.e2dl4j.math.group.GroupElement;
import org.e2dl4j.math.group.Subgroup;

/**
 * The left cosets gH of a subgroup, computed by brute force for tests: representatives are the first element of
 * each coset in the order of {@link Group#elements()} (e2cnn's choice, which fixes the basis of quotient and
 * induced representations).
 */
final class Cosets {

    final Group group;
    final Subgroup sub;
    final List<GroupElement> representatives = new ArrayList<>();
    final List<Set<GroupElement>> cosets = new ArrayList<>();

    Cosets(Subgroup sub) {
        this.group = sub.parent();
        this.sub = sub;
        Set<GroupElement> seen = new HashSet<>();
        for (GroupElement g : group.elements()) {
            if (seen.add(g)) {
                Set<GroupElement> coset = new HashSet<>();
                for (GroupElement h : sub.group().elements()) {
                    coset.add(group.combine(g, sub.toParent(h)));
                }
                seen.addAll(coset);
                representatives.add(g);
                cosets.add(coset);
            }
        }
    }

    /** The index of the coset containing g. */
    int indexOf(GroupElement g) {
        for (int i = 0; i < cosets.size(); i++) {
            if (cosets.get(i).contains(g)) {
                return i;
            }
        }
        throw new IllegalStateException(g + " is in no coset");
    }

    /**
     * The induced representation by its definition: block (i, j) of Ind(g) is psi(r_i^-1 g r_j) when
     * g r_j lies in the coset r_i H, else 0.
     */
    double[][] inducedMatrix(Representation psi, GroupElement g) {
        int d = psi.size();
        int n = representatives.size();
        double[][] m = new double[n * d][n * d];
        for (int j = 0; j < n; j++) {
            GroupElement grj = group.combine(g, representatives.get(j));
            int i = indexOf(grj);
            GroupElement h = sub.fromParent(group.combine(group.inverse(representatives.get(i)), grj)).orElseThrow();
            double[][] block = psi.matrix(h);
            for (int a = 0; a < d; a++) {
                System.arraycopy(block[a], 0, m[i * d + a], j * d, d);
            }
        }
        return m;
    }
}
