package org.trainkit.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Property-style round trips with a fixed seed: random tensors (shapes of rank 0 to 3, empty ones
 * included, every dtype), random metadata, random shard sizes and random write chunks; everything
 * must read back the same through {@link Checkpoint}, and every shard must respect the size limit.
 */
class RandomRoundTripTest {

    private static final DType[] DTYPES = DType.values();

    @TempDir
    Path dir;

    /** One random tensor: for float kinds its values (exactly representable), otherwise its bytes. */
    private record Case(String name, DType dtype, long[] shape, float[] values, byte[] bytes) {
    }

    private static Case randomCase(Random random, int index) {
        DType dtype = DTYPES[random.nextInt(DTYPES.length)];
        long[] shape = new long[random.nextInt(4)];
        for (int d = 0; d < shape.length; d++) {
            shape[d] = random.nextInt(10) == 0 ? 0 : 1 + random.nextInt(7);
        }
        int count = (int) TensorInfo.elementCount(shape);
        String name = "layer." + index + "." + dtype.name().toLowerCase(java.util.Locale.ROOT);
        if (dtype.isFloat()) {
            float[] values = new float[count];
            for (int i = 0; i < count; i++) {
                values[i] = switch (dtype) {
                    case F16 -> HalfFloats.f16ToFloat((short) random.nextInt());
                    case BF16 -> HalfFloats.bf16ToFloat((short) random.nextInt());
                    default -> Float.intBitsToFloat(random.nextInt());
                };
            }
            return new Case(name, dtype, shape, values, null);
        }
        byte[] bytes = new byte[count * dtype.byteSize()];
        random.nextBytes(bytes);
        if (dtype == DType.BOOL) {
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] &= 1;
            }
        }
        return new Case(name, dtype, shape, null, bytes);
    }

    /** Feeds a case's data in random pieces. */
    private static void feed(Case c, TensorSink sink, Random random) throws java.io.IOException {
        int length = c.values != null ? c.values.length : c.bytes.length;
        int done = 0;
        while (done < length) {
            int n = 1 + random.nextInt(length - done);
            if (c.values != null) {
                sink.put(c.values, done, n);
            } else {
                sink.putBytes(ByteBuffer.wrap(c.bytes, done, n));
            }
            done += n;
        }
    }

    @Test
    void randomCheckpointsRoundTrip() {
        Random random = new Random(20261201L);
        for (int trial = 0; trial < 60; trial++) {
            List<Case> cases = new ArrayList<>();
            CheckpointWriter writer = CheckpointWriter.create();
            long total = 0;
            int tensors = 1 + random.nextInt(9);
            for (int i = 0; i < tensors; i++) {
                Case c = randomCase(random, i);
                cases.add(c);
                writer.tensor(c.name, c.dtype, c.shape);
                total += TensorInfo.elementCount(c.shape) * c.dtype.byteSize();
            }
            Map<String, String> metadata = new LinkedHashMap<>();
            for (int i = random.nextInt(3); i > 0; i--) {
                metadata.put("key" + random.nextInt(100), Long.toHexString(random.nextLong()));
            }
            writer.metadata(metadata);
            long maxShard = 1 + random.nextInt((int) total + 64);
            Map<String, Case> byName = new LinkedHashMap<>();
            cases.forEach(c -> byName.put(c.name, c));
            Random chunks = new Random(trial);
            Path out = writer.writeDirectory(dir.resolve("trial-" + trial), maxShard, (t, sink) -> feed(byName.get(t.name()), sink, chunks));

            String context = "trial " + trial + ", max shard " + maxShard + ", " + cases.size() + " tensors";
            try (Checkpoint checkpoint = Checkpoint.open(out)) {
                assertEquals(List.copyOf(byName.keySet()), checkpoint.tensorNames(), context);
                Map<String, String> expectedMetadata = new LinkedHashMap<>();
                if (checkpoint.files().size() > 1) {
                    expectedMetadata.put("total_size", Long.toString(total));
                }
                expectedMetadata.putAll(metadata);
                assertEquals(expectedMetadata, checkpoint.metadata(), context);
                for (Case c : cases) {
                    TensorInfo info = checkpoint.info(c.name);
                    assertEquals(c.dtype, info.dtype(), context);
                    assertArrayEquals(c.shape, info.shape(), context);
                    if (c.values != null) {
                        assertArrayEquals(c.values, checkpoint.readFloats(c.name), context + ", " + c.name);
                    } else {
                        ByteBuffer raw = checkpoint.rawBytes(c.name);
                        byte[] back = new byte[raw.remaining()];
                        raw.get(back);
                        assertArrayEquals(c.bytes, back, context + ", " + c.name);
                    }
                }
                for (Path shard : checkpoint.files()) {
                    try (SafetensorsFile file = SafetensorsFile.open(shard)) {
                        long bytes = file.tensorNames().stream().mapToLong(n -> file.info(n).byteLength()).sum();
                        assertTrue(bytes <= maxShard || file.tensorNames().size() == 1, context + ": " + shard + " holds " + bytes);
                        assertEquals(metadata, file.metadata(), context);
                    }
                }
            }
        }
    }
}
