package org.trainkit.curves;

/**
 * A loss-curve input that cannot be read: a missing column, a value that is not a number, a loss
 * that is not positive, steps that do not increase, an empty file. The message is one line naming
 * the source (file or table), the line (or table row) and the problem, for example
 * {@code data/run.csv, line 7: loss 'abc' is not a number}.
 */
public final class CurveFormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final long line;
    private final String problem;

    /**
     * @param source the file or table the curve came from
     * @param unit what {@code line} counts: {@code "line"} for files, {@code "row"} for tables
     * @param line the 1-based line (or row) with the problem
     * @param problem what is wrong and what was expected
     */
    public CurveFormatException(String source, String unit, long line, String problem) {
        super(source + ", " + unit + " " + line + ": " + problem);
        this.source = source;
        this.line = line;
        this.problem = problem;
    }

    /** The file or table the curve came from. */
    public String source() {
        return source;
    }

    /** The 1-based line of the file (or row of the table) with the problem. */
    public long line() {
        return line;
    }

    /** What is wrong, without the source and line. */
    public String problem() {
        return problem;
    }
}
