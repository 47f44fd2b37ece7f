package org.trainkit.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.trainkit.checkpoint.RawSafetensors.concat;
import static org.trainkit.checkpoint.RawSafetensors.u64;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The writer's exact bytes, against files built by hand from the format's description. */
class GoldenFileTest {

    @TempDir
    Path dir;

    private static byte[] f32(float... values) {
        ByteBuffer bytes = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            bytes.putFloat(v);
        }
        return bytes.array();
    }

    @Test
    void twoByTwoF32() throws IOException {
        ParameterSet params = ParameterSet.of(List.of(NamedTensor.of("w", new long[] {2, 2}, new float[] {1, 2, 3, 4})));
        Path file = Safetensors.write(dir.resolve("w.safetensors"), params, Map.of());

        String json = "{\"w\":{\"dtype\":\"F32\",\"shape\":[2,2],\"data_offsets\":[0,16]}}";
        assertEquals(57, json.length());
        byte[] header = (json + "       ").getBytes(StandardCharsets.US_ASCII); // padded to 64, a multiple of 8
        byte[] expected = concat(u64(64), header, f32(1, 2, 3, 4));
        assertArrayEquals(expected, Files.readAllBytes(file));
        assertEquals(8 + 64 + 16, expected.length);
    }

    @Test
    void metadataFirstThenTensorsInTheGivenOrderWithHalfPrecisionBytes() throws IOException {
        Path file = CheckpointWriter.create()
                .metadata(Map.of("format", "pt"))
                .tensor("b", DType.F16, 2)
                .tensor("a", DType.BF16)
                .writeFile(dir.resolve("m.safetensors"), (tensor, sink) -> sink.put(
                        tensor.name().equals("b") ? new float[] {1f, -2f} : new float[] {0.5f}));

        String json = "{\"__metadata__\":{\"format\":\"pt\"},"
                + "\"b\":{\"dtype\":\"F16\",\"shape\":[2],\"data_offsets\":[0,4]},"
                + "\"a\":{\"dtype\":\"BF16\",\"shape\":[],\"data_offsets\":[4,6]}}";
        int padded = (json.length() + 7) / 8 * 8;
        byte[] header = (json + " ".repeat(padded - json.length())).getBytes(StandardCharsets.US_ASCII);
        byte[] data = {0x00, 0x3C, 0x00, (byte) 0xC0, 0x00, 0x3F}; // F16 1 = 0x3C00, -2 = 0xC000; BF16 0.5 = 0x3F00
        assertArrayEquals(concat(u64(padded), header, data), Files.readAllBytes(file));

        try (SafetensorsFile read = SafetensorsFile.open(file)) {
            assertEquals(List.of("b", "a"), read.tensorNames());
            assertEquals(new TensorInfo("a", DType.BF16, new long[0], 4, 6), read.info("a"));
        }
    }

    @Test
    void readsAHandBuiltFileWithUnpaddedHeader() {
        String json = "{\"x\":{\"dtype\":\"I16\",\"shape\":[3],\"data_offsets\":[0,6]},\"__metadata__\":{\"k\":\"v\"}}";
        byte[] data = {1, 0, (byte) 0xFF, (byte) 0xFF, 0x00, (byte) 0x80};
        Path file = RawSafetensors.write(dir.resolve("x.safetensors"),
                concat(u64(json.length()), json.getBytes(StandardCharsets.US_ASCII), data));
        try (SafetensorsFile read = SafetensorsFile.open(file)) {
            assertEquals(Map.of("k", "v"), read.metadata());
            assertArrayEquals(new float[] {1, -1, -32768}, read.readFloats("x"));
        }
    }
}
