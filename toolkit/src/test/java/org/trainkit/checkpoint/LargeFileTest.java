package org.trainkit.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file over 2 GiB with a single tensor over 2 GiB (more elements than an int counts), made
 * sparse so that it takes almost no disk: known values near the start, at the 1 GiB and 2 GiB
 * chunk boundaries and at the end are read back through the memory mapping.
 */
class LargeFileTest {

    private static final long BIG = (1L << 31) + 16;
    private static final long GIB = 1L << 30;

    @TempDir
    Path dir;

    @Test
    void readsValuesAcrossAFileOver2GiB() throws IOException {
        String json = "{\"big\":{\"dtype\":\"U8\",\"shape\":[" + BIG + "],\"data_offsets\":[0," + BIG + "]},"
                + "\"tail\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[" + BIG + "," + (BIG + 16) + "]}}";
        byte[] header = (json + " ".repeat((8 - json.length() % 8) % 8)).getBytes(StandardCharsets.US_ASCII);
        long dataStart = 8 + header.length;
        long length = dataStart + BIG + 16;
        long usable = Files.getFileStore(dir).getUsableSpace();
        assumeTrue(usable > length + (64L << 20), "skipped: the temporary directory's disk has " + usable
                + " bytes free, fewer than the " + length + " a non-sparse file would need");

        Path file = dir.resolve("big.safetensors");
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.write(RawSafetensors.u64(header.length));
            raf.write(header);
            raf.setLength(length);
            put(raf, dataStart, 1, 2, 3, 4);
            put(raf, dataStart + GIB - 2, 20, 21, 22, 23);
            put(raf, dataStart + 2 * GIB - 2, 10, 11, 12, 13);
            put(raf, dataStart + BIG - 2, 98, 99);
            raf.seek(dataStart + BIG);
            raf.write(ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putFloat(1.5f).putFloat(-2f).putFloat(3f).putFloat(4e6f).array());
        }

        try (SafetensorsFile read = SafetensorsFile.open(file)) {
            assertEquals(BIG, read.info("big").elementCount());
            assertEquals(new TensorInfo("tail", DType.F32, new long[] {4}, BIG, BIG + 16), read.info("tail"));
            assertArrayEquals(new float[] {1, 2, 3, 4, 0}, floats(read, 0, 5));
            assertArrayEquals(new float[] {20, 21, 22, 23}, floats(read, GIB - 2, 4), "across the 1 GiB chunk boundary");
            assertArrayEquals(new float[] {0, 10, 11, 12, 13, 0}, floats(read, 2 * GIB - 3, 6), "across 2 GiB");
            assertArrayEquals(new float[] {98, 99}, floats(read, BIG - 2, 2), "the last elements");
            assertArrayEquals(new float[] {1.5f, -2f, 3f, 4e6f}, read.readFloats("tail"));

            ByteBuffer view = read.rawBytes("big", 2 * GIB - 2, 4);
            assertEquals(10, view.get(0));
            assertEquals(13, view.get(3));
            assertEquals(4e6f, read.rawBytes("tail").getFloat(12));

            IllegalArgumentException whole = assertThrows(IllegalArgumentException.class, () -> read.readFloats("big"));
            assertTrue(whole.getMessage().contains("tensor 'big' has " + BIG + " elements, more than one float[] holds"), whole.getMessage());
            assertThrows(IllegalArgumentException.class, () -> read.rawBytes("big"));
        }
        try (Checkpoint checkpoint = Checkpoint.open(file)) {
            assertArrayEquals(new float[] {10, 11}, floats(checkpoint, 2 * GIB - 2, 2));
        }
    }

    private static void put(RandomAccessFile raf, long position, int... values) throws IOException {
        raf.seek(position);
        for (int v : values) {
            raf.write(v);
        }
    }

    private static float[] floats(TensorReader read, long from, int count) {
        float[] values = new float[count];
        read.readFloats("big", from, values, 0, count);
        return values;
    }
}
