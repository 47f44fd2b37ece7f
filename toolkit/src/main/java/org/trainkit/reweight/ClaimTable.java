package org.trainkit.reweight;

import org.trainkit.core.Estimate;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A claims table: each published claim with its source, the decision rule applied, the measured
 * evidence and the verdict the rule gives here.
 */
public final class ClaimTable {

    /** What the decision rule concluded. */
    public enum Verdict {
        /** The evidence meets the rule. */
        HOLDS("holds"),
        /** The evidence shows the opposite with an interval that excludes no difference. */
        CONTRADICTED("does not hold"),
        /** The intervals include no difference: the claim is not shown here. */
        NOT_SHOWN("not shown here");

        private final String text;

        Verdict(String text) {
            this.text = text;
        }

        /** The verdict as printed. */
        public String text() {
            return text;
        }
    }

    /**
     * The rule for "A improves on B": the paired difference A - B on {@code metric} has a 95%
     * interval that excludes 0 on the better side (holds), on the worse side (does not hold), or
     * includes 0 (not shown here).
     */
    public static Verdict improvement(Estimate difference, Metric metric) {
        if (!difference.excludes(0)) {
            return Verdict.NOT_SHOWN;
        }
        return (difference.value() > 0) == metric.higherIsBetter() ? Verdict.HOLDS : Verdict.CONTRADICTED;
    }

    /**
     * The rule for "A is at most {@code margin} worse than B" (non-inferiority): the whole 95%
     * interval of A - B lies above {@code -margin} in the metric's better direction (holds), the
     * whole interval lies beyond it (does not hold), or it straddles the margin (not shown here).
     */
    public static Verdict nonInferiority(Estimate difference, Metric metric, double margin) {
        double worstSide = metric.higherIsBetter() ? difference.lower() : -difference.upper();
        double bestSide = metric.higherIsBetter() ? difference.upper() : -difference.lower();
        if (worstSide > -margin) {
            return Verdict.HOLDS;
        }
        return bestSide < -margin ? Verdict.CONTRADICTED : Verdict.NOT_SHOWN;
    }

    /** Both parts of a claim: holds if both hold, does not hold if either does not, else not shown here. */
    public static Verdict both(Verdict a, Verdict b) {
        if (a == Verdict.CONTRADICTED || b == Verdict.CONTRADICTED) {
            return Verdict.CONTRADICTED;
        }
        return a == Verdict.HOLDS && b == Verdict.HOLDS ? Verdict.HOLDS : Verdict.NOT_SHOWN;
    }

    private final StringColumn claim = StringColumn.create("claim");
    private final StringColumn source = StringColumn.create("source");
    private final StringColumn rule = StringColumn.create("decision rule");
    private final StringColumn evidence = StringColumn.create("evidence (95% intervals)");
    private final StringColumn verdict = StringColumn.create("verdict here");

    /** Adds one claim. */
    public ClaimTable add(String claimText, String sourceText, String ruleText, String evidenceText, Verdict outcome) {
        claim.append(claimText);
        source.append(sourceText);
        rule.append(ruleText);
        evidence.append(evidenceText);
        verdict.append(outcome.text());
        return this;
    }

    /** The verdict of claim {@code row} (0-based). */
    public Verdict verdict(int row) {
        String text = verdict.get(row);
        for (Verdict v : Verdict.values()) {
            if (v.text().equals(text)) {
                return v;
            }
        }
        throw new IllegalStateException("unknown verdict " + text);
    }

    /** The table. */
    public Table table(String title) {
        return Table.create(title, claim.copy(), source.copy(), rule.copy(), evidence.copy(), verdict.copy());
    }
}
