package org.trainkit.train;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Everything that defines a {@link Trainer} run, as text: two runs with equal settings train the
 * same steps on the same samples and give bit-identical results. The settings name the run's log
 * file ({@link #hash()}), are written beside it ({@link #canonicalText()}), and are what a
 * checkpoint records about its run ({@link #metadata()}, a string map as safetensors
 * {@code __metadata__} holds).
 *
 * @param name the run's name
 * @param model the architecture, e.g. {@code mlp(256)}
 * @param optimizer the optimizer and its settings
 * @param schedule the learning-rate schedule's spec text ({@link org.trainkit.schedules.Schedule#spec()})
 * @param batchSize the largest number of samples per step
 * @param steps the step budget: the run's length, or its upper bound when the sampler decides
 *     how long an epoch lasts
 * @param epochs the number of epochs asked for, 0 when the run is bounded by steps
 * @param seed the seed of parameter initialisation and sampling
 * @param sampler the batch sampler's description
 * @param weighting the sample weighting's description, {@code none} without one
 * @param initialParameters {@code random} (initialised from the seed) or the SHA-256 of the
 *     given initial parameters
 * @param train the training split
 * @param test the test split
 */
public record RunSettings(String name, String model, String optimizer, String schedule, int batchSize, int steps,
        int epochs, long seed, String sampler, String weighting, String initialParameters, String train, String test) {

    /** Checks the fields. */
    public RunSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(optimizer, "optimizer");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(sampler, "sampler");
        Objects.requireNonNull(weighting, "weighting");
        Objects.requireNonNull(initialParameters, "initialParameters");
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
    }

    /** The settings as an ordered string map, one entry per field under the field's name. */
    public Map<String, String> metadata() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("name", name);
        map.put("model", model);
        map.put("optimizer", optimizer);
        map.put("schedule", schedule);
        map.put("batchSize", Integer.toString(batchSize));
        map.put("steps", Integer.toString(steps));
        map.put("epochs", Integer.toString(epochs));
        map.put("seed", Long.toString(seed));
        map.put("sampler", sampler);
        map.put("weighting", weighting);
        map.put("initialParameters", initialParameters);
        map.put("train", train);
        map.put("test", test);
        return map;
    }

    /**
     * The canonical text of the settings: {@link #metadata()} as a one-line JSON object, fields in
     * order, no spaces, then a newline.
     */
    public String canonicalText() {
        StringBuilder json = new StringBuilder("{");
        metadata().forEach((key, value) -> {
            if (json.length() > 1) {
                json.append(',');
            }
            quote(key, json);
            json.append(':');
            quote(value, json);
        });
        return json.append("}\n").toString();
    }

    /** Appends {@code text} as a JSON string (RFC 8259: quote, backslash and control characters escaped). */
    private static void quote(String text, StringBuilder json) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }

    /** A short stable hash of the settings: the first 8 hex digits of the SHA-256 of {@link #canonicalText()}. */
    public String hash() {
        return sha256(canonicalText().getBytes(StandardCharsets.UTF_8)).substring(0, 8);
    }

    /** The hex SHA-256 of {@code bytes}. */
    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }
}
