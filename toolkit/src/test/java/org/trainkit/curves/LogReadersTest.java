package org.trainkit.curves;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The TensorBoard and W&B readers on files written here: event records with their masked CRC-32C
 * computed independently of the reader, in the TF1 (simple_value) and TF2 / PyTorch (tensor) forms,
 * and corrupt or truncated records, which must be errors naming the file and the byte offset.
 */
class LogReadersTest {

    @TempDir
    Path dir;

    /** CRC-32C masked as TensorBoard does (REFERENCES.md section 5), computed here, not by the reader. */
    private static int masked(byte[] bytes) {
        CRC32C crc = new CRC32C();
        crc.update(bytes);
        long c = crc.getValue();
        long rotated = ((c >>> 15) | (c << 17)) & 0xffffffffL;
        return (int) ((rotated + 0xa282ead8L) & 0xffffffffL);
    }

    private static byte[] record(byte[] data) {
        ByteBuffer out = ByteBuffer.allocate(16 + data.length).order(ByteOrder.LITTLE_ENDIAN);
        byte[] length = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(data.length).array();
        out.put(length).putInt(masked(length)).put(data).putInt(masked(data));
        return out.array();
    }

    /** An Event with one summary value: simple_value (TF1) or a one-element float tensor (TF2). */
    private static byte[] event(long step, String tag, double value, boolean tensor) throws IOException {
        ByteArrayOutputStream v = new ByteArrayOutputStream();
        CodedOutputStream value1 = CodedOutputStream.newInstance(v);
        value1.writeString(1, tag);
        if (tensor) {
            ByteArrayOutputStream t = new ByteArrayOutputStream();
            CodedOutputStream tensorOut = CodedOutputStream.newInstance(t);
            tensorOut.writeEnum(1, 1);
            tensorOut.writeBytes(4, ByteString.copyFrom(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN)
                    .putFloat((float) value).array()));
            tensorOut.flush();
            value1.writeBytes(8, ByteString.copyFrom(t.toByteArray()));
        } else {
            value1.writeFloat(2, (float) value);
        }
        value1.flush();
        ByteArrayOutputStream s = new ByteArrayOutputStream();
        CodedOutputStream summary = CodedOutputStream.newInstance(s);
        summary.writeBytes(1, ByteString.copyFrom(v.toByteArray()));
        summary.flush();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        CodedOutputStream eventOut = CodedOutputStream.newInstance(e);
        eventOut.writeDouble(1, 1.7e9 + step);
        eventOut.writeInt64(2, step);
        eventOut.writeBytes(5, ByteString.copyFrom(s.toByteArray()));
        eventOut.flush();
        return e.toByteArray();
    }

    private static byte[] fileVersion() throws IOException {
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        CodedOutputStream eventOut = CodedOutputStream.newInstance(e);
        eventOut.writeDouble(1, 1.7e9);
        eventOut.writeString(3, "brain.Event:2");
        eventOut.flush();
        return e.toByteArray();
    }

    private Path writeRun(boolean tensor) throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.write(record(fileVersion()));
        for (int step = 0; step <= 100; step += 10) {
            file.write(record(event(step, "lr", 1e-3, tensor)));
            if (step > 0) {
                file.write(record(event(step, "train/loss", 3.0 - step / 100.0, tensor)));
            }
        }
        Path run = Files.createDirectories(dir.resolve("run1"));
        return Files.write(run.resolve("events.out.tfevents.1700000000.host.1.0"), file.toByteArray());
    }

    @Test
    void readsSimpleValuesAndTensorsWithTheirSteps() throws IOException {
        for (boolean tensor : new boolean[] {false, true}) {
            Path file = writeRun(tensor);
            LossCurve curve = LossCurves.readTensorBoard(file, "train/loss", "lr");
            assertEquals("run1", curve.name());
            assertArrayEquals(new int[] {10, 20, 30, 40, 50, 60, 70, 80, 90, 100}, curve.steps());
            assertEquals((float) 2.9, (float) curve.losses()[0]);
            assertEquals(101, curve.totalSteps());
            assertEquals((float) 1e-3, (float) curve.learningRates()[55]);
            assertEquals(curve.steps().length, LossCurves.readTensorBoard(file.getParent(), "train/loss", "lr").size());
        }
    }

    @Test
    void aCorruptRecordIsAnErrorNamingTheFileAndOffset() throws IOException {
        Path file = writeRun(false);
        byte[] bytes = Files.readAllBytes(file);
        int secondRecord = record(fileVersion()).length;
        bytes[secondRecord + 14] ^= 0x40;   // a byte of the second record's data
        Files.write(file, bytes);
        CurveFormatException e = assertThrows(CurveFormatException.class,
                () -> LossCurves.readTensorBoard(file, "train/loss", "lr"));
        assertEquals(file.toString(), e.source());
        assertEquals(secondRecord, e.line());
        assertTrue(e.getMessage().contains("byte offset " + secondRecord) && e.getMessage().contains("CRC"),
                e.getMessage());
    }

    @Test
    void aCorruptLengthAndATruncatedFileAreErrors() throws IOException {
        Path file = writeRun(false);
        byte[] bytes = Files.readAllBytes(file);
        byte[] badLength = bytes.clone();
        badLength[2] ^= 1;
        Files.write(file, badLength);
        CurveFormatException length = assertThrows(CurveFormatException.class,
                () -> LossCurves.readTensorBoard(file, "train/loss", "lr"));
        assertTrue(length.getMessage().contains("byte offset 0") && length.getMessage().contains("length"),
                length.getMessage());
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 3));
        CurveFormatException truncated = assertThrows(CurveFormatException.class,
                () -> LossCurves.readTensorBoard(file, "train/loss", "lr"));
        assertTrue(truncated.getMessage().contains("truncated"), truncated.getMessage());
    }

    @Test
    void aMissingTagIsNamed() throws IOException {
        Path file = writeRun(true);
        CurveFormatException e = assertThrows(CurveFormatException.class,
                () -> LossCurves.readTensorBoard(file, "loss", "lr"));
        assertTrue(e.getMessage().contains("'loss'"), e.getMessage());
    }

    @Test
    void aRecordThatIsNotAnEventIsAnError() throws IOException {
        Path file = dir.resolve("events.out.tfevents.bad");
        Files.write(file, record(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff}));
        CurveFormatException e = assertThrows(CurveFormatException.class,
                () -> LossCurves.readTensorBoard(file, "train/loss", "lr"));
        assertTrue(e.getMessage().contains("not an Event"), e.getMessage());
    }

    @Test
    void readsWandbCsvAndJsonHistoryWithGaps() throws IOException {
        Path csv = Files.writeString(dir.resolve("history.csv"),
                "_step,_runtime,train/loss,lr\n0,1.0,,0.001\n10,2.0,2.9,\n20,3.0,2.8,0.001\n30,4.0,,\n40,5.0,2.7,\n");
        CurveColumns columns = new CurveColumns("_step", "lr", "train/loss");
        LossCurve fromCsv = LossCurves.readWandbCsv(csv, columns);
        assertArrayEquals(new int[] {10, 20, 40}, fromCsv.steps());
        assertEquals(41, fromCsv.totalSteps());
        assertEquals(0.001, fromCsv.learningRates()[40]);
        Path jsonl = Files.writeString(dir.resolve("history.jsonl"),
                "{\"_step\": 0, \"lr\": 0.001}\n{\"_step\": 10, \"train/loss\": 2.9, \"lr\": null}\n"
                        + "{\"_step\": 20, \"train/loss\": 2.8, \"lr\": 0.001}\n{\"_step\": 40, \"train/loss\": 2.7}\n");
        LossCurve fromJson = LossCurves.readWandbJsonLines(jsonl, columns);
        assertArrayEquals(fromCsv.steps(), fromJson.steps());
        assertArrayEquals(fromCsv.losses(), fromJson.losses());
        Path bad = Files.writeString(dir.resolve("bad.csv"), "_step,train/loss,lr\n0,,0.001\n10,-1,\n");
        CurveFormatException e = assertThrows(CurveFormatException.class, () -> LossCurves.readWandbCsv(bad, columns));
        assertTrue(e.getMessage().contains("line 3") && e.getMessage().contains("train/loss"), e.getMessage());
        CurveFormatException missing = assertThrows(CurveFormatException.class,
                () -> LossCurves.readWandbCsv(csv, new CurveColumns("_step", "learning_rate", "train/loss")));
        assertTrue(missing.getMessage().contains("learning_rate"), missing.getMessage());
    }
}
