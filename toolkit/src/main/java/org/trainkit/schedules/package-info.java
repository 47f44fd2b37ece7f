/**

 * Learning-rate schedules as immutable values, their compact text form, and their comparison by
 * the convex-theory bound, by a fitted loss-curve law and by training runs.
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
 *
 * <p>With a law fitted by {@code org.trainkit.curves} (such as the multi-power law of Luo et al.,
 * arXiv 2503.12811): {@link org.trainkit.schedules.PredictedLosses} tabulates and ranks each
 * schedule's predicted final loss beside the bound and gives predicted curves;
 * {@link org.trainkit.schedules.CooldownSearch} finds the WSD cooldown fraction the law prefers;
 * {@link org.trainkit.schedules.ScheduleOptimizer} optimises a whole schedule under it;
 * {@link org.trainkit.schedules.ScheduleExplorer} precomputes a grid of predictions for an offline
 * page with sliders. {@link org.trainkit.schedules.SeedComparison} judges measured differences
 * between schedules against the spread over seeds.
 */
package org.trainkit.schedules;

import org.trainkit.compare.CooldownSearch;
import org.trainkit.compare.PredictedLosses;
import org.trainkit.compare.ScheduleExplorer;
import org.trainkit.compare.ScheduleOptimizer;
import org.trainkit.compare.SeedComparison;
