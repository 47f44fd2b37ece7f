/**
 * The {@code trainkit} command line ({@code toolkit/bin/trainkit}): {@code fit} fits a loss-curve
 * law to CSV or JSON Lines curves, {@code schedule} prints a schedule's learning rates or lists the
 * schedules, {@code notebooks} executes notebooks through the trainkit kernel.
 */
package org.trainkit.cli;
