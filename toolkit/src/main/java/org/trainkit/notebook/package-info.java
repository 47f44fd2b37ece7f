/**
 * Notebook support: inline display of tables, charts and figures, where files go
 * ({@link org.trainkit.notebook.Workspace}), progress bars and check cells.
 */
package org.trainkit.notebook;
