package org.trainkit.checkpoint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The index of a sharded checkpoint, {@code model.safetensors.index.json}:
 * {@code {"metadata": {...}, "weight_map": {tensor: shard file}}}, the shard files named relative
 * to the index's directory. The metadata conventionally holds {@code total_size}, the number of
 * tensor bytes; its values are kept as text (numbers as written).
 *
 * @param metadata the metadata, values as text
 * @param weightMap for each tensor, in order, the shard file that holds it
 */
record ShardIndex(Map<String, String> metadata, Map<String, String> weightMap) {

    /** The index's file name. */
    static final String FILE_NAME = "model.safetensors.index.json";

    ShardIndex {
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        weightMap = Collections.unmodifiableMap(new LinkedHashMap<>(weightMap));
    }

    /**
     * Reads and checks index file {@code index}.
     *
     * @throws CheckpointFormatException when it is not JSON, or has no {@code weight_map} object of
     *     strings, or a {@code metadata} that is not an object
     */
    static ShardIndex read(Path index) {
        JsonNode root;
        try {
            root = Json.DOCUMENT.readValue(Files.readString(index));
        } catch (JsonProcessingException e) {
            throw new CheckpointFormatException(index, "not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + index + ": " + e, e);
        }
        if (root == null || !root.isObject()) {
            throw new CheckpointFormatException(index, "expected a JSON object with a \"weight_map\"");
        }
        JsonNode weights = root.get("weight_map");
        if (weights == null || !weights.isObject()) {
            throw new CheckpointFormatException(index, "\"weight_map\" is " + (weights == null ? "missing" : Json.kind(weights))
                    + ", expected an object from tensor names to shard files");
        }
        Map<String, String> weightMap = new LinkedHashMap<>();
        weights.fields().forEachRemaining(entry -> {
            if (!entry.getValue().isTextual()) {
                throw new CheckpointFormatException(index, entry.getKey(), "its weight_map entry is "
                        + Json.kind(entry.getValue()) + ", expected a shard file name");
            }
            weightMap.put(entry.getKey(), entry.getValue().textValue());
        });
        Map<String, String> metadata = new LinkedHashMap<>();
        JsonNode meta = root.get("metadata");
        if (meta != null && !meta.isNull()) {
            if (!meta.isObject()) {
                throw new CheckpointFormatException(index, "\"metadata\" is " + Json.kind(meta) + ", expected an object");
            }
            meta.fields().forEachRemaining(entry -> metadata.put(entry.getKey(),
                    entry.getValue().isTextual() ? entry.getValue().textValue() : entry.getValue().toString()));
        }
        return new ShardIndex(metadata, weightMap);
    }

    /**
     * The index as JSON text: {@code total_size} (a number) first in the metadata, then the other
     * metadata (strings), then the weight map in order.
     */
    static String encode(long totalSize, Map<String, String> metadata, Map<String, String> weightMap) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        ObjectNode meta = root.putObject("metadata");
        meta.put("total_size", totalSize);
        metadata.forEach(meta::put);
        ObjectNode weights = root.putObject("weight_map");
        weightMap.forEach(weights::put);
        try {
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not encode a shard index", e);
        }
    }
}
