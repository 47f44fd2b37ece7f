/**
 * Model merging on safetensors checkpoints: every method of the popular Python merge tool with its
 * parameter names and defaults (linear, task arithmetic, TIES, DARE, breadcrumbs, DELLA, SLERP,
 * nuSLERP, multi-SLERP, Karcher, model stock, passthrough; REFERENCES.md section 4), that tool's
 * YAML configs, and what it lacks: EMA and metrics-weighted averages over a trajectory, uniform
 * and greedy soups ({@link org.trainkit.merge.GreedySoup}), LCSC ({@link org.trainkit.merge.Lcsc})
 * and Git Re-Basin weight matching ({@link org.trainkit.merge.WeightMatching}).
 *
 * <ul>
 *   <li>{@link org.trainkit.merge.MergeConfig}: a merge, read from YAML or built in code.
 *   <li>{@link org.trainkit.merge.Merger}: the streaming engine (plan, check, merge tensor by tensor
 *       on a small thread pool, write sharded output atomically).
 *   <li>{@link org.trainkit.merge.MergeMethods}: the methods by name, with their parameters.
 * </ul>
 *
 * <p>Where that tool has a known defect this package does otherwise, and tests it: breadcrumbs with
 * no top fraction keeps the largest entries (the tool zeroes the tensor); model stock clamps the
 * mean cosine to [0, 1] so it never extrapolates past the base; Karcher honours the per-model
 * weights; the same model listed twice counts twice.
 */
package org.trainkit.merge;
