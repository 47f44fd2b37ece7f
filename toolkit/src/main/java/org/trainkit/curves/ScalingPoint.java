package org.trainkit.curves;

/**
 * One training run of a scaling-law study: model size, training tokens and the final loss.
 *
 * @param parameters the number of model parameters N
 * @param tokens the number of training tokens D
 * @param loss the final loss, positive
 */
public record ScalingPoint(double parameters, double tokens, double loss) {

    public ScalingPoint {
        if (!(parameters > 0) || !(tokens > 0) || !(loss > 0) || Double.isInfinite(parameters)
                || Double.isInfinite(tokens) || Double.isInfinite(loss)) {
            throw new IllegalArgumentException("parameters, tokens and loss must be positive and finite: "
                    + parameters + ", " + tokens + ", " + loss);
        }
    }
}
