package org.trainkit.notebook;

import java.util.HashMap;
import java.util.Map;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Renders a Tablesaw {@link Table} as a compact HTML table for notebook output: a caption with
 * the table name, numbers in the {@link HouseNumberFormat} chosen per column and right-aligned
 * under right-aligned headers, headers that may wrap after an underscore so a wide table fits the
 * page, and at most {@value #MAX_ROWS} rows (the first and last halves, with a marker row between
 * them, for longer tables).
 */
public final class HtmlTable {

    /** The most rows rendered; longer tables show their head and tail. */
    public static final int MAX_ROWS = 40;

    private HtmlTable() {
    }

    /** The HTML text of {@code table}. */
    public static String of(Table table) {
        StringBuilder html = new StringBuilder(256);
        html.append("<table class=\"trainkit\" style=\"border-collapse:collapse;font-size:90%\">");
        if (table.name() != null && !table.name().isBlank()) {
            html.append("<caption style=\"text-align:left;font-weight:bold\">")
                    .append(escape(table.name())).append("</caption>");
        }
        html.append("<thead><tr>");
        for (Column<?> column : table.columns()) {
            html.append("<th style=\"padding:2px 8px;border-bottom:1px solid #888;vertical-align:bottom;text-align:")
                    .append(column instanceof NumericColumn<?> ? "right" : "left").append("\">")
                    .append(escape(column.name()).replace("_", "_<wbr>")).append("</th>");
        }
        html.append("</tr></thead><tbody>");
        Map<String, HouseNumberFormat> formats = new HashMap<>();
        for (Column<?> column : table.columns()) {
            if (column instanceof NumericColumn<?> numbers) {
                formats.put(column.name(), HouseNumberFormat.forColumn(numbers));
            }
        }
        int rows = table.rowCount();
        int head = rows <= MAX_ROWS ? rows : MAX_ROWS / 2;
        for (int r = 0; r < head; r++) {
            appendRow(html, table, formats, r);
        }
        if (rows > MAX_ROWS) {
            html.append("<tr><td colspan=\"").append(table.columnCount())
                    .append("\" style=\"text-align:center;color:#888\">&hellip; ")
                    .append(rows - MAX_ROWS).append(" more rows &hellip;</td></tr>");
            for (int r = rows - MAX_ROWS / 2; r < rows; r++) {
                appendRow(html, table, formats, r);
            }
        }
        return html.append("</tbody></table>").toString();
    }

    private static void appendRow(StringBuilder html, Table table, Map<String, HouseNumberFormat> formats, int row) {
        html.append("<tr>");
        for (Column<?> column : table.columns()) {
            HouseNumberFormat format = formats.get(column.name());
            String text = format == null ? column.getString(row)
                    : column.isMissing(row) ? "" : format.format(((NumericColumn<?>) column).getDouble(row));
            html.append("<td style=\"padding:2px 8px;white-space:nowrap;text-align:")
                    .append(format != null ? "right" : "left").append("\">")
                    .append(escape(text)).append("</td>");
        }
        html.append("</tr>");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
