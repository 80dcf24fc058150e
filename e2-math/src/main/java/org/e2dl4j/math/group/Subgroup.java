package org.e2dl4j.math.group;

import java.util.Optional;
import java.util.function.Function;

/**
 * A subgroup H of a group G together with the inclusion H -> G and its partial inverse G -> H.
 * Immutable.
 */
public final class Subgroup {

    private final Group parent;
    private final SubgroupId id;
    private final Group group;
    private final Function<GroupElement, GroupElement> toParent;
    private final Function<GroupElement, GroupElement> fromParent;

    Subgroup(Group parent, SubgroupId id, Group group,
             Function<GroupElement, GroupElement> toParent,
             Function<GroupElement, GroupElement> fromParent) {
        this.parent = parent;
        this.id = id;
        this.group = group;
        this.toParent = toParent;
        this.fromParent = fromParent;
    }

    /** The group G this is a subgroup of. */
    public Group parent() {
        return parent;
    }

    /** The subgroup's id in G. */
    public SubgroupId id() {
        return id;
    }

    /** The subgroup H as a group of its own. */
    public Group group() {
        return group;
    }

    /** The inclusion of an element of H into G. */
    public GroupElement toParent(GroupElement h) {
        if (!group.isElement(h)) {
            throw new IllegalArgumentException(h + " is not an element of " + group.name());
        }
        return toParent.apply(h);
    }

    /** The element of H that an element of G corresponds to, or empty if it is not in H. */
    public Optional<GroupElement> fromParent(GroupElement g) {
        if (!parent.isElement(g)) {
            throw new IllegalArgumentException(g + " is not an element of " + parent.name());
        }
        return Optional.ofNullable(fromParent.apply(g));
    }
}
