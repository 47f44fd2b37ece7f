package org.trainkit.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tensors whose bytes a feed places at offsets from several threads ({@link TensorSink#putBytesAt})
 * give the same file as appending them, also between appended tensors (whose buffered bytes must
 * land before and after), and wrong placements are refused.
 */
class PlacedWriteTest {

    @TempDir
    Path dir;

    static final long[][] SHAPES = {{1000}, {3, 50_000}, {5}, {70_001}};

    CheckpointWriter writer(DType dtype) {
        CheckpointWriter w = CheckpointWriter.create().metadata(Map.of("format", "pt"));
        for (int t = 0; t < SHAPES.length; t++) {
            w.tensor("t" + t, dtype, SHAPES[t]);
        }
        return w;
    }

    static float[] values(TensorInfo tensor) {
        Random random = new Random(tensor.name().hashCode());
        float[] v = new float[(int) tensor.elementCount()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return v;
    }

    @Test
    void placedPiecesInAnyOrderFromThreadsGiveTheAppendedFile() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            for (DType dtype : List.of(DType.F32, DType.BF16, DType.F16, DType.F64)) {
                Path appended = writer(dtype).writeFile(dir.resolve("appended-" + dtype + ".safetensors"),
                        (tensor, sink) -> sink.put(values(tensor)));
                // tensors 1 and 3 placed in shuffled pieces of 4,099 elements; 0 and 2 appended around them
                Path placed = writer(dtype).writeFile(dir.resolve("placed-" + dtype + ".safetensors"), (tensor, sink) -> {
                    float[] v = values(tensor);
                    if (tensor.name().equals("t0") || tensor.name().equals("t2")) {
                        int split = Math.min(3, v.length);
                        sink.put(v, 0, split);
                        sink.put(v, split, v.length - split);
                        return;
                    }
                    List<Integer> starts = new ArrayList<>();
                    for (int from = 0; from < v.length; from += 4099) {
                        starts.add(from);
                    }
                    Collections.shuffle(starts, new Random(7));
                    List<Future<?>> done = new ArrayList<>();
                    for (int from : starts) {
                        done.add(pool.submit(() -> {
                            int n = Math.min(4099, v.length - from);
                            ByteBuffer bytes = ByteBuffer.allocate(n * dtype.byteSize()).order(ByteOrder.LITTLE_ENDIAN);
                            dtype.encode(v, from, n, bytes);
                            sink.putBytesAt((long) from * dtype.byteSize(), bytes.flip());
                            return null;
                        }));
                    }
                    try {
                        for (Future<?> f : done) {
                            f.get();
                        }
                    } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
                        throw new java.io.IOException(e);
                    }
                });
                assertArrayEquals(Files.readAllBytes(appended), Files.readAllBytes(placed), dtype.toString());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void missingOverlongMixedAndOutsidePlacementsAreRefusedAndLeaveNoFile() {
        CheckpointWriter w = CheckpointWriter.create().tensor("a", DType.F32, 8);
        Path file = dir.resolve("bad.safetensors");
        ByteBuffer four = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        // half the tensor placed
        assertThrows(IllegalStateException.class, () -> w.writeFile(file, (t, sink) -> sink.putBytesAt(0, four.duplicate())));
        // outside the tensor
        IllegalStateException outside = assertThrows(IllegalStateException.class,
                () -> w.writeFile(file, (t, sink) -> sink.putBytesAt(20, four.duplicate())));
        assertTrue(outside.getMessage().contains("'a'") && outside.getMessage().contains("outside"), outside.getMessage());
        // appended and placed mixed
        IllegalStateException mixed = assertThrows(IllegalStateException.class, () -> w.writeFile(file, (t, sink) -> {
            sink.put(new float[4]);
            sink.putBytesAt(16, four.duplicate());
        }));
        assertTrue(mixed.getMessage().contains("mixed"), mixed.getMessage());
        assertFalse(Files.exists(file));
    }

    @Test
    void encodingRefusesWhatWouldNotBeSafetensorsBytes() {
        float[] v = {1, 2};
        assertThrows(IllegalArgumentException.class, () -> DType.F32.encode(v, 0, 2, ByteBuffer.allocate(8)));
        assertThrows(IllegalArgumentException.class,
                () -> DType.I32.encode(v, 0, 2, ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN)));
        assertThrows(java.nio.BufferOverflowException.class,
                () -> DType.F32.encode(v, 0, 2, ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN)));
        ByteBuffer b = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
        DType.BF16.encode(v, 0, 2, b);
        assertArrayEquals(new byte[] {(byte) 0x80, 0x3f, 0x00, 0x40}, b.array());
    }
}
