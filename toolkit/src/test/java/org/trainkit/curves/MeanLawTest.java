package org.trainkit.curves;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link MeanLaw}: the mean of its members' predictions, their parameters keyed by member. */
class MeanLawTest {

    private static final Law MPL = new MultiPowerLaw(2.65, 0.6, 0.45, 440, 1, 0.5, 0.5);
    private static final Law ANNEALING = new AnnealingLaw(2.7, 0.55, 0.5, 0.5, 0.999);

    @Test
    void predictsTheMeanOfItsMembersAtEveryStep() {
        MeanLaw mean = new MeanLaw(List.of("mpl", "annealing"), List.of(MPL, ANNEALING));
        for (double[] lr : SyntheticCurves.schedules(3000, 100)) {
            int[] steps = {100, 500, 1500, 2999};
            double[] a = MPL.predict(lr, steps);
            double[] b = ANNEALING.predict(lr, steps);
            double[] m = mean.predict(lr, steps);
            for (int i = 0; i < steps.length; i++) {
                assertEquals((a[i] + b[i]) / 2, m[i], 1e-15 * m[i]);
            }
        }
        assertEquals("mean", mean.name());
        assertEquals(2.65, mean.params().get("mpl.L0"));
        assertEquals(0.999, mean.params().get("annealing.lambda"));
        assertEquals(MPL.params().size() + ANNEALING.params().size(), mean.params().size());
    }

    @Test
    void refusesFewerThanTwoMembersRepeatedNamesAndMismatchedNames() {
        IllegalArgumentException one = assertThrows(IllegalArgumentException.class,
                () -> new MeanLaw(List.of("mpl"), List.of(MPL)));
        assertTrue(one.getMessage().contains("at least 2"), one.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new MeanLaw(List.of("a", "a"), List.of(MPL, ANNEALING)));
        assertThrows(IllegalArgumentException.class, () -> new MeanLaw(List.of("a"), List.of(MPL, ANNEALING)));
    }
}
