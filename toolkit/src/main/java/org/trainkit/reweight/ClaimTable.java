package org.trainkit.reweight;

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
