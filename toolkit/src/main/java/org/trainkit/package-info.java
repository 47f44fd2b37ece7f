/**
 * trainkit: tools for studying how neural networks train. See the sub-packages
 * {@code curves}, {@code schedules}, {@code plot}, {@code data} and {@code train}.
 */
package org.trainkit;
