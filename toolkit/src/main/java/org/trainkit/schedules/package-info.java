/**
 * Learning-rate schedules as immutable values, their compact text form, and the convex-theory
 * bound; comparisons under a fitted law live one layer up, in {@code org.trainkit.compare}.
 *
 * <p>Read a schedule with {@link org.trainkit.schedules.Schedules#parse(String)}, e.g.
 * {@code cosine(peak=3e-4, final=3e-5, warmup=2160, total=24000)}, and print it back with
 * {@link org.trainkit.schedules.Schedule#spec()}; {@code trainkit schedule --list} and
 * {@link org.trainkit.schedules.ScheduleRegistry} list every schedule with its keys.
 *
 * <p>Conventions (REFERENCES.md section 2), shared by every schedule: steps count from 0 to
 * {@code total - 1}; warmup is linear from 0, {@code lr(t) = peak * t / warmup} for
 * {@code t < warmup}; a decay phase from step D runs with progress {@code s = (t - D) / (total - D)}
 * and so reaches its final rate at step {@code total}, one past the last step (D = warmup for cosine
 * and linear decay; {@code decay=0.2} means D = total - 0.2 * total). This reproduces the learning
 * rates logged with the multi-power-law data (Luo et al., arXiv 2503.12811).
 *
 * <p>{@link org.trainkit.schedules.ConvexBound} evaluates the convex-theory bound of Schaipp et al.
 * (arXiv 2501.18965) for any schedule; {@link org.trainkit.schedules.ScheduleSet} tabulates named
 * schedules and ranks them by it or by any other score.
 */
package org.trainkit.schedules;
