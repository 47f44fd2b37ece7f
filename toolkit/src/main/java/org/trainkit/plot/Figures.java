package org.trainkit.plot;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import de.erichseifert.vectorgraphics2d.Document;
import de.erichseifert.vectorgraphics2d.Processor;
import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.pdf.PDFProcessor;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.VectorGraphicsEncoder.VectorGraphicsFormat;
import org.knowm.xchart.internal.chartpart.Chart;
import org.trainkit.core.AtomicFiles;
import org.trainkit.core.Workspace;

/**
 * Shows charts inline and exports them for reports. {@link #save} writes one figure as PNG (at
 * twice the chart's pixel size, 144 dpi), SVG and PDF in one call into the figures directory of
 * the {@link Workspace}. Each file is written to a temporary file in the same directory and moved
 * into place, so a reader never sees a half-written figure.
 */
public final class Figures {

    /** The PNG resolution: 2x the 72 dpi at which XChart lays out a chart. */
    public static final int PNG_DPI = 144;

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private Figures() {
    }

    /** The chart as an image at 1x; the notebook kernel shows it inline. */
    public static BufferedImage show(Chart<?, ?> chart) {
        return BitmapEncoder.getBufferedImage(chart);
    }

    /** Saves {@code chart} as {@code name}.png/.svg/.pdf in the workspace's figures directory. */
    public static SavedFigure save(Chart<?, ?> chart, String name) {
        return save(chart, name, Workspace.current().figures());
    }

    /**
     * Saves {@code chart} as {@code name}.png/.svg/.pdf in {@code directory} (created if missing),
     * replacing earlier versions. {@code name} is a plain file name without extension: letters,
     * digits, '.', '_' and '-'.
     */
    public static SavedFigure save(Chart<?, ?> chart, String name, Path directory) {
        checkName(name);
        Path png = directory.resolve(name + ".png");
        Path svg = directory.resolve(name + ".svg");
        Path pdf = directory.resolve(name + ".pdf");
        Map<Path, AtomicFiles.Writer> files = new LinkedHashMap<>();
        files.put(png, tmp -> BitmapEncoder.saveBitmapWithDPI(chart, tmp.toString(), BitmapEncoder.BitmapFormat.PNG, PNG_DPI));
        files.put(svg, tmp -> writeVector(chart, tmp, VectorGraphicsFormat.SVG));
        files.put(pdf, tmp -> writeVector(chart, tmp, VectorGraphicsFormat.PDF));
        AtomicFiles.writeAll(files);
        return new SavedFigure(name, png, svg, pdf, show(chart));
    }

    /** Saves a grid of charts as {@code name}.png/.svg/.pdf in the workspace's figures directory. */
    public static SavedFigure save(ChartGrid grid, String name) {
        return save(grid, name, Workspace.current().figures());
    }

    /**
     * Saves a grid of charts as {@code name}.png (2x), .svg and .pdf in {@code directory}. XChart's
     * encoders take one chart; the grid paints its panels onto one bitmap or one VectorGraphics2D
     * page (the library XChart itself writes SVG with).
     */
    public static SavedFigure save(ChartGrid grid, String name, Path directory) {
        checkName(name);
        Path png = directory.resolve(name + ".png");
        Path svg = directory.resolve(name + ".svg");
        Path pdf = directory.resolve(name + ".pdf");
        Map<Path, AtomicFiles.Writer> files = new LinkedHashMap<>();
        files.put(png, tmp -> ImageIO.write(grid.image(PNG_DPI / 72.0), "png", tmp.toFile()));
        files.put(svg, tmp -> writeVector(grid, tmp, new SVGProcessor()));
        files.put(pdf, tmp -> writeVector(grid, tmp, new PDFProcessor(true)));
        AtomicFiles.writeAll(files);
        return new SavedFigure(name, png, svg, pdf, grid.image());
    }

    private static void writeVector(ChartGrid grid, Path file, Processor processor) throws IOException {
        VectorGraphics2D g = new VectorGraphics2D();
        grid.paint(g);
        Document document = processor.getDocument(g.getCommands(), new PageSize(0, 0, grid.width(), grid.height()));
        try (OutputStream out = Files.newOutputStream(file)) {
            document.writeTo(out);
        }
    }

    private static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("figure name '" + name
                    + "' must be a plain file name without extension (letters, digits, '.', '_', '-')");
        }
    }

    private static void writeVector(Chart<?, ?> chart, Path file, VectorGraphicsFormat format) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            VectorGraphicsEncoder.saveVectorGraphic(chart, out, format);
        }
    }
}
