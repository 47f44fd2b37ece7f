/**
 * Sample reweighting and data selection as values (REFERENCES.md section 3). Every
 * {@link org.trainkit.reweight.Strategy} has a text form that round-trips through
 * {@link org.trainkit.reweight.Strategies#parse}: per-sample weightings
 * ({@link org.trainkit.reweight.Reweighting}: uniform, loss-based LinUpper / Quadratic / Extremes
 * after Sow et al. 2025, focal, Feasible Learning after Ramirez et al. 2025, class-balanced after
 * Cui et al. 2019, LDAM-DRW after Cao et al. 2019), batch selections
 * ({@link org.trainkit.reweight.Selection}: hard batches, Progressive Data Dropout, RS2) and
 * group and timestep weights as functions (DoReMi, a first-order bilevel update after ScaleBiO,
 * Min-SNR-gamma). A weighting plugs into the harness ({@link org.trainkit.reweight.Reweighting#applyTo})
 * or into any DJL training loop ({@link org.trainkit.reweight.ReweightedLoss}); its weights are
 * checked at every step. {@link org.trainkit.reweight.WeightTrace} records the mean weight of
 * clean and mislabelled samples along a run, and {@link org.trainkit.reweight.RunMetrics} and
 * {@link org.trainkit.reweight.SeedTable} summarise runs over seeds against a baseline.
 */
package org.trainkit.reweight;
