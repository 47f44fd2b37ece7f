package org.trainkit.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * An IDX file of unsigned bytes, the format of MNIST and Fashion-MNIST (LeCun et al., "The MNIST
 * database of handwritten digits"): a 4-byte big-endian magic number {@code 0x0000TTRR} with data
 * type {@code TT} (only {@code 0x08}, unsigned byte, is supported) and rank {@code RR}, then
 * {@code RR} big-endian 32-bit dimension sizes, then the values in row-major order. The file may be
 * gzip-compressed (recognised by its first two bytes, whatever its name). Every deviation (bad
 * magic number, wrong rank, non-positive dimension, too few or too many data bytes) is a
 * {@link DataFileException} naming the file.
 *
 * <p>Written here rather than taken from DJL's {@code basicdataset}: its Fashion-MNIST loader
 * fetches the files through DJL's repository layer (a download, which trainkit never does) and
 * does not say which file is malformed or how; the format itself is a few lines of header.
 */
public final class IdxFile {

    /** The IDX type code of unsigned bytes. */
    public static final int UNSIGNED_BYTE = 0x08;

    private final Path file;
    private final int[] dimensions;
    private final byte[] data;

    private IdxFile(Path file, int[] dimensions, byte[] data) {
        this.file = file;
        this.dimensions = dimensions;
        this.data = data;
    }

    /**
     * Reads {@code file}, which must hold unsigned bytes of rank {@code rank}. The header is
     * checked before any data are read; the data must end exactly where the dimensions say.
     */
    public static IdxFile read(Path file, int rank) {
        if (!Files.isRegularFile(file)) {
            throw new DataFileException(file, "file not found");
        }
        try (DataInputStream in = new DataInputStream(open(file))) {
            int magic = readHeaderInt(in, file, "the magic number");
            int expectedMagic = (UNSIGNED_BYTE << 8) | rank;
            if (magic != expectedMagic) {
                throw new DataFileException(file, String.format(
                        "bad magic number 0x%08X, expected 0x%08X (IDX unsigned bytes, %d dimensions)",
                        magic, expectedMagic, rank));
            }
            int[] dimensions = new int[rank];
            long count = 1;
            for (int d = 0; d < rank; d++) {
                dimensions[d] = readHeaderInt(in, file, "dimension " + (d + 1) + " of " + rank);
                if (dimensions[d] <= 0) {
                    throw new DataFileException(file, "dimension " + (d + 1) + " is " + dimensions[d]
                            + ", expected a positive size");
                }
                count *= dimensions[d];
            }
            if (count > Integer.MAX_VALUE - 8) {
                throw new DataFileException(file, "dimensions " + shape(dimensions) + " hold " + count
                        + " values, more than one array can (at most " + (Integer.MAX_VALUE - 8) + ")");
            }
            byte[] data = in.readNBytes((int) count);
            if (data.length < count) {
                throw new DataFileException(file, "truncated: expected " + count + " data bytes for "
                        + shape(dimensions) + ", found " + data.length);
            }
            long extra = 0;
            while (in.read() >= 0) {
                extra++;
            }
            if (extra > 0) {
                throw new DataFileException(file, extra + " bytes after the " + count + " data bytes expected for "
                        + shape(dimensions));
            }
            return new IdxFile(file, dimensions, data);
        } catch (NoSuchFileException e) {
            throw new DataFileException(file, "file not found", e);
        } catch (EOFException | ZipException e) {
            throw new DataFileException(file, "truncated or corrupt gzip stream (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new DataFileException(file, "cannot read: " + e.getMessage(), e);
        }
    }

    private static InputStream open(Path file) throws IOException {
        BufferedInputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        if (first == 0x1f && second == 0x8b) {
            return new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
        }
        return in;
    }

    private static int readHeaderInt(DataInputStream in, Path file, String what) throws IOException {
        try {
            return in.readInt();
        } catch (EOFException e) {
            throw new DataFileException(file, "truncated header: file ends before " + what, e);
        }
    }

    private static String shape(int[] dimensions) {
        StringBuilder text = new StringBuilder();
        for (int d : dimensions) {
            text.append(text.length() == 0 ? "" : " x ").append(d);
        }
        return text.toString();
    }

    /** The file read. */
    public Path file() {
        return file;
    }

    /** The dimension sizes, outermost first. */
    public int[] dimensions() {
        return dimensions.clone();
    }

    /** The number of values. */
    public int size() {
        return data.length;
    }

    /** Value {@code index} (row-major) as an unsigned number 0..255. */
    public int value(int index) {
        return data[index] & 0xFF;
    }

    /** The values (row-major) as raw signed bytes; the array is shared, not copied. */
    byte[] bytes() {
        return data;
    }

    @Override
    public String toString() {
        return "IdxFile[" + file + ", " + Arrays.toString(dimensions) + "]";
    }
}
