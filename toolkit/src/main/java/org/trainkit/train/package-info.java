/**
 * A small DJL training harness: {@link org.trainkit.train.Trainer} trains the networks of
 * {@link org.trainkit.train.Models} with an optimizer from {@link org.trainkit.train.Optimizers},
 * a learning-rate {@link org.trainkit.schedules.Schedule} (through
 * {@link org.trainkit.train.ScheduleTracker}, the one DJL adapter for schedules), and logs every
 * step. Four hooks open the loop to data-selection and reweighting methods: a
 * {@link org.trainkit.train.BatchSampler} chooses each step's samples, a
 * {@link org.trainkit.train.SampleLoss} replaces the per-sample cross-entropy (LDAM margins), a
 * {@link org.trainkit.train.SampleWeighting} weighs the samples, and
 * {@link org.trainkit.train.StepListener}s watch each step. Parameters go out and in as plain
 * {@link org.trainkit.checkpoint.ParameterSet} values ({@link org.trainkit.train.TrainingResult#parameters()},
 * {@link org.trainkit.train.Trainer#initialParameters}), and any parameter set is evaluated on any
 * split by {@link org.trainkit.train.Evaluator}. Every run is described by its
 * {@link org.trainkit.train.RunSettings}, whose hash names its log file.
 */
package org.trainkit.train;
