package org.e2dl4j.math.gspace;

import org.e2dl4j.math.group.Subgroup;
import org.e2dl4j.math.repr.Representation;
import org.e2dl4j.math.repr.Representations;

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

    /**
     * The restriction of a representation of the parent's fibergroup to the subgroup (a field type of the
     * parent G-space seen by the restricted one); see {@link Representations#restrict}.
     *
     * @throws IllegalArgumentException if {@code rho} is not a representation of the parent's fibergroup
     */
    public Representation restrict(Representation rho) {
        if (!rho.group().equals(parent.fibergroup())) {
            throw new IllegalArgumentException("cannot restrict " + rho.name() + " of " + rho.group().name()
                    + " through " + parent.name() + ": it needs a representation of " + parent.fibergroup().name());
        }
        return Representations.restrict(rho, subgroup.id());
    }
}
