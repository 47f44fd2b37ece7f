package org.trainkit.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Fashion-MNIST (Xiao, Rasul and Vollgraf, "Fashion-MNIST: a Novel Image Dataset for
 * Benchmarking Machine Learning Algorithms", arXiv 1708.07747): 60,000 training and 10,000 test
 * grey-scale images of 28 x 28 pixels in 10 clothing classes, read from the four IDX files
 * ({@code train-images-idx3-ubyte}, {@code train-labels-idx1-ubyte}, {@code t10k-images-idx3-ubyte},
 * {@code t10k-labels-idx1-ubyte}, each gzip-compressed with {@code .gz} or plain). The directory
 * is {@code FASHION_MNIST_DIR} (system property, then environment variable), else
 * {@value #DEFAULT_DIRECTORY} (Debian's {@code dataset-fashion-mnist} package).
 */
public final class FashionMnist {

    /** The setting naming the directory of the IDX files. */
    public static final String DIRECTORY_SETTING = "FASHION_MNIST_DIR";
    /** The directory used when {@code FASHION_MNIST_DIR} is not set. */
    public static final String DEFAULT_DIRECTORY = "/usr/share/datasets/fashion-mnist";
    /** Image height and width in pixels. */
    public static final int SIDE = 28;
    /** The class names, indexed by label (from the dataset's paper). */
    public static final List<String> CLASS_NAMES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    private final Path directory;
    private final LabelledImages train;
    private final LabelledImages test;

    private FashionMnist(Path directory, LabelledImages train, LabelledImages test) {
        this.directory = directory;
        this.train = train;
        this.test = test;
    }

    /** The configured directory of the IDX files. */
    public static Path directory() {
        String setting = System.getProperty(DIRECTORY_SETTING);
        if (setting == null || setting.isBlank()) {
            setting = System.getenv(DIRECTORY_SETTING);
        }
        return Path.of(setting == null || setting.isBlank() ? DEFAULT_DIRECTORY : setting.trim());
    }

    /** Loads both splits from the configured directory. */
    public static FashionMnist load() {
        return load(directory());
    }

    /** Loads both splits from {@code directory}. */
    public static FashionMnist load(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new DataFileException(directory, "Fashion-MNIST directory not found (set " + DIRECTORY_SETTING
                    + ", or on Debian: apt-get install dataset-fashion-mnist)");
        }
        return new FashionMnist(directory, split(directory, "train", "fashion-mnist/train"),
                split(directory, "t10k", "fashion-mnist/test"));
    }

    private static LabelledImages split(Path directory, String prefix, String name) {
        IdxFile images = IdxFile.read(find(directory, prefix + "-images-idx3-ubyte"), 3);
        IdxFile labels = IdxFile.read(find(directory, prefix + "-labels-idx1-ubyte"), 1);
        int[] dims = images.dimensions();
        if (dims[1] != SIDE || dims[2] != SIDE) {
            throw new DataFileException(images.file(), "images are " + dims[1] + " x " + dims[2] + " pixels, expected "
                    + SIDE + " x " + SIDE);
        }
        if (labels.size() != dims[0]) {
            throw new DataFileException(labels.file(), labels.size() + " labels for " + dims[0] + " images in "
                    + images.file().getFileName());
        }
        int[] values = new int[labels.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = labels.value(i);
            if (values[i] >= CLASS_NAMES.size()) {
                throw new DataFileException(labels.file(), "label " + i + " is " + values[i] + ", expected 0.."
                        + (CLASS_NAMES.size() - 1));
            }
        }
        return LabelledImages.of(name, SIDE, SIDE, images.bytes(), values, CLASS_NAMES);
    }

    /** The file {@code base}.gz or {@code base} in {@code directory}, preferring the compressed one. */
    private static Path find(Path directory, String base) {
        Path gz = directory.resolve(base + ".gz");
        if (Files.exists(gz)) {
            return gz;
        }
        Path plain = directory.resolve(base);
        if (Files.exists(plain)) {
            return plain;
        }
        throw new DataFileException(gz, "file not found (nor " + plain.getFileName() + ")");
    }

    /** The directory the files were read from. */
    public Path source() {
        return directory;
    }

    /** The 60,000 training images. */
    public LabelledImages train() {
        return train;
    }

    /** The 10,000 test images. */
    public LabelledImages test() {
        return test;
    }

    @Override
    public String toString() {
        return "Fashion-MNIST from " + directory + ": " + train.size() + " train, " + test.size() + " test images";
    }
}
