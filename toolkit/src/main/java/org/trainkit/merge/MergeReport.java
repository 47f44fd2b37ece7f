package org.trainkit.merge;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What a merge wrote: where, which files, how many tensors and bytes, how long it took and the
 * throughput (input bytes read per second).
 *
 * @param output the output directory
 * @param files the checkpoint files written
 * @param tensors the number of tensors
 * @param outputBytes the tensor bytes written
 * @param inputBytes the tensor bytes read
 * @param seconds the wall time
 */
public record MergeReport(Path output, List<Path> files, int tensors, long outputBytes, long inputBytes, double seconds) {

    /** Input bytes read per second. */
    public double inputBytesPerSecond() {
        return inputBytes / Math.max(seconds, 1e-9);
    }

    /** One line: tensors, sizes, time, throughput. */
    public String summary() {
        return String.format(Locale.ROOT, "merged %d tensors into %s (%s in %d file%s) in %.2f s: %s read, %s/s",
                tensors, output, Sizes.format(outputBytes), files.size(), files.size() == 1 ? "" : "s", seconds,
                Sizes.format(inputBytes), Sizes.format((long) inputBytesPerSecond()));
    }

    @Override
    public String toString() {
        return summary();
    }
}
