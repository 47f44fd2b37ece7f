package org.trainkit.reweight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trainkit.schedules.SpecException;

class BadInputTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "linupper(r=0, warmup=10)|linupper: key 'r' must be a finite number > 0, got 0.0",
        "quadratic(r=-1)|quadratic: key 'r' must be a finite number > 0, got -1.0",
        "extremes(warmup=-5)|extremes: key 'warmup' must be a whole number >= 0, got -5",
        "linupper(warmup=2.5)|linupper: key 'warmup' must be a whole number, got 2.5",
        "focal(gamma=-1)|focal: key 'gamma' must be a finite number >= 0, got -1.0",
        "feasible(dual_lr=0)|feasible: key 'dual_lr' must be a finite number > 0, got 0.0",
        "feasible(eps=-0.1)|feasible: key 'eps' must be a finite number >= 0, got -0.1",
        "feasible(dual_lr=0.5, slack=2)|feasible: keys 'dual_lr' and 'slack' must have dual_lr * slack < 1",
        "class_balanced(beta=1)|class_balanced: key 'beta' must be in [0, 1), got 1.0",
        "class_balanced(beta=-0.5)|class_balanced: key 'beta' must be in [0, 1), got -0.5",
        "ldam_drw(max_margin=0.5)|ldam_drw: missing key 'defer'",
        "ldam_drw(defer=10, scale=0)|ldam_drw: key 'scale' must be a finite number > 0, got 0.0",
        "ldam_drw(defer=-1)|ldam_drw: key 'defer' must be a whole number >= 0, got -1",
        "hard_batch(keep=0)|hard_batch: key 'keep' must be in (0, 1], got 0.0",
        "hard_batch(keep=1.5)|hard_batch: key 'keep' must be in (0, 1], got 1.5",
        "pdd(threshold=0.3)|pdd: missing key 'revision'",
        "pdd(revision=0)|pdd: key 'revision' must be a whole number >= 1, got 0",
        "rs2(fraction=0)|rs2: key 'fraction' must be in (0, 1], got 0.0",
        "doremi(smoothing=2)|doremi: key 'smoothing' must be in [0, 1], got 2.0",
        "bilevel()|bilevel: missing key 'lr'",
        "min_snr(target=noise)|min_snr: key 'target' must be one of x0, epsilon, v, got noise",
        "min_snr(gamma=fast)|min_snr: key 'gamma' must be a number, got a word",
        "linupper(temperature=1)|linupper: unknown key 'temperature'; keys: r, warmup",
        "uniform(r=1)|uniform: unknown key 'r'; uniform takes no keys",
        "lin_upper(r=1)|unknown strategy 'lin_upper'; strategies: uniform, linupper, quadratic",
        "linupper(r=1, r=2)|linupper: key 'r' given twice",
        "linupper(r=1|bad spec at column 13",
    })
    void badTextNamesTheKeyAndWhy(String text, String message) {
        SpecException e = assertThrows(SpecException.class, () -> Strategies.parse(text));
        assertTrue(e.getMessage().startsWith(message), () -> "message: " + e.getMessage());
    }

    @Test
    void emptyTextSaysWhatWasExpected() {
        SpecException e = assertThrows(SpecException.class, () -> Strategies.parse("  "));
        assertTrue(e.getMessage().contains("expected a strategy such as linupper(r=1, warmup=1000)"), e.getMessage());
    }

    @Test
    void aStrategyOfTheWrongKindIsNamed() {
        SpecException e = assertThrows(SpecException.class, () -> Strategies.reweighting("rs2(fraction=0.5)"));
        assertEquals("rs2 is not a per-sample weighting (uniform, linupper, ..., ldam_drw): 'rs2(fraction=0.5)'",
                e.getMessage());
        e = assertThrows(SpecException.class, () -> Strategies.selection("focal(gamma=2)"));
        assertTrue(e.getMessage().startsWith("focal is not a batch selection"), e.getMessage());
    }

    @Test
    void constructorsCheckLikeTheTextForm() {
        assertThrows(SpecException.class, () -> new LossReweighting(LossShape.LINUPPER, Double.NaN, 0));
        assertThrows(SpecException.class, () -> new Focal(Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> new LossReweighting(null, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new MinSnr(5, null));
    }

    @Test
    void functionInputsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> new MinSnr(5, DiffusionTarget.V).weight(0));
        assertThrows(IllegalArgumentException.class, () -> new MinSnr(5, DiffusionTarget.V).weight(Double.NaN));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new DoReMi(1, 0).update(new double[] {0.5, 0.5}, new double[] {1}, new double[] {1, 1}));
        assertTrue(e.getMessage().startsWith("doremi: alpha, proxy and reference losses need one value per group"));
        e = assertThrows(IllegalArgumentException.class,
                () -> new BilevelGroupWeights(1).update(new double[] {1}, new double[][] {{1, 2}}, new double[] {1}));
        assertTrue(e.getMessage().contains("group 0's gradient has 2 entries"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new ClassBalanced(0.9).classWeights(new int[] {0, 0}));
        assertEquals("class_balanced: every class has 0 samples", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new ClassBalanced(0.9).start(new int[] {3, 3}).weights(Batches.of(0, new int[] {1}, new int[] {5},
                        new float[] {1})));
        assertTrue(e.getMessage().startsWith("class_balanced: label 5 outside the 2 classes"), e.getMessage());
    }
}
