package org.trainkit.curves;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.WireFormat;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32C;

/**
 * Reads the scalar series of a TensorBoard event file ({@code events.out.tfevents.*}): a sequence
 * of records {@code uint64 length | uint32 masked CRC-32C of the length | data | uint32 masked
 * CRC-32C of the data} (little-endian; mask {@code ((crc >>> 15) | (crc << 17)) + 0xa282ead8}),
 * each {@code data} an {@code Event} protobuf: {@code step} (field 2) and {@code summary} (5), whose
 * repeated {@code value} (1) has a {@code tag} (1) and either {@code simple_value} (2, TF1-style
 * writers) or a {@code tensor} (8, TF2 and PyTorch's writer) with {@code float_val} (5),
 * {@code double_val} (6) or raw {@code tensor_content} (4) of dtype float (1) or double (2).
 *
 * <p>Both CRCs of every record are checked. Decoding uses protobuf-java's {@link CodedInputStream}
 * on the few fields above rather than classes generated from TensorFlow's {@code .proto} files:
 * no protoc is available at build time here, and generated code for the whole Event/Summary/Tensor
 * message tree would be thousands of lines for four scalar fields; the wire format itself is decoded
 * by the library, and unknown fields are skipped as the format requires.
 */
final class TensorBoardEvents {

    private static final int MASK_DELTA = 0xa282ead8;
    private static final int DT_FLOAT = 1;
    private static final int DT_DOUBLE = 2;

    private TensorBoardEvents() {
    }

