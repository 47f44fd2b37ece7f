package org.trainkit.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trainkit.data.IdxBytes.gzip;
import static org.trainkit.data.IdxBytes.idx;
import static org.trainkit.data.IdxBytes.ramp;
import static org.trainkit.data.IdxBytes.ubyte;
import static org.trainkit.data.IdxBytes.write;

import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxFileTest {

    @TempDir
    Path dir;

    private DataFileException failure(Path file, int rank) {
        DataFileException error = assertThrows(DataFileException.class, () -> IdxFile.read(file, rank));
        assertEquals(file, error.file());
        assertTrue(error.getMessage().startsWith(file.toString() + ": "), error.getMessage());
        return error;
    }

    @Test
    void readsPlainAndGzipFilesAlike() {
        byte[] bytes = ubyte(new int[] {3, 2, 4}, ramp(24));
        IdxFile plain = IdxFile.read(write(dir.resolve("plain"), bytes), 3);
        IdxFile packed = IdxFile.read(write(dir.resolve("packed.gz"), gzip(bytes)), 3);
        for (IdxFile file : new IdxFile[] {plain, packed}) {
            assertArrayEquals(new int[] {3, 2, 4}, file.dimensions());
            assertEquals(24, file.size());
            assertEquals(23, file.value(23));
        }
    }

    @Test
    void gzipIsRecognisedByContentNotName() {
        byte[] bytes = ubyte(new int[] {2}, new byte[] {(byte) 200, 7});
        IdxFile file = IdxFile.read(write(dir.resolve("labels-without-extension"), gzip(bytes)), 1);
        assertEquals(200, file.value(0), "unsigned");
        assertEquals(7, file.value(1));
    }

    @Test
    void aMissingFileIsNamed() {
        assertTrue(failure(dir.resolve("absent.gz"), 1).getMessage().contains("file not found"));
    }

    @Test
    void aBadMagicNumberSaysWhatWasExpected() {
        Path file = write(dir.resolve("labels-as-images"), ubyte(new int[] {4}, ramp(4)));
        String message = failure(file, 3).getMessage();
        assertTrue(message.contains("bad magic number 0x00000801"), message);
        assertTrue(message.contains("expected 0x00000803"), message);
        Path floats = write(dir.resolve("floats"), idx(0x0D01, new int[] {1}, new byte[4]));
        assertTrue(failure(floats, 1).getMessage().contains("0x00000D01"));
    }

    @Test
    void truncatedDataSaysHowManyBytesWereExpectedAndFound() {
        byte[] full = ubyte(new int[] {10, 28, 28}, ramp(7840));
        Path file = write(dir.resolve("short"), Arrays.copyOf(full, full.length - 100));
        String message = failure(file, 3).getMessage();
        assertTrue(message.contains("truncated: expected 7840 data bytes for 10 x 28 x 28, found 7740"), message);
    }

    @Test
    void aTruncatedHeaderIsNamed() {
        Path file = write(dir.resolve("header"), Arrays.copyOf(ubyte(new int[] {10, 28, 28}, new byte[0]), 9));
        String message = failure(file, 3).getMessage();
        assertTrue(message.contains("truncated header") && message.contains("dimension 2 of 3"), message);
        Path empty = write(dir.resolve("empty"), new byte[0]);
        assertTrue(failure(empty, 1).getMessage().contains("magic number"));
    }

    @Test
    void aTruncatedGzipStreamIsNamed() {
        byte[] packed = gzip(ubyte(new int[] {1000}, ramp(1000)));
        Path file = write(dir.resolve("cut.gz"), Arrays.copyOf(packed, packed.length / 2));
        String message = failure(file, 1).getMessage();
        assertTrue(message.contains("truncated"), message);
    }

    @Test
    void bytesPastTheEndAreAnError() {
        Path file = write(dir.resolve("long"), ubyte(new int[] {3}, ramp(5)));
        String message = failure(file, 1).getMessage();
        assertTrue(message.contains("2 bytes after the 3 data bytes"), message);
    }

    @Test
    void nonPositiveDimensionsAreAnError() {
        Path file = write(dir.resolve("zero"), ubyte(new int[] {0, 28, 28}, new byte[0]));
        assertTrue(failure(file, 3).getMessage().contains("dimension 1 is 0"));
        Path negative = write(dir.resolve("negative"), ubyte(new int[] {2, -28}, new byte[0]));
        assertTrue(failure(negative, 2).getMessage().contains("dimension 2 is -28"));
    }
}
