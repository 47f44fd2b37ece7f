package org.trainkit.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trainkit.checkpoint.RawSafetensors.concat;
import static org.trainkit.checkpoint.RawSafetensors.u64;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every malformed file is refused on opening, with a message naming the file and the tensor. */
class BadFileTest {

    @TempDir
    Path dir;

    private static final String F32_W = "\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}";

    private CheckpointFormatException refused(Path file) {
        CheckpointFormatException e = assertThrows(CheckpointFormatException.class, () -> SafetensorsFile.open(file).close());
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertEquals(file, e.file());
        return e;
    }

    private static void assertMentions(String message, String... fragments) {
        for (String fragment : fragments) {
            assertTrue(message.contains(fragment), "expected \"" + fragment + "\" in: " + message);
        }
    }

    @Test
    void fileShorterThanTheHeaderLength() {
        Path file = RawSafetensors.write(dir.resolve("short.safetensors"), new byte[] {4, 0, 0, 0, 0});
        assertMentions(refused(file).getMessage(), "5 bytes, fewer than the 8");
    }

    @Test
    void headerLengthBeyondTheFile() {
        Path file = RawSafetensors.write(dir.resolve("long.safetensors"), concat(u64(1000), "{}".getBytes(StandardCharsets.US_ASCII)));
        assertMentions(refused(file).getMessage(), "header length 1000 runs past the end of the file (10 bytes");
    }

    @Test
    void headerOver100Megabytes() {
        Path file = RawSafetensors.write(dir.resolve("huge.safetensors"), concat(u64(100_000_001), "{}".getBytes(StandardCharsets.US_ASCII)));
        assertMentions(refused(file).getMessage(), "100000001", "over the limit of 100000000 bytes");
    }

    @Test
    void headerLengthNegativeAsSigned() {
        Path file = RawSafetensors.write(dir.resolve("sign.safetensors"), concat(u64(-8), "{}".getBytes(StandardCharsets.US_ASCII)));
        assertMentions(refused(file).getMessage(), Long.toUnsignedString(-8), "over the limit");
    }

    @Test
    void headerNotUtf8() {
        byte[] header = concat("{\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4],\"x\":\"".getBytes(StandardCharsets.US_ASCII),
                new byte[] {(byte) 0xC3, (byte) 0x28}, "\"}}".getBytes(StandardCharsets.US_ASCII));
        Path file = RawSafetensors.write(dir.resolve("latin.safetensors"), RawSafetensors.file(header, 4));
        assertMentions(refused(file).getMessage(), "not UTF-8");
    }

    @Test
    void nonAsciiNamesAreFine() {
        Path file = RawSafetensors.write(dir, "utf8.safetensors", "{\"gewicht_\u00fc\":{\"dtype\":\"U8\",\"shape\":[1],\"data_offsets\":[0,1]}}", 1);
        try (SafetensorsFile read = SafetensorsFile.open(file)) {
            assertEquals(java.util.List.of("gewicht_\u00fc"), read.tensorNames());
        }
    }

