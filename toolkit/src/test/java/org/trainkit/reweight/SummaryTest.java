package org.trainkit.reweight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.trainkit.core.Estimate;
import tech.tablesaw.api.Table;

/** The decision rules of the claims table and the seed summaries. */
class SummaryTest {

    private static Estimate diff(double value, double lower, double upper) {
        return new Estimate(value, lower, upper, 0.95, 5);
    }

    @Test
    void improvementNeedsAnIntervalThatExcludesZeroOnTheBetterSide() {
        assertEquals(ClaimTable.Verdict.HOLDS, ClaimTable.improvement(diff(0.02, 0.01, 0.03), Metric.TEST_ACCURACY));
        assertEquals(ClaimTable.Verdict.CONTRADICTED, ClaimTable.improvement(diff(-0.02, -0.03, -0.01), Metric.TEST_ACCURACY));
        assertEquals(ClaimTable.Verdict.NOT_SHOWN, ClaimTable.improvement(diff(0.02, -0.01, 0.05), Metric.TEST_ACCURACY));
        // lower is better for losses
        assertEquals(ClaimTable.Verdict.HOLDS, ClaimTable.improvement(diff(-0.2, -0.3, -0.1), Metric.CLEAN_LOSS_P99));
        assertEquals(ClaimTable.Verdict.CONTRADICTED, ClaimTable.improvement(diff(0.2, 0.1, 0.3), Metric.CLEAN_LOSS_P99));
    }

    @Test
    void nonInferiorityComparesTheIntervalWithTheMargin() {
        assertEquals(ClaimTable.Verdict.HOLDS, ClaimTable.nonInferiority(diff(-0.002, -0.008, 0.004), Metric.TEST_ACCURACY, 0.01));
        assertEquals(ClaimTable.Verdict.NOT_SHOWN, ClaimTable.nonInferiority(diff(-0.01, -0.02, 0), Metric.TEST_ACCURACY, 0.01));
        assertEquals(ClaimTable.Verdict.CONTRADICTED, ClaimTable.nonInferiority(diff(-0.03, -0.04, -0.02), Metric.TEST_ACCURACY, 0.01));
        assertEquals(ClaimTable.Verdict.HOLDS, ClaimTable.nonInferiority(diff(0.002, -0.004, 0.008), Metric.TEST_LOSS, 0.01));
        assertEquals(ClaimTable.Verdict.CONTRADICTED, ClaimTable.nonInferiority(diff(0.05, 0.03, 0.07), Metric.TEST_LOSS, 0.01));
    }

    @Test
    void bothPartsMustHold() {
        assertEquals(ClaimTable.Verdict.HOLDS, ClaimTable.both(ClaimTable.Verdict.HOLDS, ClaimTable.Verdict.HOLDS));
        assertEquals(ClaimTable.Verdict.NOT_SHOWN, ClaimTable.both(ClaimTable.Verdict.HOLDS, ClaimTable.Verdict.NOT_SHOWN));
        assertEquals(ClaimTable.Verdict.CONTRADICTED, ClaimTable.both(ClaimTable.Verdict.NOT_SHOWN, ClaimTable.Verdict.CONTRADICTED));
    }

    @Test
    void theClaimsTableKeepsItsRows() {
        ClaimTable claims = new ClaimTable().add("a", "s", "r", "e", ClaimTable.Verdict.NOT_SHOWN);
        assertEquals(ClaimTable.Verdict.NOT_SHOWN, claims.verdict(0));
        Table t = claims.table("t");
        assertEquals("not shown here", t.stringColumn("verdict here").get(0));
    }

    @Test
    void aSeedTableNeedsTwoRunsAndKnowsItsMethods() {
        SeedTable table = SeedTable.against("uniform");
        assertThrows(IllegalArgumentException.class, () -> table.add("x", List.of()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> table.values("nope", Metric.TEST_LOSS));
        assertEquals("no runs of 'nope'; methods: []", e.getMessage());
    }
}
