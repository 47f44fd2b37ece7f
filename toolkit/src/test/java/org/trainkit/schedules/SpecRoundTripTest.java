package org.trainkit.schedules;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class SpecRoundTripTest {

    /** One canonical text per schedule kind (and the examples). */
    static List<String> canonical() {
        return List.of(
                "constant(peak=3e-4, warmup=2160, total=24000)",
                "cosine(peak=3e-4, final=3e-5, warmup=2160, total=24000)",
                "linear(peak=1e-3, final=0, warmup=100, total=5000)",
                "wsd(peak=3e-4, final=3e-5, warmup=2160, total=24000, decay_start=20000, shape=exp)",
                "wsd(peak=1e-3, final=0, warmup=100, total=5000, decay=0.2, shape=sqrt)",
                "wsds(peak=1e-3, final=1e-4, warmup=100, total=5000, decay=0.1)",
                "infinite(peak=1e-3, constant=3e-4, final=0, warmup=100, total=5000, cooldown=1000, anneal=500, "
                        + "anneal_shape=linear)",
                "cyclic(base=1e-4, max=1e-3, half_period=500, total=5000, mode=triangular2)",
                "onecycle(peak=1e-3, total=5000, up=0.3, div=25, final_div=10000)",
                "invsqrt(peak=1e-3, warmup=100, total=5000, timescale=100)",
                "step(peak=0.1, warmup=0, total=5000, every=1500, factor=0.1)",
                "exponential(peak=1e-3, warmup=0, total=5000, factor=0.5, every=1000)",
                "piecewise(warmup=2160, total=16000, points=[0:3e-4, 8000:9e-5], interp=constant)",
                "refined(peak=1e-3, warmup=2, median=3, norms=[1.5, 1.2, 1, 0.9, 2, 0.8])",
                "warmup(steps=100, schedule=cosine(peak=1e-3, final=0, warmup=0, total=900))",
                "concat(parts=[constant(peak=1e-3, warmup=0, total=100), linear(peak=1e-3, final=0, warmup=0, "
                        + "total=900)])");
    }

    @ParameterizedTest
    @MethodSource("canonical")
    void canonicalTextPrintsBackUnchangedAndParsesToAnEqualValue(String text) {
        Schedule schedule = Schedules.parse(text);
        assertEquals(text, Schedules.print(schedule));
        assertEquals(text, schedule.toString());
        Schedule again = Schedules.parse(schedule.spec());
        assertEquals(schedule, again);
        assertEquals(schedule.hashCode(), again.hashCode());
        assertArrayEquals(schedule.toArray(), again.toArray());
    }

    @Test
    void theExamplesCoverEveryKindOfTheRegistry() {
        Set<String> covered = canonical().stream().map(t -> t.substring(0, t.indexOf('(')))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> registered = ScheduleRegistry.kinds().stream().map(ScheduleKind::name)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(registered, covered);
    }

    @ParameterizedTest
    @MethodSource("canonical")
    void printedKeysFollowTheRegistryOrder(String text) {
        String name = text.substring(0, text.indexOf('('));
        List<String> printed = new ArrayList<>(SpecParser.parse(text).args().keySet());
        List<String> declared = ScheduleRegistry.kind(name).keys().stream().map(SpecKey::name)
                .filter(printed::contains).toList();
        assertEquals(declared, printed);
        for (SpecKey key : ScheduleRegistry.kind(name).keys()) {
            if (key.need() != SpecKey.Need.ONE_OF) {
                assertEquals(true, printed.contains(key.name()), () -> key.name() + " printed in " + text);
            }
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "cosine(total=24000, peak=0.0003, final=3.0E-5, warmup=2160)"
                + "|cosine(peak=3e-4, final=3e-5, warmup=2160, total=24000)",
        "cosine(peak=1e-3, total=1e4)|cosine(peak=1e-3, final=0, warmup=0, total=10000)",
        "wsd(peak=1e-3, total=5000, decay=0.2)|wsd(peak=1e-3, final=0, warmup=0, total=5000, decay=0.2, shape=linear)",
        "  cyclic( base = 1e-4 , max=.001, half_period=500, total=5000 )"
                + "|cyclic(base=1e-4, max=1e-3, half_period=500, total=5000, mode=triangular)",
        "onecycle(peak=1e-3, total=100)|onecycle(peak=1e-3, total=100, up=0.3, div=25, final_div=10000)",
        "piecewise(total=10, points=[0:1e-3, 5:+5e-4])|piecewise(warmup=0, total=10, points=[0:1e-3, 5:5e-4], "
                + "interp=constant)",
        "step(peak=1, total=10, every=3)|step(peak=1, warmup=0, total=10, every=3, factor=0.1)"
    })
    void nonCanonicalTextPrintsInCanonicalForm(String text, String canonical) {
        Schedule schedule = Schedules.parse(text);
        assertEquals(canonical, schedule.spec());
        assertEquals(schedule, Schedules.parse(canonical));
    }

    @Test
    void arbitraryValuesSurviveTheRoundTrip() {
        SplittableRandom random = new SplittableRandom(13);
        for (int i = 0; i < 2000; i++) {
            double peak = random.nextDouble() * Math.pow(10, -random.nextInt(7));
            double fin = peak * random.nextDouble();
            int total = 2 + random.nextInt(1_000_000);
            int warmup = random.nextInt(total);
            List<Schedule> values = List.of(
                    new Cosine(peak, fin, warmup, total),
                    new Wsd(peak, fin, warmup, total, CooldownStart.lastFraction(random.nextDouble(0.001, 1)
                            * (1 - (double) warmup / total)), Cooldown.SQRT),
                    new Piecewise(warmup, total, List.of(new Knot(0, peak), new Knot(total - 1, fin)),
                            Interpolation.LINEAR),
                    new OneCycle(peak, total, random.nextDouble(0.01, 0.99), 1 + random.nextDouble(100), 1e4));
            for (Schedule value : values) {
                Schedule back = Schedules.parse(value.spec());
                assertEquals(value, back);
                assertEquals(value.spec(), back.spec());
            }
        }
    }

    @Test
    void theWsdBuilderEqualsTheTextForm() {
        Wsd built = Schedules.wsd().peak(1e-3).warmup(100).total(5000).decay(0.2).shape(Cooldown.SQRT).build();
        assertEquals(Schedules.parse("wsd(peak=1e-3, final=0, warmup=100, total=5000, decay=0.2, shape=sqrt)"), built);
        Wsd defaults = Schedules.wsd().peak(1e-3).total(5000).decayStart(4000).build();
        assertEquals(Schedules.parse("wsd(peak=1e-3, total=5000, decay_start=4000)"), defaults);
        assertNotEquals(Schedules.parse("wsd(peak=1e-3, total=5000, decay=0.2)"), defaults);
    }

    @Test
    void anyOtherScheduleIsWrittenAsTheSamePiecewiseConstantRates() {
        Schedule custom = new Schedule() {
            @Override
            public double lr(int step) {
                return step < 3 ? 1e-3 : 1e-3 / (step - 1);
            }

            @Override
            public int totalSteps() {
                return 6;
            }
        };
        assertEquals("piecewise(warmup=0, total=6, points=[0:1e-3, 3:5e-4, 4:3.333333333333333e-4, 5:2.5e-4], "
                + "interp=constant)", custom.spec());
        assertArrayEquals(custom.toArray(), Schedules.parse(custom.spec()).toArray());
    }
}
