package org.trainkit.compare;

import org.trainkit.curves.MultiPowerLaw;

/** The published multi-power-law fit of the 100M model (Luo et al., arXiv 2503.12811; REFERENCES.md section 1). */
final class PublishedLaw {

    static final MultiPowerLaw MPL_100M = new MultiPowerLaw(2.6514477, 0.60115152, 0.45295811, 437.9464276,
            2.13245612, 0.59785199, 0.65523644);

    private PublishedLaw() {
    }
}
