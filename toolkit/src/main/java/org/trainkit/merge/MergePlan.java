package org.trainkit.merge;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.trainkit.checkpoint.DType;

/**
 * What a merge will do, worked out and checked before anything is written: the method, the
 * inputs, every output tensor with its sources, and the output files with their sizes. Its
 * {@link #text()} is what {@code --dry-run} prints.
 */
public final class MergePlan {

    private final MergeConfig config;
    private final List<Path> inputs;
    private final List<OutputTensor> tensors;
    private final Map<String, Long> shards;
    private final long inputBytes;

    MergePlan(MergeConfig config, List<Path> inputs, List<OutputTensor> tensors, Map<String, Long> shards, long inputBytes) {
        this.config = config;
        this.inputs = List.copyOf(inputs);
        this.tensors = List.copyOf(tensors);
        this.shards = new LinkedHashMap<>(shards);
        this.inputBytes = inputBytes;
    }

    /** The config. */
    public MergeConfig config() {
        return config;
    }

    /** The distinct input checkpoints, base first. */
    public List<Path> inputs() {
        return inputs;
    }

    /** The output tensor names, in output order. */
    public List<String> tensorNames() {
        return tensors.stream().map(OutputTensor::name).toList();
    }

    /** The output files (tensor bytes each; the index, when sharded, is not counted). */
    public Map<String, Long> files() {
        return new LinkedHashMap<>(shards);
    }

    /** The total tensor bytes written. */
    public long outputBytes() {
        return shards.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The total tensor bytes read. */
    public long inputBytes() {
        return inputBytes;
    }

    List<OutputTensor> tensors() {
        return tensors;
    }

    /** The plan for people: method, inputs, tensors by dtype, output size and shards. */
    public String text() {
        StringBuilder s = new StringBuilder();
        s.append("method ").append(config.method());
        if (!config.parameters().isEmpty()) {
            List<String> p = new ArrayList<>();
            config.parameters().forEach((k, v) -> p.add(k + "=" + v.text()));
            s.append(" (").append(String.join(", ", p)).append(")");
        }
        s.append('\n');
        if (config.base() != null) {
            s.append("base ").append(config.base().path()).append('\n');
        }
        List<ModelInput> models = new ArrayList<>(config.models());
        config.slices().forEach(slice -> slice.forEach(source -> models.add(source.model())));
        for (ModelInput m : models) {
            List<String> p = new ArrayList<>();
            m.parameters().forEach((k, v) -> p.add(k + "=" + v.text()));
            s.append("model ").append(m.path()).append(p.isEmpty() ? "" : " (" + String.join(", ", p) + ")").append('\n');
        }
        Map<DType, Integer> byType = new TreeMap<>();
        tensors.forEach(t -> byType.merge(t.dtype(), 1, Integer::sum));
        long copied = tensors.stream().filter(t -> !t.merged()).count();
        s.append(tensors.size()).append(" tensors ").append(byType).append(copied > 0 ? ", " + copied
                + " non-float copied from the first input" : "").append('\n');
        int shown = Math.min(5, tensors.size());
        for (int i = 0; i < shown; i++) {
            OutputTensor t = tensors.get(i);
            s.append("  ").append(t.name()).append(' ').append(t.dtype()).append(Arrays.toString(t.shape())).append(" from ")
                    .append(t.models().size()).append(" model(s)").append(t.base() != null ? " and the base" : "").append('\n');
        }
        if (tensors.size() > shown) {
            s.append("  ... ").append(tensors.size() - shown).append(" more\n");
        }
        s.append("reads ").append(Sizes.format(inputBytes)).append(", writes ").append(Sizes.format(outputBytes())).append(" in ")
                .append(shards.size()).append(" file(s):\n");
        shards.forEach((name, bytes) -> s.append("  ").append(name).append(' ').append(Sizes.format(bytes)).append('\n'));
        if (shards.size() > 1) {
            s.append("  model.safetensors.index.json\n");
        }
        return s.toString();
    }

    @Override
    public String toString() {
        return text();
    }
}
