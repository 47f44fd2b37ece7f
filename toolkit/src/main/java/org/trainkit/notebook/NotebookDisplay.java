package org.trainkit.notebook;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.rapaio.jupyter.kernel.display.DisplayData;
import org.rapaio.jupyter.kernel.display.DisplayRenderer;
import org.rapaio.jupyter.kernel.display.DisplayTransformer;
import org.rapaio.jupyter.kernel.display.spi.DisplayProvider;
import org.trainkit.compare.ExplorerGrid;
import org.trainkit.plot.ChartGrid;
import org.trainkit.plot.SavedFigure;
import tech.tablesaw.api.Table;

/**
 * Teaches the rapaio Java kernel to show trainkit's values inline: a Tablesaw {@link Table} as an
 * HTML table, an XChart chart as a PNG image, a {@link SavedFigure} as its image (with the
 * saved file names as the plain-text alternative), small multiples ({@link ChartGrid}) as one PNG,
 * and a schedule explorer's {@link ExplorerGrid} as
 * its page ({@link ExplorerView}). Found by the kernel through
 * {@code META-INF/services}; it is only loaded inside a notebook.
 */
public final class NotebookDisplay implements DisplayProvider {

    @Override
    public List<DisplayRenderer> getDisplayRenderers() {
        return List.of(new TableRenderer(), new ChartRenderer(), new SavedFigureRenderer(), new ChartGridRenderer(), new ExplorerRenderer());
    }

    @Override
    public List<DisplayTransformer> getDisplayTransformers() {
        return List.of();
    }

    private static boolean wants(String mime, String type) {
        return mime == null || mime.isBlank() || mime.equals(type) || type.endsWith("/" + mime);
    }

    /** Renders a Tablesaw table as HTML. */
    private static final class TableRenderer implements DisplayRenderer {
        @Override
        public Class<?> rendererClass() {
            return Table.class;
        }

        @Override
        public boolean canRender(String mime) {
            return wants(mime, "text/html");
        }

        @Override
        public DisplayData render(String mime, Object value) {
            return DisplayData.fromHtml(HtmlTable.of((Table) value));
        }
    }

    /** Renders an XChart chart as a PNG. */
    private static final class ChartRenderer implements DisplayRenderer {
        @Override
        public Class<?> rendererClass() {
            return Chart.class;
        }

        @Override
        public boolean canRender(String mime) {
            return wants(mime, "image/png");
        }

        @Override
        public DisplayData render(String mime, Object value) {
            return DisplayData.withType("image/png", png(BitmapEncoder.getBufferedImage((Chart<?, ?>) value)));
        }
    }

    /** Renders an exported figure as its PNG image. */
    private static final class SavedFigureRenderer implements DisplayRenderer {
        @Override
        public Class<?> rendererClass() {
            return SavedFigure.class;
        }

        @Override
        public boolean canRender(String mime) {
            return wants(mime, "image/png");
        }

        @Override
        public DisplayData render(String mime, Object value) {
            SavedFigure figure = (SavedFigure) value;
            DisplayData data = DisplayData.withType("image/png", png(figure.image()));
            data.putText(figure.toString());
            return data;
        }
    }

    /** Renders small multiples as one PNG. */
    private static final class ChartGridRenderer implements DisplayRenderer {
        @Override
        public Class<?> rendererClass() {
            return ChartGrid.class;
        }

        @Override
        public boolean canRender(String mime) {
            return wants(mime, "image/png");
        }

        @Override
        public DisplayData render(String mime, Object value) {
            return DisplayData.withType("image/png", png(((ChartGrid) value).image()));
        }
    }

    /** Renders a schedule explorer as its page, with a static picture until its script runs. */
    private static final class ExplorerRenderer implements DisplayRenderer {
        @Override
        public Class<?> rendererClass() {
            return ExplorerGrid.class;
        }

        @Override
        public boolean canRender(String mime) {
            return wants(mime, "text/html");
        }

        @Override
        public DisplayData render(String mime, Object value) {
            return DisplayData.fromHtml(ExplorerView.html((ExplorerGrid) value));
        }
    }

    /** The image as base64 PNG, as Jupyter carries it. */
    static String png(BufferedImage image) {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(png.toByteArray());
    }
}
