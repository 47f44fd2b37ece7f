package org.trainkit.train;

import java.util.Arrays;
import org.trainkit.schedules.Schedule;

/** A test schedule given by its per-step rates (the schedules package has the real ones). */
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
