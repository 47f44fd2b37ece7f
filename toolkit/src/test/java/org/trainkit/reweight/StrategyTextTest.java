package org.trainkit.reweight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.trainkit.schedules.SpecKey;

class StrategyTextTest {

    @Test
    void theIssuesExamplesReadAndPrintCanonically() {
        assertEquals("linupper(r=1, warmup=1000)", Strategies.parse("linupper(r=1.0, warmup=1000)").spec());
        assertEquals("feasible(eps=0.51, dual_lr=1e-4, slack=0)", Strategies.parse("feasible(eps=0.51, dual_lr=1e-4)").spec());
        assertEquals("class_balanced(beta=0.9999)", Strategies.parse("class_balanced(beta=0.9999)").spec());
        assertEquals(new LossReweighting(LossShape.LINUPPER, 1, 1000), Strategies.parse("linupper(r=1.0, warmup=1000)"));
        assertEquals(new FeasibleLearning(0.51, 1e-4, 0), Strategies.parse("feasible(eps=0.51, dual_lr=1e-4)"));
    }

    @Test
    void everyKindRoundTripsFromItsDefaults() {
        for (StrategyKind kind : Strategies.kinds()) {
            String text = kind.name() + "(" + kind.keys().stream().filter(k -> k.need() == SpecKey.Need.REQUIRED)
                    .map(k -> k.name() + "=" + (k.name().equals("lr") ? "0.25" : "7")).collect(Collectors.joining(", ")) + ")";
            Strategy strategy = Strategies.parse(text);
            assertEquals(kind.name(), strategy.name());
            Strategy back = Strategies.parse(strategy.spec());
            assertEquals(strategy, back, text);
            assertEquals(strategy.spec(), back.spec());
            for (SpecKey key : kind.keys()) {
                assertTrue(strategy.spec().contains(key.name() + "="), strategy.spec() + " writes " + key.name());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"uniform()", "linupper(r=0.4, warmup=0)", "quadratic(r=2.5, warmup=10)",
        "extremes(r=1e-3, warmup=1)", "focal(gamma=0)", "feasible(eps=0, dual_lr=0.5, slack=0.3)",
        "class_balanced(beta=0)", "ldam_drw(max_margin=0.3, scale=1, beta=0.99, defer=400)", "hard_batch(keep=1)",
        "pdd(threshold=0.05, revision=3)", "rs2(fraction=0.37)", "doremi(eta=0.5, smoothing=0)", "bilevel(lr=3)",
        "min_snr(gamma=1, target=v)", "min_snr(gamma=5, target=x0)"})
    void givenValuesRoundTrip(String text) {
        Strategy strategy = Strategies.parse(text);
        assertEquals(text, strategy.spec());
        assertEquals(strategy, Strategies.parse(strategy.spec()));
        assertEquals(strategy.spec(), strategy.toString());
    }

    @Test
    void spacingAndKeyOrderDoNotMatter() {
        assertEquals(Strategies.parse("ldam_drw(max_margin=0.5, scale=30, beta=0.9999, defer=100)"),
                Strategies.parse("  ldam_drw( defer = 100 ,beta=0.9999 )"));
    }

    @Test
    void theRegistryListsEveryStrategyWithItsKeysAndDefaults() {
        List<String> names = Strategies.kinds().stream().map(StrategyKind::name).toList();
        assertEquals(List.of("uniform", "linupper", "quadratic", "extremes", "focal", "feasible", "class_balanced",
                "ldam_drw", "hard_batch", "pdd", "rs2", "doremi", "bilevel", "min_snr"), names);
        assertEquals("linupper(r=1, warmup=1000)", Strategies.kind("linupper").usage());
        assertEquals("feasible(eps=0.51, dual_lr=1e-4, slack=0)", Strategies.kind("feasible").usage());
        assertEquals("ldam_drw(max_margin=0.5, scale=30, beta=0.9999, defer)", Strategies.kind("ldam_drw").usage());
        assertEquals("min_snr(gamma=5, target=epsilon)", Strategies.kind("min_snr").usage());
        for (StrategyKind kind : Strategies.kinds()) {
            assertTrue(!kind.description().isBlank(), kind.name());
        }
    }

    @Test
    void typedReadersReturnTheirKind() {
        assertInstanceOf(LossReweighting.class, Strategies.reweighting("quadratic(r=1, warmup=0)"));
        assertInstanceOf(RandomSubsets.class, Strategies.selection("rs2(fraction=0.5)"));
        assertInstanceOf(LdamDrw.class, Strategies.reweighting("ldam_drw(defer=10)"));
    }
}
