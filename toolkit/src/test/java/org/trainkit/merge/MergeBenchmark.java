package org.trainkit.merge;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Times a linear or TIES merge of the files written by {@code src/test/python/merge_inputs.py}
 * and reports the peak anonymous memory of this process (RssAnon from /proc/self/status, sampled
 * every 5 ms: heap, stacks and native buffers, not the page cache of the memory-mapped inputs).
 * The numpy baseline is {@code src/test/python/merge_numpy_baseline.py}. Not a test: run it as
 * toolkit/BENCHMARKS.md says.
 *
 * <p>usage: {@code MergeBenchmark linear|ties INPUT_DIR OUTPUT_DIR [threads]} (with
 * {@code -Dmerge.sampleMs=0} for timed runs: no memory sampling); linear merges every
 * {@code m*.safetensors} with weight 1 (normalised); TIES takes {@code m0} as the base and the
 * others as models, density 0.5, weight 1.
 */
public final class MergeBenchmark {

    private MergeBenchmark() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        String method = args[0];
        Path input = Path.of(args[1]);
        Path output = Path.of(args[2]);
        List<Path> files;
        try (var list = Files.list(input)) {
            files = list.filter(p -> p.getFileName().toString().matches("m\\d+\\.safetensors")).sorted().toList();
        }
        MergeConfig.Builder config = MergeConfig.method(method);
        if (method.equals("ties")) {
            config.base(files.get(0));
            files.subList(1, files.size()).forEach(f -> config.model(f, "weight", 1.0, "density", 0.5));
        } else {
            files.forEach(f -> config.model(f, "weight", 1.0));
        }
        AtomicLong peakAnon = new AtomicLong();
        // sampling costs CPU (about 0.3 ms a read of /proc/self/status): timed runs turn it off with 0
        long sampleMs = Long.getLong("merge.sampleMs", 5);
        Thread sampler = new Thread(() -> {
            while (sampleMs > 0 && !Thread.currentThread().isInterrupted()) {
                peakAnon.accumulateAndGet(statusKib("RssAnon:"), Math::max);
                try {
                    Thread.sleep(sampleMs);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        Merger merger = Merger.of(config.build()).progress(false);
        if (args.length > 3) {
            merger.threads(Integer.parseInt(args[3]));
        }
        MergeReport report = merger.run(output);
        sampler.interrupt();
        sampler.join();
        peakAnon.accumulateAndGet(statusKib("RssAnon:"), Math::max);
        System.out.println(report.summary());
        if (sampleMs > 0) {
            System.out.printf(Locale.ROOT, "peak RssAnon %.0f MiB (sampled every %d ms), VmHWM (with mapped file pages) %.0f MiB%n",
                    peakAnon.get() / 1024.0, sampleMs, statusKib("VmHWM:") / 1024.0);
        }
    }

    private static long statusKib(String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(key)) {
                    return Long.parseLong(line.substring(key.length()).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }
}
