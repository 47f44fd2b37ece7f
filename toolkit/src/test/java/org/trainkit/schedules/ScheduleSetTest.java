package org.trainkit.schedules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class ScheduleSetTest {

    private static final ScheduleSet SET = ScheduleSet.of()
            .with("constant", "constant(peak=1e-3, total=1000)")
            .with("d2z", "linear(peak=1e-3, final=0, total=1000)")
            .with("wsd", Schedules.wsd().peak(1e-3).total(1000).decay(0.2).build());

    @Test
    void tabulatesEachScheduleSummary() {
        Table table = SET.table();
        assertEquals(List.of("name", "spec", "total", "peak", "final_lr", "mean_lr", "area"), table.columnNames());
        assertEquals(3, table.rowCount());
        assertEquals("d2z", table.stringColumn("name").get(1));
        assertEquals("linear(peak=1e-3, final=0, warmup=0, total=1000)", table.stringColumn("spec").get(1));
        assertEquals(1000, table.intColumn("total").get(1));
        assertEquals(1e-3, table.doubleColumn("peak").get(1));
        assertEquals(1e-6, table.doubleColumn("final_lr").get(1), 1e-18);
        double area = 1e-3 * (1000 - 999 / 2.0);
        assertEquals(area, table.doubleColumn("area").get(1), 1e-15);
        assertEquals(area / 1000, table.doubleColumn("mean_lr").get(1), 1e-18);
        assertEquals(1.0, table.doubleColumn("area").get(0), 1e-12);
        assertEquals(0.8 + 0.2 * 1e-3 * (200 - 199 / 2.0) / 0.2, table.doubleColumn("area").get(2), 1e-12);
    }

    @Test
    void ranksByTheConvexBoundOrAnyScoreLowestFirst() {
        ScheduleSet tuned = ScheduleSet.of()
                .with("constant", "constant(peak=0.05, total=1000)")
                .with("d2z", "linear(peak=0.05, final=0, total=1000)")
                .with("wsd", "wsd(peak=0.05, total=1000, decay=0.2)");
        Table ranked = tuned.rankByConvexBound(ConvexBound.UNIT);
        assertEquals(List.of("name", "convex_bound", "rank"), ranked.columnNames());
        assertEquals(List.of(1, 2, 3), ranked.intColumn("rank").asList());
        double[] bounds = ranked.doubleColumn("convex_bound").asDoubleArray();
        assertEquals(true, bounds[0] <= bounds[1] && bounds[1] <= bounds[2]);
        assertEquals("constant", ranked.stringColumn("name").get(2));
        assertEquals(ConvexBound.UNIT.of(tuned.get("constant")), bounds[2]);
        Table byFinalRate = SET.rankBy("final_lr", s -> s.lr(s.totalSteps() - 1));
        assertEquals(List.of("d2z", "wsd", "constant"), byFinalRate.stringColumn("name").asList());
    }

    @Test
    void isImmutableWithUniqueNames() {
        assertEquals(3, SET.size());
        ScheduleSet more = SET.with("cosine", "cosine(peak=1e-3, total=1000)");
        assertEquals(3, SET.size());
        assertEquals(4, more.size());
        assertEquals(List.of("constant", "d2z", "wsd", "cosine"), List.copyOf(more.schedules().keySet()));
        assertThrows(IllegalArgumentException.class, () -> SET.with("d2z", Schedules.d2z(1e-3, 0, 10)));
        assertThrows(IllegalArgumentException.class, () -> SET.get("nope"));
        assertThrows(UnsupportedOperationException.class, () -> SET.schedules().clear());
        Map<String, Schedule> ordered = new LinkedHashMap<>();
        ordered.put("b", Schedules.d2z(1e-3, 0, 10));
        ordered.put("a", Schedules.constant(1e-3, 0, 10));
        assertEquals(List.of("b", "a"), List.copyOf(ScheduleSet.of(ordered).schedules().keySet()));
    }
}
