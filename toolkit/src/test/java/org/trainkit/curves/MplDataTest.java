package org.trainkit.curves;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** {@link MplData}'s exact schedules reproduce the published figures; the objective profile. */
class MplDataTest {

    @Test
    void exactSchedulesMatchTheTestHelperAndReproduceThePublishedPredE() {
        for (String name : MplData.TEST) {
            assertArrayEquals(PublishedSchedules.of(name).toArray(), MplData.schedule(name).toArray(), 0, name);
        }
        Evaluation e = MplData.published("100M").evaluate(MplData.curves(PublishedSchedules.dataDir().resolve("100M"),
                MplData.TEST));
        assertEquals(0.00142, e.predE(), 5e-6);
        assertEquals(0.00583, e.worstE(), 5e-6);
        assertThrows(IllegalArgumentException.class, () -> MplData.schedule("cosine_1000"));
    }

    @Test
    void theProfileIsLowestNearTheFitAndPassesThroughThePublishedObjective() {
        var train = MplData.curves(PublishedSchedules.dataDir().resolve("100M"), MplData.TRAIN);
        FitResult fit = Fit.of(LawForm.multiPower()).on(train).run();
        double[] published = MplData.publishedValues("100M");
        Table profile = fit.profileTowards(published, 13, true);
        double[] t = profile.doubleColumn("t").asDoubleArray();
        double[] objective = profile.doubleColumn("objective").asDoubleArray();
        assertEquals(-0.25, t[0], 1e-12);
        assertEquals(1.25, t[12], 1e-12);
        assertEquals(fit.objective(), objective[2], 1e-9 * fit.objective());   // t = 0
        assertEquals(Fit.of(LawForm.multiPower()).on(train).objectiveAt(published), objective[10],
                1e-9 * objective[10]);   // t = 1
        assertTrue(objective[10] > objective[2]);
    }
}
