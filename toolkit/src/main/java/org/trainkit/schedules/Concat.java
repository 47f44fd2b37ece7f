package org.trainkit.schedules;

import java.util.List;
import java.util.Objects;

/**
 * Schedules run one after another, each from its own step 0; the total is the sum. SGDR's warm
 * restarts (Loshchilov and Hutter, arXiv 1608.03983) are a concatenation of cosines, and the
 * WSD-S main branch that resumes after each cooldown (Wen et al., arXiv 2410.05192) a concatenation
 * of {@link WsdS} schedules.
 * Text form: {@code concat(parts=[constant(peak=1e-3, warmup=0, total=100), linear(peak=1e-3, final=0,
 * warmup=0, total=900)])}.
 *
 * @param parts the schedules in order, at least one
 */
public record Concat(List<Schedule> parts) implements Schedule {

    static final String NAME = "concat";

    public Concat {
        parts = List.copyOf(parts);
        if (parts.isEmpty()) {
            throw Check.error(NAME, "parts", "a non-empty list of schedules", "[]");
        }
        long total = 0;
        for (Schedule part : parts) {
            total += Objects.requireNonNull(part, "part").totalSteps();
        }
        if (total > Integer.MAX_VALUE) {
            throw Check.error(NAME, "parts", "schedules whose total fits in an int", total + " steps");
        }
    }

    @Override
    public double lr(int step) {
        Objects.checkIndex(step, totalSteps());
        int offset = 0;
        for (Schedule part : parts) {
            if (step < offset + part.totalSteps()) {
                return part.lr(step - offset);
            }
            offset += part.totalSteps();
        }
        throw new IllegalStateException("unreachable: step " + step + " checked against the total");
    }

    @Override
    public int totalSteps() {
        return parts.stream().mapToInt(Schedule::totalSteps).sum();
    }

    @Override
    public String spec() {
        return new SpecText(NAME).schedules("parts", parts).toString();
    }

    @Override
    public String toString() {
        return spec();
    }
}
