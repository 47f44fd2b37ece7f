/**
 * Report figures: {@link org.trainkit.plot.Plot} builds XChart line, scatter and bar charts, dot
 * plots with intervals ({@link org.trainkit.plot.DotPlot}) and small multiples
 * ({@link org.trainkit.plot.SmallMultiples}, laid out as a {@link org.trainkit.plot.ChartGrid}) in
 * trainkit's {@link org.trainkit.plot.HouseStyle}; {@link org.trainkit.plot.Figures} shows them
 * inline and exports them as PNG, SVG and PDF.
 */
package org.trainkit.plot;
