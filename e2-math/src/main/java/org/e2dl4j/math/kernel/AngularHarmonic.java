package org.e2dl4j.math.kernel;

import java.util.OptionalInt;

/**
 * One angular solution of the kernel constraint for a pair of irreps: the circular harmonic
 * {@code x(phi) = mu phi + gamma} placed in the irreps block as
 * <ul>
 *   <li>2 x 2: {@code [[cos x, -s' sin x], [sin x, s' cos x]]} with {@code s' = (-1)^s};</li>
 *   <li>1 x 2 (output 1-dim, input 2-dim): {@code [cos x, sin x]}; 2 x 1: {@code [cos x; sin x]};</li>
 *   <li>1 x 1: {@code cos x}.</li>
 * </ul>
 * At the origin a harmonic with {@code mu != 0} is zero (its angle is undefined there).
 *
 * @param frequency  mu, the angular frequency (e2cnn's {@code frequency} attribute; may be negative)
 * @param quarterPhase whether the phase gamma is pi/2 (else 0)
 * @param s          the reflection index s in {0, 1} of 2 x 2 solutions; empty for the other shapes
 * @param offset     the aliasing offset t ({@code mu = base + t N}); empty for SO(2) and O(2)
 * @param innerIndex the position of this harmonic in its irreps-pair solution
 */
public record AngularHarmonic(int frequency, boolean quarterPhase, OptionalInt s, OptionalInt offset, int innerIndex) {

    /** The phase gamma: 0 or pi/2. */
    public double gamma() {
        return quarterPhase ? Math.PI / 2 : 0.0;
    }
}
