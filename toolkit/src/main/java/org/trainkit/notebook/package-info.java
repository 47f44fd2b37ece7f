/**
 * Notebook support: inline display of tables, charts and figures, where files go
 * ({@link org.trainkit.notebook.Workspace}), result tables saved as CSV
 * ({@link org.trainkit.notebook.ResultTables}), progress bars and check cells.
 */
package org.trainkit.notebook;
