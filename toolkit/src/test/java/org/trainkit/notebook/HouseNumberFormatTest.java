package org.trainkit.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

class HouseNumberFormatTest {

    private static String[] shown(boolean whole, double... values) {
        HouseNumberFormat f = HouseNumberFormat.forValues(values, whole);
        return Arrays.stream(values).mapToObj(f::format).toArray(String[]::new);
    }

    @Test
    void lossesGetOneNumberOfDecimalsForFourSignificantDigits() {
        assertEquals(Arrays.asList("2.512", "3.100", "2.000"), Arrays.asList(shown(false, 2.51234, 3.1, 2.0000001)));
        assertEquals(Arrays.asList("0.8400", "0.8412"), Arrays.asList(shown(false, 0.84, 0.84119)));
    }

    @Test
    void pairedDifferencesNearZeroKeepTheirColumnsDecimals() {
        assertEquals(Arrays.asList("-0.01230", "0.00450", "0.00002", "0.00310", "-0.00800"),
                Arrays.asList(shown(false, -0.0123, 0.0045, 0.00002, 0.0031, -0.008)));
    }

    @Test
    void tinyAndHugeColumnsAreScientific() {
        assertEquals(Arrays.asList("3.00e-4", "3.00e-5", "0"), Arrays.asList(shown(false, 3e-4, 3e-5, 0)));
        assertEquals(Arrays.asList("1.23e11", "-4.00e6"), Arrays.asList(shown(false, 1.234e11, -4e6)));
    }

    @Test
    void mixedSizesGetFourSignificantDigitsEach() {
        // A table of fitted parameters: L0, A, alpha, B, C, beta, gamma.
        assertEquals(Arrays.asList("2.512", "0.4500", "0.4723", "301.2", "2.100", "0.005000", "12,346"),
                Arrays.asList(shown(false, 2.5123, 0.45, 0.47231, 301.22, 2.1, 0.005, 12345.6)));
    }

    @Test
    void wholeNumbersAreIntegersGroupedFromTenThousand() {
        assertEquals(Arrays.asList("2,160", "24,000"), Arrays.asList(shown(true, 2160, 24000)));
        assertEquals(Arrays.asList("0", "4"), Arrays.asList(shown(true, 0, 4)));
        assertEquals(Arrays.asList("2160", "400"), Arrays.asList(shown(false, 2160, 400)));
    }

    @Test
    void missingInfiniteAndNegativeZero() {
        assertEquals(Arrays.asList("", "\u221E", "-\u221E", "0.000", "1.500", "1.200", "1.100"),
                Arrays.asList(shown(false, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0001, 1.5, 1.2, 1.1)));
        assertEquals(Arrays.asList(""), Arrays.asList(shown(false, Double.NaN)));
    }

    @Test
    void everyValueOfAComparableColumnHasTheSameDecimalsAndRoundsToWithinHalfAUnit() {
        Random random = new Random(7);
        for (int trial = 0; trial < 200; trial++) {
            double scale = Math.pow(10, random.nextInt(8) - 2);
            double[] values = random.doubles(12, 0.5 * scale, 9.9 * scale).toArray();
            HouseNumberFormat f = HouseNumberFormat.forValues(values, false);
            long decimals = -1;
            for (double v : values) {
                String s = f.format(v);
                long d = s.contains(".") ? s.length() - s.indexOf('.') - 1 : 0;
                if (decimals >= 0) {
                    assertEquals(decimals, d, "same decimals in a column: " + s);
                }
                decimals = d;
                if (!s.contains("e")) {
                    double back = Double.parseDouble(s.replace(",", ""));
                    assertTrue(Math.abs(back - v) <= 0.5 * Math.pow(10, -d) * (1 + 1e-9), s + " for " + v);
                }
            }
        }
    }

    @Test
    void htmlTableShowsHouseNumbersUnderRightAlignedHeaders() {
        Table t = Table.create("runs", IntColumn.create("steps", 2160, 24000),
                DoubleColumn.create("test_loss", 0.46291234, 0.4701));
        String html = HtmlTable.of(t);
        assertTrue(html.contains(">24,000<") && html.contains(">0.4629<") && html.contains(">0.4701<"), html);
        assertFalse(html.contains("0.46291234"), html);
        assertTrue(html.contains("text-align:right\">test_<wbr>loss</th>"), html);
    }
}
