package org.trainkit.merge;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Byte sizes as users write them: {@code 5GB}, {@code 500MB}, {@code 1.5G}, {@code 2GiB},
 * {@code 1000000}. Decimal units (K, M, G, T, with or without B) are powers of 1000, binary ones
 * (KiB, MiB, GiB, TiB) powers of 1024, as Hugging Face's shard sizes are.
 */
public final class Sizes {

    private static final Pattern SIZE = Pattern.compile("\\s*([0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)\\s*([kmgt]i?b?|b)?\\s*",
            Pattern.CASE_INSENSITIVE);

    private Sizes() {
    }

    /**
     * The number of bytes {@code text} names.
     *
     * @throws IllegalArgumentException naming the text when it is not a positive size
     */
    public static long parse(String text) {
        Matcher m = SIZE.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("size '" + text + "': expected a number with an optional unit, like 5GB, 500MB,"
                    + " 1.5G or 2GiB");
        }
        double number = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "" : m.group(2).toLowerCase(Locale.ROOT);
        boolean binary = unit.contains("i");
        int power = unit.isEmpty() || unit.equals("b") ? 0 : "kmgt".indexOf(unit.charAt(0)) + 1;
        double bytes = number * Math.pow(binary ? 1024 : 1000, power);
        if (!(bytes >= 1) || bytes > Long.MAX_VALUE) {
            throw new IllegalArgumentException("size '" + text + "': must be at least one byte");
        }
        return Math.round(bytes);
    }

    /** A size for people: {@code 1.50 GB}, {@code 512 B} (decimal units). */
    public static String format(long bytes) {
        String[] units = {"B", "kB", "MB", "GB", "TB"};
        double v = bytes;
        int u = 0;
        while (v >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return u == 0 ? bytes + " B" : String.format(Locale.ROOT, "%.2f %s", v, units[u]);
    }
}
