/**
 * Schedules compared under a loss-curve law fitted by {@code org.trainkit.curves} (such as the
 * multi-power law of Luo et al., arXiv 2503.12811), and measured differences judged over seeds.
 *
 * <p>{@link org.trainkit.compare.PredictedLosses} tabulates and ranks each schedule's predicted final
 * loss beside the convex bound and gives predicted curves; {@link org.trainkit.compare.CooldownSearch}
 * finds the WSD cooldown fraction the law prefers; {@link org.trainkit.compare.ScheduleOptimizer}
 * optimises a whole schedule under it; {@link org.trainkit.compare.ScheduleExplorer} precomputes a
 * grid of predictions for an offline page with sliders; {@link org.trainkit.compare.SeedComparison}
 * judges a measured difference between two methods by paired differences over seeds with a 95%
 * interval.
 */
package org.trainkit.compare;
