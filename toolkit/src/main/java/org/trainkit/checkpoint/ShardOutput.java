package org.trainkit.checkpoint;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes one safetensors file: its header, then each tensor's data as a {@link TensorFeed} gives
 * it, appended through a buffer or placed at offsets from several threads, checking that every
 * tensor gets exactly its byte length. All writes are positioned (the channel's own position is
 * not used), so placed pieces and appended bytes do not disturb each other.
 */
final class ShardOutput implements TensorSink {

    private static final int BUFFER_BYTES = 1 << 20;

    private final Path target;
    private final FileChannel channel;
    private final long dataStart;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    private final AtomicLong placed = new AtomicLong();
    private volatile TensorInfo tensor;
    private long written;
    private long position;

    private ShardOutput(Path target, FileChannel channel, long dataStart) {
        this.target = target;
        this.channel = channel;
        this.dataStart = dataStart;
    }

    /**
     * Writes {@code header} and the data of its tensors from {@code feed} to {@code temporary},
     * the file that will become {@code target} (named in messages).
     */
    static void write(Path temporary, Path target, SafetensorsHeader header, TensorFeed feed) throws IOException {
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            byte[] head = header.encode();
            ShardOutput output = new ShardOutput(target, channel, head.length);
            output.writeFully(ByteBuffer.wrap(head));
            for (TensorInfo tensor : header.tensors()) {
                output.tensor = tensor;
                output.written = 0;
                output.placed.set(0);
                feed.write(tensor, output);
                long given = output.written + output.placed.get();
                if (output.written > 0 && output.placed.get() > 0) {
                    throw new IllegalStateException(output.describe() + "the feed mixed appended and placed bytes");
                }
                if (given != tensor.byteLength()) {
                    throw new IllegalStateException(output.describe() + "the feed gave " + given
                            + " bytes, expected " + tensor.byteLength());
                }
                if (output.placed.get() > 0) {
                    output.flush(); // what earlier tensors left in the buffer goes before this one
                    output.position = head.length + tensor.end();
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

    @Override
    public void putBytesAt(long offset, ByteBuffer bytes) throws IOException {
        TensorInfo current = tensor;
        long n = bytes.remaining();
        if (offset < 0 || offset > current.byteLength() - n) {
            throw new IllegalStateException(describe() + "bytes [" + offset + ", " + (offset + n)
                    + ") lie outside its " + current.byteLength());
        }
        long at = dataStart + current.begin() + offset;
        while (bytes.hasRemaining()) {
            at += channel.write(bytes, at);
        }
        placed.addAndGet(n);
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

    /** Writes at the end of what was appended so far (positioned, since placed pieces come from several threads). */
    private void writeFully(ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) {
            position += channel.write(bytes, position);
        }
    }
}
