package org.trainkit.checkpoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One safetensors file, opened memory-mapped: an 8-byte little-endian header length {@code N},
 * {@code N} bytes of UTF-8 JSON header (tensor entries and {@code __metadata__}), then the data
 * section, which is mapped read-only in chunks so that files and single tensors over 2 GiB work.
 * The whole header is checked on opening (see {@link CheckpointFormatException}); pickle
 * checkpoints are refused by name and by their first bytes, never unpickled.
 *
 * <pre>{@code
 * try (SafetensorsFile file = SafetensorsFile.open(path)) {
 *     float[] w = file.readFloats("0.weight");
 * }
 * }</pre>
 *
 * <p>Written here rather than taken from DJL, whose safetensors support reads the whole file into
 * one byte array (so fails past 2 GiB, and maps nothing), drops {@code __metadata__} and checks
 * nothing of the header.
 */
public final class SafetensorsFile implements TensorReader {

    /** The size of the mapped chunks: 1 GiB. */
    static final int CHUNK_BYTES = 1 << 30;

    private static final int SCRATCH_BYTES = 1 << 16;

    private final Path file;
    private final FileChannel channel;
    private final SafetensorsHeader header;
    private final Map<String, TensorInfo> byName;
    private final MappedRegion data;
    private volatile boolean closed;

    private SafetensorsFile(Path file, FileChannel channel, SafetensorsHeader header, MappedRegion data) {
        this.file = file;
        this.channel = channel;
        this.header = header;
        this.data = data;
        Map<String, TensorInfo> map = new LinkedHashMap<>();
        header.tensors().forEach(t -> map.put(t.name(), t));
        this.byName = map;
    }

    /**
     * Opens and checks {@code file}.
     *
     * @throws CheckpointFormatException when it is not a valid safetensors file, or is a pickle
     * @throws UncheckedIOException when it cannot be read
     */
    public static SafetensorsFile open(Path file) {
        return open(file, CHUNK_BYTES);
    }

    /** Opens {@code file} mapped in chunks of {@code chunkBytes} (small ones test chunk boundaries). */
    static SafetensorsFile open(Path file, int chunkBytes) {
        Objects.requireNonNull(file, "file");
        if (PickleGuard.namedLikePickle(file)) {
            throw PickleGuard.refusal(file, "named like a PyTorch pickle checkpoint " + PickleGuard.EXTENSIONS);
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ);
            long size = channel.size();
            long headerBytes = headerLength(file, channel, size);
            byte[] json = read(channel, 8, (int) headerBytes);
            long dataStart = 8 + headerBytes;
            SafetensorsHeader header = HeaderParser.parse(file, json, size - dataStart);
            MappedRegion data = new MappedRegion(channel, dataStart, size - dataStart, chunkBytes);
            SafetensorsFile opened = new SafetensorsFile(file, channel, header, data);
            channel = null;
            return opened;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e, e);
        } finally {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // The open already failed and reports that.
                }
            }
        }
    }

    /** The header length from the first 8 bytes, checked against the file (and pickle magic). */
    private static long headerLength(Path file, FileChannel channel, long size) throws IOException {
        byte[] start = read(channel, 0, (int) Math.min(size, 9));
        long length = start.length >= 8 ? ByteBuffer.wrap(start).order(ByteOrder.LITTLE_ENDIAN).getLong() : -1;
        boolean plausible = start.length == 9 && length >= 0 && length <= size - 8 && start[8] == '{';
        if (!plausible && PickleGuard.startsLikePickle(start)) {
            throw PickleGuard.refusal(file, "starts like a PyTorch pickle checkpoint (a zip archive or a pickle stream)");
        }
        if (size < 8) {
            throw new CheckpointFormatException(file, "the file has " + size
                    + " bytes, fewer than the 8 of the header length");
        }
        if (length < 0 || length > SafetensorsHeader.MAX_BYTES) {
            throw new CheckpointFormatException(file, "the header length " + Long.toUnsignedString(length)
                    + " is over the limit of " + SafetensorsHeader.MAX_BYTES + " bytes");
        }
        if (length > size - 8) {
            throw new CheckpointFormatException(file, "the header length " + length
                    + " runs past the end of the file (" + size + " bytes, " + (size - 8) + " after the length)");
        }
        return length;
    }

    private static byte[] read(FileChannel channel, long position, int count) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(count);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new IOException("unexpected end of file at byte " + (position + buffer.position()));
            }
        }
        return buffer.array();
    }

    @Override
    public Path source() {
        return file;
    }

    @Override
    public Map<String, String> metadata() {
        return header.metadata();
    }

    @Override
    public List<String> tensorNames() {
        return List.copyOf(byName.keySet());
    }

    @Override
    public boolean contains(String name) {
        return byName.containsKey(name);
    }

    @Override
    public TensorInfo info(String name) {
        TensorInfo info = byName.get(name);
        if (info == null) {
            List<String> names = tensorNames();
            throw new IllegalArgumentException(file + ": no tensor '" + name + "'; it has " + names.size()
                    + " tensors: " + names.subList(0, Math.min(names.size(), 10)) + (names.size() > 10 ? "..." : ""));
        }
        return info;
    }

    @Override
    public void readFloats(String name, long fromElement, float[] destination, int offset, int count) {
        checkOpen();
        TensorInfo info = info(name);
        DType dtype = info.dtype();
        if (!dtype.readableAsFloat()) {
            throw new IllegalArgumentException(file + ": tensor '" + name + "' is " + dtype
                    + ", readable as raw bytes only (rawBytes)");
        }
        Objects.checkFromIndexSize(offset, count, destination.length);
        if (fromElement < 0 || fromElement > info.elementCount() - count) {
            throw new IndexOutOfBoundsException(file + ": tensor '" + name + "': elements [" + fromElement + ", "
                    + (fromElement + count) + ") outside its " + info.elementCount());
        }
        int size = dtype.byteSize();
        long bytes = (long) count * size;
        if (bytes <= Integer.MAX_VALUE) {
            // straight from the mapping: one copy (a memory copy for F32), no scratch array
            try {
                FloatCodec.decode(dtype, data.view(info.begin() + fromElement * size, (int) bytes), destination, offset, count);
                return;
            } catch (IOException e) {
                throw new UncheckedIOException(file + ": cannot map tensor '" + name + "': " + e.getMessage(), e);
            }
        }
        byte[] scratch = new byte[(int) Math.min((long) count * size, SCRATCH_BYTES)];
        ByteBuffer buffer = ByteBuffer.wrap(scratch).order(ByteOrder.LITTLE_ENDIAN);
        long position = info.begin() + fromElement * size;
        int done = 0;
        while (done < count) {
            int n = Math.min(count - done, scratch.length / size);
            data.copy(position, scratch, 0, n * size);
            buffer.clear();
            FloatCodec.decode(dtype, buffer, destination, offset + done, n);
            position += (long) n * size;
            done += n;
        }
    }

    @Override
    public ByteBuffer rawBytes(String name, long fromByte, int length) {
        checkOpen();
        TensorInfo info = info(name);
        if (fromByte < 0 || length < 0 || fromByte > info.byteLength() - length) {
            throw new IndexOutOfBoundsException(file + ": tensor '" + name + "': bytes [" + fromByte + ", "
                    + (fromByte + length) + ") outside its " + info.byteLength());
        }
        try {
            return data.view(info.begin() + fromByte, length);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot map " + file + ": " + e, e);
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException(file + " is closed");
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + file + ": " + e, e);
        }
    }

    @Override
    public String toString() {
        return "SafetensorsFile[" + file + ", " + byName.size() + " tensors]";
    }
}