    /** Headers that are valid UTF-8 but not a valid safetensors header: name, header, data bytes, expected fragments. */
    static Stream<Arguments> badHeaders() {
        String w = "tensor 'w'";
        return Stream.of(
                Arguments.of("not JSON", "{\"w\": ", 0, new String[] {"not valid JSON"}),
                Arguments.of("not an object", "[1, 2]", 0, new String[] {"not a JSON object"}),
                Arguments.of("content after the object", "{} {}", 0, new String[] {"content after its JSON object"}),
                Arguments.of("duplicate tensor name", "{" + F32_W + ",\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}", 8,
                        new String[] {w, "named twice"}),
                Arguments.of("duplicate key in an entry", "{\"w\":{\"dtype\":\"F32\",\"dtype\":\"F16\",\"shape\":[1],\"data_offsets\":[0,4]}}", 4,
                        new String[] {w, "key 'dtype' twice"}),
                Arguments.of("duplicate key nested in an entry", "{\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4],"
                        + "\"extra\":{\"a\":1,\"a\":2}}}", 4, new String[] {w, "key 'a' twice"}),
                Arguments.of("duplicate __metadata__", "{\"__metadata__\":{},\"__metadata__\":{}}", 0, new String[] {"two __metadata__"}),
                Arguments.of("duplicate metadata key", "{\"__metadata__\":{\"k\":\"a\",\"k\":\"b\"}}", 0, new String[] {"__metadata__ has key 'k' twice"}),
                Arguments.of("entry not an object", "{\"w\":[1]}", 0, new String[] {w, "its entry is an array"}),
                Arguments.of("missing dtype", "{\"w\":{\"shape\":[1],\"data_offsets\":[0,4]}}", 4, new String[] {w, "no \"dtype\""}),
                Arguments.of("missing shape", "{\"w\":{\"dtype\":\"F32\",\"data_offsets\":[0,4]}}", 4, new String[] {w, "no \"shape\""}),
                Arguments.of("missing data_offsets", "{\"w\":{\"dtype\":\"F32\",\"shape\":[1]}}", 4, new String[] {w, "no \"data_offsets\""}),
                Arguments.of("dtype not a string", "{\"w\":{\"dtype\":4,\"shape\":[1],\"data_offsets\":[0,4]}}", 4, new String[] {w, "dtype is a number"}),
                Arguments.of("unknown dtype", "{\"w\":{\"dtype\":\"F4\",\"shape\":[1],\"data_offsets\":[0,4]}}", 4, new String[] {w, "unknown dtype \"F4\""}),
                Arguments.of("shape not an array", "{\"w\":{\"dtype\":\"F32\",\"shape\":\"1\",\"data_offsets\":[0,4]}}", 4, new String[] {w, "shape is a string"}),
                Arguments.of("shape not integers", "{\"w\":{\"dtype\":\"F32\",\"shape\":[1.5],\"data_offsets\":[0,4]}}", 4, new String[] {w, "expected integers"}),
                Arguments.of("dimension beyond a long", "{\"w\":{\"dtype\":\"F32\",\"shape\":[99999999999999999999],\"data_offsets\":[0,4]}}", 4,
                        new String[] {w, "expected integers"}),
                Arguments.of("negative dimension", "{\"w\":{\"dtype\":\"F32\",\"shape\":[2,-1],\"data_offsets\":[0,4]}}", 4, new String[] {w, "negative dimension -1"}),
                Arguments.of("offsets not integers", "{\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[\"0\",\"4\"]}}", 4, new String[] {w, "expected integers"}),
                Arguments.of("one offset", "{\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4]}}", 4, new String[] {w, "expected two"}),
                Arguments.of("negative offset", "{\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[-4,0]}}", 4, new String[] {w, "is negative"}),
                Arguments.of("begin after end", "{\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,0]}}", 4, new String[] {w, "begins after it ends"}),
                Arguments.of("offsets past the data", "{\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}", 4,
                        new String[] {w, "run past the end of the data section (4 bytes)"}),
                Arguments.of("length not matching shape and dtype", "{\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,4]}}", 4,
                        new String[] {w, "hold 4 bytes, but shape [2] of F32 needs 8"}),
                Arguments.of("element count overflowing", "{\"w\":{\"dtype\":\"F32\",\"shape\":[4611686018427387904,4],\"data_offsets\":[0,4]}}", 4,
                        new String[] {w, "needs 73786976294838206464"}),
                Arguments.of("overlap", "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                        + "\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}}", 12,
                        new String[] {"tensor 'b'", "overlap tensor 'a' [0, 8)"}),
                Arguments.of("hole", "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},"
                        + "\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[8,12]}}", 12,
                        new String[] {"tensor 'b'", "data bytes [4, 8) belong to no tensor"}),
                Arguments.of("hole at the start", "{\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}", 8,
                        new String[] {w, "data bytes [0, 4) belong to no tensor"}),
                Arguments.of("data not ending at the end of the file", "{" + F32_W + "}", 8,
                        new String[] {"end at data byte 4 but the file has 8 data bytes"}),
                Arguments.of("data without tensors", "{}", 3, new String[] {"end at data byte 0 but the file has 3"}),
                Arguments.of("metadata value not a string", "{\"__metadata__\":{\"epoch\":3}," + F32_W + "}", 4,
                        new String[] {"__metadata__ value of 'epoch' is a number, expected a string"}),
                Arguments.of("metadata not an object", "{\"__metadata__\":[\"a\"]}", 0, new String[] {"__metadata__ is an array"}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badHeaders")
    void badHeaderIsRefused(String name, String header, int dataBytes, String[] fragments) {
        Path file = RawSafetensors.write(dir, name.replace(' ', '-') + ".safetensors", header, dataBytes);
        assertMentions(refused(file).getMessage(), fragments);
    }

    @Test
    void wellFormedEdgeCasesAreAccepted() {
        String header = "{\"__metadata__\":null,\"s\":{\"dtype\":\"F64\",\"shape\":[],\"data_offsets\":[0,8]},"
                + "\"e\":{\"dtype\":\"F32\",\"shape\":[3,0],\"data_offsets\":[8,8]},\"z\":{\"dtype\":\"BOOL\",\"shape\":[0],\"data_offsets\":[8,8]},"
                + "\"x\":{\"dtype\":\"U8\",\"shape\":[1],\"data_offsets\":[8,9],\"extra\":true}}   ";
        Path file = RawSafetensors.write(dir, "edges.safetensors", header, 9);
        try (SafetensorsFile read = SafetensorsFile.open(file)) {
            assertEquals(java.util.List.of("s", "e", "z", "x"), read.tensorNames());
            assertEquals(0, read.readFloats("e").length);
            assertEquals(1, read.readFloats("s").length);
            assertTrue(read.metadata().isEmpty());
        }
    }
}
