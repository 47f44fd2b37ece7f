package org.trainkit.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trainkit.checkpoint.RawSafetensors.concat;
import static org.trainkit.checkpoint.RawSafetensors.u64;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Pickle checkpoints are refused, by name or by their first bytes, with how to convert them. */
class PickleRefusalTest {

    @TempDir
    Path dir;

    private static void assertRefusal(Path file, Runnable open) {
        CheckpointFormatException e = assertThrows(CheckpointFormatException.class, open::run);
        assertEquals(file, e.file());
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("a PyTorch pickle checkpoint"), e.getMessage());
        assertTrue(e.getMessage().contains("never unpickles"), e.getMessage());
        assertTrue(e.getMessage().contains("from safetensors.torch import save_file"), e.getMessage());
        assertTrue(e.getMessage().contains("save_file(torch.load(path, weights_only=True), \"model.safetensors\")"), e.getMessage());
    }

    /** A valid safetensors file, so that only the name can be the reason for a refusal. */
    private Path validSafetensors(String name) {
        return CheckpointWriter.create().tensor("w", DType.F32, 1)
                .writeFile(dir.resolve(name), (t, sink) -> sink.put(new float[] {1}));
    }

    @ParameterizedTest
    @ValueSource(strings = {"pytorch_model.bin", "model.pt", "weights.pth", "last.ckpt", "MODEL.PT"})
    void refusedByExtensionWhateverTheContent(String name) {
        Path file = validSafetensors(name);
        assertRefusal(file, () -> SafetensorsFile.open(file));
        assertRefusal(file, () -> Checkpoint.open(file));
    }

    @Test
    void zipArchiveWithoutExtensionRefusedByItsMagic() {
        byte[] zip = concat(new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0, 0, 0}, "archive/data.pkl".getBytes(StandardCharsets.US_ASCII));
        Path file = RawSafetensors.write(dir.resolve("checkpoint"), zip);
        assertRefusal(file, () -> SafetensorsFile.open(file));
        assertRefusal(file, () -> Checkpoint.open(file));
    }

    @Test
    void legacyPickleStreamWithoutExtensionRefusedByItsMagic() {
        byte[] pickle = {(byte) 0x80, 0x02, (byte) 0x8A, 0x0A, 0x6C, (byte) 0xFC, (byte) 0x9C, 0x46, (byte) 0xF9, 0x20, 0x6A, (byte) 0xA8, 0x50, 0x19, 0x2E};
        Path file = RawSafetensors.write(dir.resolve("weights"), pickle);
        assertRefusal(file, () -> SafetensorsFile.open(file));
        byte[] tiny = {(byte) 0x80, 0x04};
        Path short_ = RawSafetensors.write(dir.resolve("tiny"), tiny);
        assertRefusal(short_, () -> SafetensorsFile.open(short_));
    }

    @Test
    void aSafetensorsHeaderLengthStartingLikeAPickleIsNotMistakenForOne() {
        String json = "{\"w\":{\"dtype\":\"U8\",\"shape\":[1],\"data_offsets\":[0,1]}}";
        String padded = json + " ".repeat(640 - json.length()); // 640 = 0x0280: the file starts 0x80 0x02
        Path file = RawSafetensors.write(dir.resolve("model.safetensors"),
                concat(u64(640), padded.getBytes(StandardCharsets.US_ASCII), new byte[] {7}));
        try (SafetensorsFile read = SafetensorsFile.open(file)) {
            assertEquals(List.of("w"), read.tensorNames());
            assertEquals(7f, read.readFloats("w")[0]);
        }
    }

    @Test
    void directoryWithOnlyAPickleCheckpoint() throws IOException {
        Path model = Files.createDirectories(dir.resolve("hf-model"));
        Files.writeString(model.resolve("config.json"), "{}");
        Path bin = RawSafetensors.write(model.resolve("pytorch_model.bin"), new byte[] {'P', 'K', 3, 4});
        assertRefusal(bin, () -> Checkpoint.open(model));
    }
}
