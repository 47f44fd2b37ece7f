/**
 * The bottom layer: where files go ({@link org.trainkit.core.Workspace}), the one way files are
 * written ({@link org.trainkit.core.AtomicFiles}), the {@link org.trainkit.core.Progress} that long
 * work reports to, and the one place statistics are computed ({@link org.trainkit.core.Stats}).
 * Imports no other trainkit package.
 */
package org.trainkit.core;
