package org.trainkit.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.trainkit.data.IdxBytes.gzip;
import static org.trainkit.data.IdxBytes.ramp;
import static org.trainkit.data.IdxBytes.ubyte;
import static org.trainkit.data.IdxBytes.write;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FashionMnistTest {

    @TempDir
    Path dir;

    /** Writes a synthetic Fashion-MNIST directory with the given image and label files. */
    private Path dataset(byte[] trainImages, byte[] trainLabels, byte[] testImages, byte[] testLabels) {
        write(dir.resolve("train-images-idx3-ubyte.gz"), gzip(trainImages));
        write(dir.resolve("train-labels-idx1-ubyte"), trainLabels);
        write(dir.resolve("t10k-images-idx3-ubyte"), testImages);
        write(dir.resolve("t10k-labels-idx1-ubyte.gz"), gzip(testLabels));
        return dir;
    }

    private static byte[] images(int count) {
        return ubyte(new int[] {count, 28, 28}, ramp(count * 784));
    }

    private static byte[] labels(int... values) {
        byte[] data = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            data[i] = (byte) values[i];
        }
        return ubyte(new int[] {values.length}, data);
    }

    @Test
    void realFilesHaveTheDocumentedShapeAndBalancedClasses() {
        Path real = FashionMnist.directory();
        assumeTrue(Files.isDirectory(real), "Fashion-MNIST is not installed in " + real);
        FashionMnist data = FashionMnist.load(real);
        assertEquals(60_000, data.train().size());
        assertEquals(10_000, data.test().size());
        assertEquals(28, data.train().rows());
        int[] perClassTrain = new int[10];
        for (int label : data.train().labels()) {
            perClassTrain[label]++;
        }
        int[] perClassTest = new int[10];
        for (int label : data.test().labels()) {
            perClassTest[label]++;
        }
        for (int c = 0; c < 10; c++) {
            assertEquals(6_000, perClassTrain[c], "train images of class " + c);
            assertEquals(1_000, perClassTest[c], "test images of class " + c);
        }
        assertEquals("Ankle boot", data.train().classNames().get(data.train().label(0)), "the first training image");
        float min = 1;
        float max = 0;
        for (float p : data.train().image(0)) {
            min = Math.min(min, p);
            max = Math.max(max, p);
        }
        assertEquals(0f, min);
        assertTrue(max > 0.9f && max <= 1f, "pixels scaled to [0, 1], max " + max);
    }

    @Test
    void syntheticFilesLoadPlainOrCompressed() {
        FashionMnist data = FashionMnist.load(dataset(images(3), labels(9, 0, 5), images(2), labels(1, 2)));
        assertEquals(3, data.train().size());
        assertEquals(2, data.test().size());
        assertEquals(9, data.train().label(0));
        assertEquals("Sandal", data.train().classNames().get(data.train().label(2)));
        assertEquals(2 / 255f, data.train().image(0)[2]);
        assertEquals(1f, data.train().image(0)[255]);
        assertEquals(dir, data.source());
        assertTrue(data.toString().contains("3 train, 2 test"));
    }

    @Test
    void copyImagesLaysOutABatch() {
        LabelledImages train = FashionMnist.load(dataset(images(3), labels(9, 0, 5), images(1), labels(1))).train();
        float[] batch = new float[2 * 784 + 1];
        train.copyImages(new int[] {2, 0}, batch, 1);
        assertArrayEquals(train.image(2), Arrays.copyOfRange(batch, 1, 785));
        assertArrayEquals(train.image(0), Arrays.copyOfRange(batch, 785, 1569));
        assertThrows(IllegalArgumentException.class, () -> train.copyImages(new int[] {0, 1}, new float[784], 0));
        LabelledImages head = train.head(2);
        assertEquals(2, head.size());
        assertArrayEquals(train.image(1), head.image(1));
        assertThrows(IllegalArgumentException.class, () -> train.head(4));
    }

    @Test
    void aMissingDirectoryOrFileIsNamed() throws IOException {
        DataFileException noDir = assertThrows(DataFileException.class, () -> FashionMnist.load(dir.resolve("nope")));
        assertTrue(noDir.getMessage().contains("FASHION_MNIST_DIR"), noDir.getMessage());
        dataset(images(1), labels(1), images(1), labels(1));
        Files.delete(dir.resolve("t10k-images-idx3-ubyte"));
        DataFileException missing = assertThrows(DataFileException.class, () -> FashionMnist.load(dir));
        assertEquals(dir.resolve("t10k-images-idx3-ubyte.gz"), missing.file());
        assertTrue(missing.getMessage().contains("nor t10k-images-idx3-ubyte"), missing.getMessage());
    }

    @Test
    void labelCountMustMatchImageCount() {
        DataFileException error = assertThrows(DataFileException.class,
                () -> FashionMnist.load(dataset(images(3), labels(1, 2), images(1), labels(1))));
        assertEquals(dir.resolve("train-labels-idx1-ubyte"), error.file());
        assertTrue(error.getMessage().contains("2 labels for 3 images"), error.getMessage());
    }

    @Test
    void labelsOutsideTheTenClassesAreAnError() {
        DataFileException error = assertThrows(DataFileException.class,
                () -> FashionMnist.load(dataset(images(2), labels(1, 10), images(1), labels(1))));
        assertTrue(error.getMessage().contains("label 1 is 10, expected 0..9"), error.getMessage());
    }

    @Test
    void imagesOfAnotherSizeAreAnError() {
        byte[] small = ubyte(new int[] {2, 20, 20}, ramp(800));
        DataFileException error = assertThrows(DataFileException.class,
                () -> FashionMnist.load(dataset(small, labels(1, 2), images(1), labels(1))));
        assertTrue(error.getMessage().contains("20 x 20 pixels, expected 28 x 28"), error.getMessage());
    }

    @Test
    void labelledImagesCheckTheirInput() {
        List<String> names = List.of("a", "b");
        assertThrows(IllegalArgumentException.class, () -> LabelledImages.of("x", 2, 2, new byte[7], new int[] {0, 1}, names));
        assertThrows(IllegalArgumentException.class, () -> LabelledImages.of("x", 2, 2, new byte[8], new int[] {0, 2}, names));
        assertThrows(IllegalArgumentException.class, () -> LabelledImages.of("x", 2, 2, new byte[0], new int[0], names));
        LabelledImages ok = LabelledImages.of("x", 2, 2, new byte[] {0, 0, 0, (byte) 255, 0, 0, 0, 0}, new int[] {1, 0}, names);
        assertEquals(1f, ok.image(0)[3]);
        assertEquals(2, ok.classes());
    }
}
