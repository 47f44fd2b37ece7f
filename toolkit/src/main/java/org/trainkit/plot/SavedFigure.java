package org.trainkit.plot;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

/**
 * A figure exported by {@link Figures#save}: where its PNG, SVG and PDF files are, and its image
 * at 1x for showing inline (a notebook cell ending with {@code Figures.save(...)} shows the image).
 *
 * @param name the figure's base name, e.g. {@code 00-start-here-loss}
 * @param png the PNG file (2x resolution)
 * @param svg the SVG file
 * @param pdf the PDF file
 * @param image the chart rendered at 1x
 */
public record SavedFigure(String name, Path png, Path svg, Path pdf, BufferedImage image) {

    /** The three exported files, PNG, SVG, PDF. */
    public List<Path> files() {
        return List.of(png, svg, pdf);
    }

    @Override
    public String toString() {
        return "figure " + name + " saved as " + png + ", " + svg.getFileName() + ", " + pdf.getFileName();
    }
}
