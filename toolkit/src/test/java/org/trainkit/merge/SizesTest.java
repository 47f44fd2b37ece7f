package org.trainkit.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SizesTest {

    @ParameterizedTest(name = "{0} = {1} bytes")
    @CsvSource({"5GB, 5000000000", "500MB, 500000000", "1.5G, 1500000000", "2GiB, 2147483648", "1000000, 1000000",
            "64kb, 64000", "512MiB, 536870912", "1T, 1000000000000", "3 MB, 3000000", "100B, 100", ".5K, 500"})
    void parses(String text, long bytes) {
        assertEquals(bytes, Sizes.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "GB", "5 XB", "-1GB", "0", "1e9", "five"})
    void rejects(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Sizes.parse(text));
        assertTrue(e.getMessage().contains("'" + text + "'"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"512, 512 B", "1500000000, 1.50 GB", "5000000000, 5.00 GB"})
    void formats(long bytes, String text) {
        assertEquals(text, Sizes.format(bytes));
    }
}
