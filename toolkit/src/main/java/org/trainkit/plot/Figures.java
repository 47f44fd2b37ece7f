package org.trainkit.plot;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.VectorGraphicsEncoder.VectorGraphicsFormat;
import org.knowm.xchart.internal.chartpart.Chart;
import org.trainkit.notebook.Workspace;

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
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("figure name '" + name
                    + "' must be a plain file name without extension (letters, digits, '.', '_', '-')");
        }
        Path png = directory.resolve(name + ".png");
        Path svg = directory.resolve(name + ".svg");
        Path pdf = directory.resolve(name + ".pdf");
        List<Path> temporaries = new ArrayList<>(3);
        try {
            Files.createDirectories(directory);
            Path pngTmp = temporary(directory, name, ".png", temporaries);
            BitmapEncoder.saveBitmapWithDPI(chart, pngTmp.toString(), BitmapEncoder.BitmapFormat.PNG, PNG_DPI);
            Path svgTmp = temporary(directory, name, ".svg", temporaries);
            writeVector(chart, svgTmp, VectorGraphicsFormat.SVG);
            Path pdfTmp = temporary(directory, name, ".pdf", temporaries);
            writeVector(chart, pdfTmp, VectorGraphicsFormat.PDF);
            moveIntoPlace(pngTmp, png);
            moveIntoPlace(svgTmp, svg);
            moveIntoPlace(pdfTmp, pdf);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save figure '" + name + "' in " + directory + ": " + e.getMessage(), e);
        } finally {
            for (Path tmp : temporaries) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // Best effort: a leftover hidden temporary file does not hide an earlier error.
                }
            }
        }
        return new SavedFigure(name, png, svg, pdf, show(chart));
    }

    private static Path temporary(Path directory, String name, String extension, List<Path> temporaries)
            throws IOException {
        Path tmp = Files.createTempFile(directory, "." + name + "-", ".tmp" + extension);
        temporaries.add(tmp);
        return tmp;
    }

    private static void writeVector(Chart<?, ?> chart, Path file, VectorGraphicsFormat format) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            VectorGraphicsEncoder.saveVectorGraphic(chart, out, format);
        }
    }

    /**
     * Moves a finished temporary file onto its final name, atomically where the file system
     * allows. Temporary files are created owner-only; the figure gets ordinary read permissions.
     */
    private static void moveIntoPlace(Path tmp, Path target) throws IOException {
        if (tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
        }
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