    /** The masked CRC-32C of {@code bytes[offset .. offset+length)}, as TensorBoard stores it. */
    static int maskedCrc(byte[] bytes, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, offset, length);
        int value = (int) crc.getValue();
        return ((value >>> 15) | (value << 17)) + MASK_DELTA;
    }

    /**
     * Adds the file's values of {@code lossTag} and {@code lrTag} to {@code series}, in file order.
     *
     * @throws CurveFormatException naming the file and the record's byte offset for a truncated
     *     record, a CRC mismatch or a record that is not an Event
     */
    static void read(Path file, String lossTag, String lrTag, ScalarSeries series) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            long offset = 0;
            byte[] header = new byte[12];
            while (true) {
                int got = in.readNBytes(header, 0, 12);
                if (got == 0) {
                    return;
                }
                if (got < 12) {
                    throw series.error(offset, "truncated record header (" + got + " of 12 bytes)");
                }
                ByteBuffer head = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
                long length = head.getLong(0);
                int lengthCrc = head.getInt(8);
                if (lengthCrc != maskedCrc(header, 0, 8)) {
                    throw series.error(offset, "the CRC of the record length does not match (corrupt record)");
                }
                if (length < 0 || length > Integer.MAX_VALUE - 8) {
                    throw series.error(offset, "record length " + Long.toUnsignedString(length) + " is not plausible");
                }
                byte[] data = new byte[(int) length + 4];
                int read = in.readNBytes(data, 0, data.length);
                if (read < data.length) {
                    throw series.error(offset, "truncated record (" + read + " of " + data.length
                            + " bytes of data and CRC)");
                }
                int dataCrc = ByteBuffer.wrap(data, (int) length, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
                if (dataCrc != maskedCrc(data, 0, (int) length)) {
                    throw series.error(offset, "the CRC of the record data does not match (corrupt record)");
                }
                try {
                    event(CodedInputStream.newInstance(data, 0, (int) length), offset, lossTag, lrTag, series);
                } catch (InvalidProtocolBufferException e) {
                    throw series.error(offset, "the record is not an Event protobuf: " + e.getMessage());
                }
                offset += 12 + data.length;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static void event(CodedInputStream in, long offset, String lossTag, String lrTag, ScalarSeries series)
            throws IOException {
        long step = 0;
        byte[] summary = null;
        while (true) {
            int tag = in.readTag();
            if (tag == 0) {
                break;
            }
            int field = WireFormat.getTagFieldNumber(tag);
            if (field == 2 && WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_VARINT) {
                step = in.readInt64();
            } else if (field == 5 && WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                summary = in.readByteArray();
            } else {
                in.skipField(tag);
            }
        }
        if (summary == null) {
            return;
        }
        CodedInputStream values = CodedInputStream.newInstance(summary);
        while (true) {
            int tag = values.readTag();
            if (tag == 0) {
                return;
            }
            if (WireFormat.getTagFieldNumber(tag) == 1 && WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                value(CodedInputStream.newInstance(values.readByteArray()), offset, step, lossTag, lrTag, series);
            } else {
                values.skipField(tag);
            }
        }
    }

    private static void value(CodedInputStream in, long offset, long step, String lossTag, String lrTag,
            ScalarSeries series) throws IOException {
        String name = null;
        double number = Double.NaN;
        boolean found = false;
        while (true) {
            int tag = in.readTag();
            if (tag == 0) {
                break;
            }
            int field = WireFormat.getTagFieldNumber(tag);
            int wire = WireFormat.getTagWireType(tag);
            if (field == 1 && wire == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                name = in.readStringRequireUtf8();
            } else if (field == 2 && wire == WireFormat.WIRETYPE_FIXED32) {
                number = in.readFloat();
                found = true;
            } else if (field == 8 && wire == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                double fromTensor = tensor(CodedInputStream.newInstance(in.readByteArray()));
                if (!Double.isNaN(fromTensor) || !found) {
                    number = fromTensor;
                    found = true;
                }
            } else {
                in.skipField(tag);
            }
        }
        if (name == null || !found) {
            return;
        }
        if (name.equals(lossTag)) {
            series.addLoss(offset, name, step, number);
        } else if (name.equals(lrTag)) {
            series.addLr(offset, name, step, number);
        }
    }

    /** The first element of a float or double TensorProto, NaN if it has none. */
    private static double tensor(CodedInputStream in) throws IOException {
        int dtype = 0;
        byte[] content = null;
        double first = Double.NaN;
        boolean haveFirst = false;
        while (true) {
            int tag = in.readTag();
            if (tag == 0) {
                break;
            }
            int field = WireFormat.getTagFieldNumber(tag);
            int wire = WireFormat.getTagWireType(tag);
            if (field == 1 && wire == WireFormat.WIRETYPE_VARINT) {
                dtype = in.readEnum();
            } else if (field == 4 && wire == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                content = in.readByteArray();
            } else if (field == 5 && wire == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                int limit = in.pushLimit(in.readRawVarint32());
                while (in.getBytesUntilLimit() > 0) {
                    float v = in.readFloat();
                    if (!haveFirst) {
                        first = v;
                        haveFirst = true;
                    }
                }
                in.popLimit(limit);
            } else if (field == 5 && wire == WireFormat.WIRETYPE_FIXED32) {
                float v = in.readFloat();
                if (!haveFirst) {
                    first = v;
                    haveFirst = true;
                }
            } else if (field == 6 && wire == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                int limit = in.pushLimit(in.readRawVarint32());
                while (in.getBytesUntilLimit() > 0) {
                    double v = in.readDouble();
                    if (!haveFirst) {
                        first = v;
                        haveFirst = true;
                    }
                }
                in.popLimit(limit);
            } else if (field == 6 && wire == WireFormat.WIRETYPE_FIXED64) {
                double v = in.readDouble();
                if (!haveFirst) {
                    first = v;
                    haveFirst = true;
                }
            } else {
                in.skipField(tag);
            }
        }
        if (haveFirst) {
            return first;
        }
        if (content != null) {
            ByteBuffer bytes = ByteBuffer.wrap(content).order(ByteOrder.LITTLE_ENDIAN);
            if (dtype == DT_FLOAT && content.length >= 4) {
                return bytes.getFloat(0);
            }
            if (dtype == DT_DOUBLE && content.length >= 8) {
                return bytes.getDouble(0);
            }
        }
        return Double.NaN;
    }
}
