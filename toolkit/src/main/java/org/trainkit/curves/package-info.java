/**
 * Loss-curve laws: read the loss curves of training runs, fit a law to them, and predict the loss
 * under another learning-rate schedule or a longer run without training it.
 *
 * <p>The laws ({@link org.trainkit.curves.Law}): the power law in steps, the learning-rate
 * annealing law of Tissue et al. (2024, arXiv 2408.11029), the multi-power law of Luo et al. (ICLR
 * 2025, arXiv 2503.12811), and separately the Chinchilla form L(N, D) of Hoffmann et al. (2022) as
 * replicated by Besiroglu et al. (2024) ({@link org.trainkit.curves.ChinchillaFit}).
 *
 * <p>A notebook cell reads:
 * <pre>{@code
 * List<LossCurve> train = LossCurves.readCsv(List.of(dir.resolve("cosine_24000.csv"), ...));
 * FitResult fit = Fit.of(LawForm.multiPower()).on(train).run();
 * fit.params();                      // {L0=..., A=..., ...}
 * fit.evaluate(test).predE();        // mean relative error on unseen schedules
 * double[] loss = fit.law().predict(schedule);
 * }</pre>
 *
 * <p>Beyond one fit: {@link org.trainkit.curves.AutoFit} chooses the law by leave-one-curve-out
 * cross-validation, among single laws (one of them fitted by the authors' own early-stopped procedure,
 * {@link org.trainkit.curves.Fit#referenceAdamW()}) and means of two ({@link org.trainkit.curves.MeanLaw});
 * {@link org.trainkit.curves.FitResult#warnings()} names parameters the curves do
 * not determine; {@link org.trainkit.curves.Bootstrap} (moving blocks by default) carries intervals to
 * predictions; {@link org.trainkit.curves.CooldownPlanner} plans the cooldown of a running job;
 * {@link org.trainkit.curves.Applicability} says where a law is applied beyond what it was fitted
 * on; {@link org.trainkit.curves.LossCurves} also reads TensorBoard event files and W&amp;B exports;
 * {@link org.trainkit.curves.MplData} gives the published curves with their exact schedules.
 *
 * <p>Step convention used throughout: a curve carries the learning rate {@code lr[t]} of every
 * optimizer step {@code t = 0 .. T-1}; the forward area at a logged step {@code s} is
 * {@code S1(s) = lr[0] + ... + lr[s]} and the learning-rate drops are {@code d_k = lr[k-1] - lr[k]}
 * for {@code k = 1 .. s}.
 */
package org.trainkit.curves;
