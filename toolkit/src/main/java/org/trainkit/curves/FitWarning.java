package org.trainkit.curves;

import java.util.List;

/**
 * A warning that a fit's parameters are not all identified by the curves it was fitted to: a
 * parameter at the bound where the law degenerates, a parameter whose approximate standard error is
 * larger than its value, or two parameters so correlated that only a combination of them is
 * determined (for the multi-power law of Luo et al. 2025, {@code beta -> 0} while {@code B} grows
 * leaves only {@code B * beta}). Such a parameter's value means nothing by itself, although the
 * fitted curve may still predict well.
 *
 * @param parameters the parameters concerned, in the law's order
 * @param message one sentence naming them and the evidence
 */
public record FitWarning(List<String> parameters, String message) {

    public FitWarning {
        parameters = List.copyOf(parameters);
    }

    @Override
    public String toString() {
        return message;
    }
}
