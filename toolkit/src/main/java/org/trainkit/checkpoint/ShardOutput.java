package org.trainkit.checkpoint;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Objects;

/**
 * Writes one safetensors file: its header, then each tensor's data as a {@link TensorFeed} gives
 * it, through a buffer, checking that every tensor gets exactly its byte length.
 */
final class ShardOutput implements TensorSink {

    private static final int BUFFER_BYTES = 1 << 20;

    private final Path target;
    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    private TensorInfo tensor;
    private long written;

    private ShardOutput(Path target, FileChannel channel) {
        this.target = target;
        this.channel = channel;
    }

    /**
     * Writes {@code header} and the data of its tensors from {@code feed} to {@code temporary},
     * the file that will become {@code target} (named in messages).
     */
    static void write(Path temporary, Path target, SafetensorsHeader header, TensorFeed feed) throws IOException {
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            ShardOutput output = new ShardOutput(target, channel);
            output.writeFully(ByteBuffer.wrap(header.encode()));
            for (TensorInfo tensor : header.tensors()) {
                output.tensor = tensor;
                output.written = 0;
                feed.write(tensor, output);
                if (output.written != tensor.byteLength()) {
                    throw new IllegalStateException(output.describe() + "the feed gave " + output.written
                            + " bytes, expected " + tensor.byteLength());
                }
            }
            output.flush();
        }
    }

    @Override
    public void put(float[] values, int offset, int count) throws IOException {
        DType dtype = tensor.dtype();
        if (!dtype.isFloat()) {
            throw new IllegalStateException(describe() + dtype + " cannot be written from floats; give its bytes with putBytes");
        }
        Objects.checkFromIndexSize(offset, count, values.length);
        reserve((long) count * dtype.byteSize());
        int size = dtype.byteSize();
        int done = 0;
        while (done < count) {
            if (buffer.remaining() < size) {
                flush();
            }
            int n = Math.min(count - done, buffer.remaining() / size);
            FloatCodec.encode(dtype, values, offset + done, n, buffer);
            done += n;
        }
    }

    @Override
    public void putBytes(ByteBuffer bytes) throws IOException {
        reserve(bytes.remaining());
        flush();
        writeFully(bytes);
    }

    /** Counts {@code bytes} more for the current tensor, refusing more than it holds. */
    private void reserve(long bytes) {
        if (bytes > tensor.byteLength() - written) {
            throw new IllegalStateException(describe() + "the feed gives more than its " + tensor.byteLength() + " bytes");
        }
        written += bytes;
    }

    private String describe() {
        return target + ": tensor '" + tensor.name() + "' (" + tensor.dtype() + Arrays.toString(tensor.shape()) + "): ";
    }

    private void flush() throws IOException {
        buffer.flip();
        writeFully(buffer);
        buffer.clear();
    }

    private void writeFully(ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
    }
}
