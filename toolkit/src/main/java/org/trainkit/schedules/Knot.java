package org.trainkit.schedules;

/**
 * One knot of a {@link Piecewise} schedule: the learning rate at an absolute step, written
 * {@code step:lr} in the text form (e.g. the MPL paper's wsdcon schedules, arXiv 2503.12811, drop
 * to {@code 8000:9e-5}).
 *
 * @param step the optimizer step, counted from 0
 * @param lr   the learning rate from that step on
 */
public record Knot(int step, double lr) {
}
