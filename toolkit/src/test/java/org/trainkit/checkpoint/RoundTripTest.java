package org.trainkit.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Writing and reading back every dtype, metadata, and reads in ranges across mapped chunks. */
class RoundTripTest {

    @TempDir
    Path dir;

    private static ByteBuffer little(int bytes) {
        return ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Writes one tensor of {@code dtype} and {@code shape} whose bytes are {@code data}. */
    private Path writeBytes(DType dtype, long[] shape, byte[] data) {
        return CheckpointWriter.create()
                .tensor("t", dtype, shape)
                .writeFile(dir.resolve(dtype + ".safetensors"), (tensor, sink) -> sink.putBytes(ByteBuffer.wrap(data)));
    }

    private Path writeFloats(DType dtype, float... values) {
        return CheckpointWriter.create()
                .tensor("t", dtype, values.length)
                .writeFile(dir.resolve(dtype + ".safetensors"), (tensor, sink) -> sink.put(values));
    }

    private static float[] readBack(Path file) {
        try (SafetensorsFile read = SafetensorsFile.open(file)) {
            return read.readFloats("t");
        }
    }

    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"F64", "F32", "F16", "BF16"})
    void floatKindsRoundTripTheirValuesExactly(DType dtype) {
        float[] values = {0f, -0f, 1f, -2.5f, 0.375f, 1024f, -4096f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN};
        Path file = writeFloats(dtype, values);
        assertArrayEquals(values, readBack(file));
        try (SafetensorsFile read = SafetensorsFile.open(file)) {
            assertEquals(new TensorInfo("t", dtype, new long[] {values.length}, 0, (long) values.length * dtype.byteSize()), read.info("t"));
            assertEquals(values.length * dtype.byteSize(), read.rawBytes("t").remaining());
        }
    }

    @Test
    void f64WidensFloatsExactlyAndNarrowsDoublesToNearest() {
        Path file = writeFloats(DType.F64, Float.MIN_VALUE, Float.MAX_VALUE, 0.1f);
        try (SafetensorsFile read = SafetensorsFile.open(file)) {
            ByteBuffer raw = read.rawBytes("t");
            assertEquals(Float.MIN_VALUE, raw.getDouble(0));
            assertEquals(0.1f, raw.getDouble(16));
        }
        ByteBuffer doubles = little(16).putDouble(0.1).putDouble(1e300);
        assertArrayEquals(new float[] {0.1f, Float.POSITIVE_INFINITY}, readBack(writeBytes(DType.F64, new long[] {2}, doubles.array())));
    }

    @Test
    void f16EdgeCasesRoundToNearestEvenThroughAFile() {
        float[] written = {0x1p-24f, 0x3FFp-24f, 0x1p-25f, Math.nextUp(0x1p-25f), 65504f, 65520f, Math.nextDown(65520f),
            1f + 0x1p-11f, 1f + 3 * 0x1p-11f, -0f, Float.NaN, 1e-10f};
        float[] expected = {0x1p-24f, 0x3FFp-24f, 0f, 0x1p-24f, 65504f, Float.POSITIVE_INFINITY, 65504f,
            1f, 1f + 0x1p-9f, -0f, Float.NaN, 0f};
        assertArrayEquals(expected, readBack(writeFloats(DType.F16, written)));
    }

    @Test
    void bf16EdgeCasesRoundToNearestEvenThroughAFile() {
        float[] written = {0x1p-133f, -3 * 0x1p-133f, 2.5f * 0x1p-133f, Float.MIN_VALUE, Float.MAX_VALUE,
            Float.intBitsToFloat(0x7F7F7FFF), 1f + 0x1p-8f, 1f + 3 * 0x1p-8f, Float.NaN, 1f / 3};
        float[] expected = {0x1p-133f, -3 * 0x1p-133f, 2 * 0x1p-133f, 0f, Float.POSITIVE_INFINITY,
            Float.intBitsToFloat(0x7F7F0000), 1f, 1f + 0x1p-6f, Float.NaN, Float.intBitsToFloat(0x3EAB0000)};
        assertArrayEquals(expected, readBack(writeFloats(DType.BF16, written)));
    }

    @Test
    void signedIntegersReadAsNearestFloats() {
        assertArrayEquals(new float[] {Long.MIN_VALUE, -1, 0, 1L << 40, 16777217L},
                readBack(writeBytes(DType.I64, new long[] {5}, little(40).putLong(Long.MIN_VALUE).putLong(-1).putLong(0)
                        .putLong(1L << 40).putLong(16777217L).array())));
        assertArrayEquals(new float[] {Integer.MIN_VALUE, -7, Integer.MAX_VALUE},
                readBack(writeBytes(DType.I32, new long[] {3}, little(12).putInt(Integer.MIN_VALUE).putInt(-7).putInt(Integer.MAX_VALUE).array())));
        assertArrayEquals(new float[] {-32768, -1, 32767},
                readBack(writeBytes(DType.I16, new long[] {3}, little(6).putShort((short) -32768).putShort((short) -1).putShort((short) 32767).array())));
        assertArrayEquals(new float[] {-128, -1, 127}, readBack(writeBytes(DType.I8, new long[] {3}, new byte[] {-128, -1, 127})));
    }

    @Test
    void unsignedIntegersAndBooleansReadAsFloats() {
        assertArrayEquals(new float[] {0x1p64f, 0, 0x1p63f},
                readBack(writeBytes(DType.U64, new long[] {3}, little(24).putLong(-1).putLong(0).putLong(Long.MIN_VALUE).array())));
        assertArrayEquals(new float[] {4294967295f, 1},
                readBack(writeBytes(DType.U32, new long[] {2}, little(8).putInt(-1).putInt(1).array())));
        assertArrayEquals(new float[] {65535, 32768},
                readBack(writeBytes(DType.U16, new long[] {2}, little(4).putShort((short) -1).putShort((short) 0x8000).array())));
        assertArrayEquals(new float[] {255, 128, 0}, readBack(writeBytes(DType.U8, new long[] {3}, new byte[] {-1, -128, 0})));
        assertArrayEquals(new float[] {0, 1, 1}, readBack(writeBytes(DType.BOOL, new long[] {3}, new byte[] {0, 1, 2})));
    }

    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"F8_E4M3", "F8_E5M2", "F8_E8M0"})
    void eightBitFloatsRoundTripAsRawBytesOnly(DType dtype) {
        byte[] data = {0, 1, 0x7F, (byte) 0x80, (byte) 0xFF, 0x38};
        try (SafetensorsFile read = SafetensorsFile.open(writeBytes(dtype, new long[] {2, 3}, data))) {
            ByteBuffer raw = read.rawBytes("t");
            byte[] back = new byte[raw.remaining()];
            raw.get(back);
            assertArrayEquals(data, back);
            assertTrue(raw.isReadOnly());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> read.readFloats("t"));
            assertTrue(e.getMessage().contains("tensor 't' is " + dtype + ", readable as raw bytes only"), e.getMessage());
        }
    }

    @Test
    void metadataKeptInOrder() {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("format", "pt");
        metadata.put("step", "1200");
        metadata.put("note", "\u00e9t\u00e9 \"quoted\"\n");
        Path file = CheckpointWriter.create().metadata(metadata).tensor("t", DType.F32, 1)
                .writeFile(dir.resolve("m.safetensors"), (t, sink) -> sink.put(new float[] {1}));
        try (SafetensorsFile read = SafetensorsFile.open(file)) {
            assertEquals(List.copyOf(metadata.entrySet()), List.copyOf(read.metadata().entrySet()));
        }
        try (Checkpoint read = Checkpoint.open(file)) {
            assertEquals(metadata, read.metadata());
        }
    }

    @Test
    void parameterSetsRoundTripThroughTheConveniences() {
        ParameterSet params = ParameterSet.of(List.of(
                NamedTensor.of("0.weight", new long[] {2, 3}, new float[] {1, 2, 3, 4, 5, 6}),
                NamedTensor.of("0.bias", new long[] {2}, new float[] {-1, 1}),
                NamedTensor.of("scale", new long[0], new float[] {0.5f})));
        Path file = Safetensors.write(dir.resolve("params.safetensors"), params, Map.of("epoch", "3"));
        assertEquals(params, Safetensors.readParameters(file));
        try (Checkpoint read = Checkpoint.open(file)) {
            assertEquals(Map.of("epoch", "3"), read.metadata());
            assertEquals(params.names(), read.tensorNames());
        }
    }

    @Test
    void readParametersRefusesIntegerTensors() {
        Path file = CheckpointWriter.create().tensor("w", DType.F32, 1).tensor("steps", DType.I64, 1)
                .writeFile(dir.resolve("mixed.safetensors"), (t, sink) -> {
                    if (t.dtype() == DType.F32) {
                        sink.put(new float[] {1});
                    } else {
                        sink.putBytes(little(8).putLong(0, 7));
                    }
                });
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Safetensors.readParameters(file));
        assertTrue(e.getMessage().contains("tensor 'steps' is I64"), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"F8_E4M3", "F8_E5M2", "F8_E8M0"}, mode = EnumSource.Mode.EXCLUDE)
    void readsInRangesAcrossChunkBoundaries(DType dtype) {
        int count = 1001;
        byte[] data = new byte[count * dtype.byteSize()];
        new java.util.Random(dtype.ordinal()).nextBytes(data);
        if (dtype == DType.BOOL) {
            for (int i = 0; i < data.length; i++) {
                data[i] &= 1;
            }
        }
        Path file = writeBytes(dtype, new long[] {7, 11, 13}, data);
        float[] whole = readBack(file);
        try (SafetensorsFile read = SafetensorsFile.open(file, 7)) {
            assertArrayEquals(whole, read.readFloats("t"), "whole tensor through 7-byte chunks");
            float[] streamed = new float[count + 3];
            for (int from = 0; from < count; from += 37) {
                int n = Math.min(37, count - from);
                read.readFloats("t", from, streamed, from + 3, n);
            }
            assertArrayEquals(whole, java.util.Arrays.copyOfRange(streamed, 3, count + 3));
            ByteBuffer view = read.rawBytes("t", 5, 40);
            assertEquals(ByteOrder.LITTLE_ENDIAN, view.order());
            for (int i = 0; i < 40; i++) {
                assertEquals(data[5 + i], view.get(i), "byte " + (5 + i) + " of a view spanning chunks");
            }
        }
    }

    @Test
    void writesInChunksMixingFloatsAndBytes() {
        float[] values = new float[5000];
        for (int i = 0; i < values.length; i++) {
            values[i] = ((i % 256) - 128) * 0.5f; // exact in BF16
        }
        Path file = CheckpointWriter.create().tensor("t", DType.BF16, 50, 100)
                .writeFile(dir.resolve("chunks.safetensors"), (t, sink) -> {
                    sink.put(values, 0, 1234);
                    ByteBuffer raw = little(2 * 766);
                    for (int i = 1234; i < 2000; i++) {
                        raw.putShort(HalfFloats.floatToBf16(values[i]));
                    }
                    sink.putBytes(raw.flip());
                    for (int from = 2000; from < values.length; from += 999) {
                        sink.put(values, from, Math.min(999, values.length - from));
                    }
                });
        assertArrayEquals(values, readBack(file));
    }

    @Test
    void feedGivingTooFewOrTooManyValuesOrFloatsForIntegersFails() {
        CheckpointWriter writer = CheckpointWriter.create().tensor("w", DType.F32, 4).tensor("n", DType.I32, 1);
        Path file = dir.resolve("bad.safetensors");
        IllegalStateException few = assertThrows(IllegalStateException.class,
                () -> writer.writeFile(file, (t, sink) -> sink.put(new float[3])));
        assertTrue(few.getMessage().contains("tensor 'w' (F32[4]): the feed gave 12 bytes, expected 16"), few.getMessage());
        IllegalStateException many = assertThrows(IllegalStateException.class,
                () -> writer.writeFile(file, (t, sink) -> sink.put(new float[5])));
        assertTrue(many.getMessage().contains("tensor 'w' (F32[4]): the feed gives more than its 16 bytes"), many.getMessage());
        IllegalStateException ints = assertThrows(IllegalStateException.class,
                () -> writer.writeFile(file, (t, sink) -> sink.put(new float[(int) t.elementCount()])));
        assertTrue(ints.getMessage().contains("tensor 'n' (I32[1]): I32 cannot be written from floats"), ints.getMessage());
        assertFalse(java.nio.file.Files.exists(file));
    }

    @Test
    void declarationsAreChecked() {
        CheckpointWriter writer = CheckpointWriter.create().tensor("a", DType.F32, 1);
        assertThrows(IllegalArgumentException.class, () -> writer.tensor("a", DType.F16, 2));
        assertThrows(IllegalArgumentException.class, () -> writer.tensor("__metadata__", DType.F16, 2));
        assertThrows(IllegalArgumentException.class, () -> writer.tensor("", DType.F16, 2));
        assertThrows(IllegalArgumentException.class, () -> writer.tensor("b", DType.F16, 2, -1));
        assertThrows(IllegalArgumentException.class, () -> writer.writeDirectory(dir, 0, (t, s) -> { }));
    }

    @Test
    void readerArgumentsAreChecked() {
        Path file = writeFloats(DType.F32, 1, 2, 3);
        SafetensorsFile read = SafetensorsFile.open(file);
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> read.info("u"));
        assertTrue(unknown.getMessage().contains("no tensor 'u'; it has 1 tensors: [t]"), unknown.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> read.readFloats("t", 2, new float[2], 0, 2));
        assertThrows(IndexOutOfBoundsException.class, () -> read.readFloats("t", 0, new float[2], 1, 2));
        assertThrows(IndexOutOfBoundsException.class, () -> read.rawBytes("t", 10, 4));
        read.close();
        IllegalStateException closed = assertThrows(IllegalStateException.class, () -> read.readFloats("t"));
        assertTrue(closed.getMessage().contains("is closed"));
    }
}
