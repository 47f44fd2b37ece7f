package org.trainkit.checkpoint;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;

/**
 * A region of a file memory-mapped read-only in chunks, since one {@link MappedByteBuffer} holds
 * at most 2 GiB: positions are {@code long}, and a read that crosses chunk boundaries is served
 * from several. Reads use absolute positions only, so concurrent reads are safe.
 */
final class MappedRegion {

    private final FileChannel channel;
    private final long start;
    private final long length;
    private final long chunkBytes;
    private final MappedByteBuffer[] chunks;

    /** Maps {@code length} bytes of {@code channel} from {@code start}, in chunks of {@code chunkBytes}. */
    MappedRegion(FileChannel channel, long start, long length, int chunkBytes) throws IOException {
        this.channel = channel;
        this.start = start;
        this.length = length;
        this.chunkBytes = chunkBytes;
        int count = (int) ((length + chunkBytes - 1) / chunkBytes);
        chunks = new MappedByteBuffer[count];
        for (int i = 0; i < count; i++) {
            long from = (long) i * chunkBytes;
            chunks[i] = channel.map(FileChannel.MapMode.READ_ONLY, start + from, Math.min(chunkBytes, length - from));
        }
    }

    /** Copies {@code count} bytes from {@code position} into {@code destination[offset..]}. */
    void copy(long position, byte[] destination, int offset, int count) {
        checkRange(position, count);
        while (count > 0) {
            int chunk = (int) (position / chunkBytes);
            int within = (int) (position % chunkBytes);
            int n = Math.min(count, chunks[chunk].capacity() - within);
            chunks[chunk].get(within, destination, offset, n);
            position += n;
            offset += n;
            count -= n;
        }
    }

    /**
     * A read-only little-endian view of {@code count} bytes from {@code position}: a slice of one
     * chunk when the range lies in one, otherwise a mapping of its own.
     */
    ByteBuffer view(long position, int count) throws IOException {
        checkRange(position, count);
        int chunk = (int) (position / chunkBytes);
        int within = (int) (position % chunkBytes);
        ByteBuffer view;
        if (count == 0) {
            view = ByteBuffer.allocate(0);
        } else if (within + (long) count <= chunkBytes) {
            view = chunks[chunk].slice(within, count);
        } else {
            view = channel.map(FileChannel.MapMode.READ_ONLY, start + position, count);
        }
        return view.asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
    }

    private void checkRange(long position, int count) {
        if (position < 0 || count < 0 || position > length - count) {
            throw new IndexOutOfBoundsException("bytes [" + position + ", " + (position + count)
                    + ") outside the mapped " + length + " bytes");
        }
    }
}
