package org.trainkit.train;

import java.util.Arrays;
import org.trainkit.schedules.Schedule;

/**
 * A schedule that returns whatever rates it is given, unchecked: the tracker tests need negative and
 * non-finite rates, which every real schedule refuses to hold.
 */
record ArraySchedule(double[] rates) implements Schedule {

    static ArraySchedule constant(double lr, int steps) {
        double[] rates = new double[steps];
        Arrays.fill(rates, lr);
        return new ArraySchedule(rates);
    }

    @Override
    public double lr(int step) {
        return rates[step];
    }

    @Override
    public int totalSteps() {
        return rates.length;
    }
}
