/**
 * A small DJL training harness: {@link org.trainkit.train.Trainer} trains the networks of
 * {@link org.trainkit.train.Models} with an optimizer from {@link org.trainkit.train.Optimizers},
 * a learning-rate {@link org.trainkit.schedules.Schedule} (through
 * {@link org.trainkit.train.ScheduleTracker}, the one DJL adapter for schedules) and an optional
 * {@link org.trainkit.train.SampleWeighting}, and logs every step.
 */
package org.trainkit.train;
