/**
 * Report figures: {@link org.trainkit.plot.Plot} builds XChart line, scatter and bar charts in
 * trainkit's {@link org.trainkit.plot.HouseStyle}; {@link org.trainkit.plot.Figures} shows them
 * inline and exports them as PNG, SVG and PDF.
 */
package org.trainkit.plot;
