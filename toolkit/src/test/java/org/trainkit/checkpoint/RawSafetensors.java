package org.trainkit.checkpoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Safetensors files built byte by byte in tests, valid or not. */
final class RawSafetensors {

    private RawSafetensors() {
    }

    /** The 8-byte little-endian encoding of {@code value}. */
    static byte[] u64(long value) {
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(value).array();
    }

    /** Concatenates byte arrays. */
    static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        ByteBuffer all = ByteBuffer.allocate(length);
        for (byte[] part : parts) {
            all.put(part);
        }
        return all.array();
    }

    /** A file of the given header bytes (unpadded) followed by {@code dataBytes} zero bytes. */
    static byte[] file(byte[] header, int dataBytes) {
        return concat(u64(header.length), header, new byte[dataBytes]);
    }

    /** Writes {@code file(header as UTF-8, dataBytes)} to {@code directory/name}. */
    static Path write(Path directory, String name, String header, int dataBytes) {
        return write(directory.resolve(name), file(header.getBytes(StandardCharsets.UTF_8), dataBytes));
    }

    /** Writes {@code bytes} to {@code file}. */
    static Path write(Path file, byte[] bytes) {
        try {
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
