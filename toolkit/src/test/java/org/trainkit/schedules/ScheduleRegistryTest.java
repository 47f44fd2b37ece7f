package org.trainkit.schedules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScheduleRegistryTest {

    @Test
    void namesAndKeysAreUniqueAndEveryDefaultIsAValidValue() {
        Set<String> names = new HashSet<>();
        for (ScheduleKind kind : ScheduleRegistry.kinds()) {
            assertEquals(true, names.add(kind.name()), kind.name());
            assertEquals(kind, ScheduleRegistry.kind(kind.name()));
            Set<String> keys = new HashSet<>();
            for (SpecKey key : kind.keys()) {
                assertEquals(true, keys.add(key.name()), kind.name() + "." + key.name());
                if (key.need() == SpecKey.Need.DEFAULTED) {
                    assertNotNull(SpecParser.parseValue(key.defaultValue()));
                } else {
                    assertNull(key.defaultValue());
                }
            }
        }
        assertEquals(15, names.size());
    }

    @Test
    void usageLinesShowRequiredDefaultedAndAlternativeKeys() {
        assertEquals("cosine(peak, final=0, warmup=0, total)", ScheduleRegistry.kind("cosine").usage());
        assertEquals("wsds(peak, final, warmup=0, total, [decay_start], [decay])",
                ScheduleRegistry.kind("wsds").usage());
        assertEquals("onecycle(peak, total, up=0.3, div=25, final_div=10000)", ScheduleRegistry.kind("onecycle").usage());
    }
}
