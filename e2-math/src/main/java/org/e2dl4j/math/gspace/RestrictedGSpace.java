package org.e2dl4j.math.gspace;

import org.e2dl4j.math.group.Subgroup;

/**
 * The restriction of a G-space to a subgroup H of its fibergroup: the G-space of H (acting on the plane
 * as it does inside G) and the element maps between H and G. Immutable.
 */
public final class RestrictedGSpace {

    private final GSpace parent;
    private final GSpace restricted;
    private final Subgroup subgroup;

    RestrictedGSpace(GSpace parent, GSpace restricted, Subgroup subgroup) {
        this.parent = parent;
        this.restricted = restricted;
        this.subgroup = subgroup;
    }

    /** The G-space that was restricted. */
    public GSpace parent() {
        return parent;
    }

    /** The G-space of the subgroup. */
    public GSpace gspace() {
        return restricted;
    }

    /** The subgroup with its element maps (sub -> parent, parent -> sub or empty). */
    public Subgroup subgroup() {
        return subgroup;
    }
}
