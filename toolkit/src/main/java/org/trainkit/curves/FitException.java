package org.trainkit.curves;

/**
 * A fit that did not converge to a usable optimum. The {@link #reason()} says which way it failed and
 * the message says where; a fit never returns parameters it could not vouch for.
 */
public final class FitException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why a fit failed. */
    public enum Reason {
        /** The optimiser used its iteration budget without meeting its convergence tests. */
        ITERATIONS_EXHAUSTED,
        /** The objective (or a predicted loss) is not a finite number at the start or the end. */
        NON_FINITE_OBJECTIVE,
        /** A parameter left its domain (a positive parameter reached 0 or infinity, lambda 0 or 1). */
        OUT_OF_DOMAIN,
        /** The curves cannot be fitted as given (no points, a point where the law is undefined). */
        BAD_DATA
    }

    private final Reason reason;

    FitException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** Which way the fit failed. */
    public Reason reason() {
        return reason;
    }
}
