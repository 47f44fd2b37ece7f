package org.trainkit.merge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.trainkit.checkpoint.DType;

/**
 * Reads the popular Python merge tool's YAML config (Jackson's YAML module parses it): {@code
 * merge_method}, {@code base_model}, {@code models} or {@code slices}, {@code parameters}, {@code
 * dtype}, {@code out_dtype}. Every key that is not one of these is an error naming it (never
 * silently ignored), as is a parameter the method does not take. Model paths are local files or
 * directories, relative to the working directory as in that tool; hub model ids are not fetched.
 */
final class ConfigReader {

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Set<String> TOP = Set.of("merge_method", "base_model", "models", "slices", "parameters",
            "dtype", "out_dtype");
    private static final Set<String> MODEL = Set.of("model", "parameters");
    private static final Set<String> SOURCE = Set.of("model", "layer_range", "parameters");

    private ConfigReader() {
    }

    static MergeConfig read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read merge config " + file + ": " + e.getMessage(), e);
        }
        return parse(file, text);
    }

    static MergeConfig parse(Path file, String text) {
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            throw new MergeConfigException(file, "not valid YAML: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new MergeConfigException(file, "(top level)", "expected a mapping with merge_method and models or slices");
        }
        checkKeys(file, "", root, TOP);
        String method = text(file, "merge_method", root.get("merge_method"));
        if (method == null) {
            throw new MergeConfigException(file, "merge_method", "missing; expected one of " + MergeMethods.names());
        }
        if (!MergeMethods.names().contains(method)) {
            throw new MergeConfigException(file, "merge_method", "unknown method '" + method + "'; expected one of "
                    + MergeMethods.names());
        }
        String basePath = text(file, "base_model", root.get("base_model"));
        ModelInput base = basePath == null ? null : new ModelInput(Path.of(basePath), Map.of());
        List<ModelInput> models = new ArrayList<>();
        JsonNode modelsNode = root.get("models");
        if (modelsNode != null) {
            if (!modelsNode.isArray()) {
                throw new MergeConfigException(file, "models", "expected a list of {model, parameters}");
            }
            for (int i = 0; i < modelsNode.size(); i++) {
                models.add(model(file, "models[" + i + "]", modelsNode.get(i), MODEL));
            }
        }
        List<List<SliceSource>> slices = new ArrayList<>();
        JsonNode slicesNode = root.get("slices");
        if (slicesNode != null) {
            if (!slicesNode.isArray()) {
                throw new MergeConfigException(file, "slices", "expected a list of {sources: [...]}");
            }
            for (int i = 0; i < slicesNode.size(); i++) {
                slices.add(slice(file, "slices[" + i + "]", slicesNode.get(i)));
            }
        }
        Map<String, ParameterValue> parameters = parameters(file, "parameters", root.get("parameters"));
        DType dtype = dtype(file, "dtype", root.get("dtype"));
        DType outDtype = dtype(file, "out_dtype", root.get("out_dtype"));
        try {
            return new MergeConfig(method, base, models, slices, parameters, outDtype != null ? outDtype : dtype, text);
        } catch (MergeConfigException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new MergeConfigException(file, e.getMessage(), e);
        }
    }

    private static List<SliceSource> slice(Path file, String key, JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new MergeConfigException(file, key, "expected a mapping with sources");
        }
        checkKeys(file, key + ".", node, Set.of("sources"));
        JsonNode sources = node.get("sources");
        if (sources == null || !sources.isArray() || sources.isEmpty()) {
            throw new MergeConfigException(file, key + ".sources", "expected a non-empty list of {model, layer_range}");
        }
        List<SliceSource> list = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            String k = key + ".sources[" + i + "]";
            JsonNode source = sources.get(i);
            ModelInput model = model(file, k, source, SOURCE);
            JsonNode range = source.get("layer_range");
            if (range == null || !range.isArray() || range.size() != 2 || !range.get(0).isInt() || !range.get(1).isInt()) {
                throw new MergeConfigException(file, k + ".layer_range", "expected [from, to], two integers, got " + range);
            }
            try {
                list.add(new SliceSource(model, range.get(0).asInt(), range.get(1).asInt()));
            } catch (IllegalArgumentException e) {
                throw new MergeConfigException(file, k + ".layer_range", e.getMessage());
            }
            if (list.get(i).length() != list.get(0).length()) {
                throw new MergeConfigException(file, k + ".layer_range", "spans " + list.get(i).length()
                        + " layers but the slice's first source spans " + list.get(0).length());
            }
        }
        return list;
    }

    private static ModelInput model(Path file, String key, JsonNode node, Set<String> allowed) {
        if (node == null || !node.isObject()) {
            throw new MergeConfigException(file, key, "expected a mapping with 'model' (a path) and optional 'parameters'");
        }
        checkKeys(file, key + ".", node, allowed);
        String path = text(file, key + ".model", node.get("model"));
        if (path == null) {
            throw new MergeConfigException(file, key + ".model", "missing; expected the path of a .safetensors file or a directory");
        }
        return new ModelInput(Path.of(path), parameters(file, key + ".parameters", node.get("parameters")));
    }

    private static Map<String, ParameterValue> parameters(Path file, String key, JsonNode node) {
        Map<String, ParameterValue> map = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return map;
        }
        if (!node.isObject()) {
            throw new MergeConfigException(file, key, "expected a mapping of parameter names to values");
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            map.put(field.getKey(), value(file, key + "." + field.getKey(), field.getValue(), true));
        }
        return map;
    }

    private static ParameterValue value(Path file, String key, JsonNode node, boolean filtersAllowed) {
        if (node.isNumber()) {
            return ParameterValue.of(node.asDouble());
        }
        if (node.isBoolean()) {
            return ParameterValue.of(node.asBoolean() ? 1 : 0);
        }
        if (node.isArray() && !node.isEmpty() && allNumbers((ArrayNode) node)) {
            double[] values = new double[node.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = node.get(i).asDouble();
            }
            return ParameterValue.gradient(values);
        }
        if (filtersAllowed && node.isArray() && !node.isEmpty()) {
            List<ParameterValue.FilterEntry> entries = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                JsonNode entry = node.get(i);
                String k = key + "[" + i + "]";
                if (!entry.isObject() || entry.get("value") == null) {
                    throw new MergeConfigException(file, k, "expected {filter: TEXT, value: V} or {value: V}, got " + entry);
                }
                checkKeys(file, k + ".", entry, Set.of("filter", "value"));
                String filter = text(file, k + ".filter", entry.get("filter"));
                entries.add(new ParameterValue.FilterEntry(filter, value(file, k + ".value", entry.get("value"), false)));
            }
            return new ParameterValue.Filtered(entries);
        }
        throw new MergeConfigException(file, key, "expected a number, a boolean, a list of numbers (a gradient over the layers)"
                + (filtersAllowed ? " or a list of {filter, value}" : "") + ", got " + node);
    }

    private static boolean allNumbers(ArrayNode array) {
        for (JsonNode n : array) {
            if (!n.isNumber()) {
                return false;
            }
        }
        return true;
    }

    private static String text(Path file, String key, JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new MergeConfigException(file, key, "expected text, got " + node);
        }
        return node.asText();
    }

    private static void checkKeys(Path file, String prefix, JsonNode node, Set<String> allowed) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new MergeConfigException(file, prefix + name, "unsupported key; supported here: "
                        + allowed.stream().sorted().toList());
            }
        }
    }

    /** The dtype named by {@code float32}, {@code bfloat16}, {@code fp16}, {@code F32} and the like. */
    static DType dtype(Path file, String key, JsonNode node) {
        String name = text(file, key, node);
        if (name == null) {
            return null;
        }
        DType dtype = dtypeNamed(name);
        if (dtype == null) {
            throw new MergeConfigException(file, key, "unknown dtype '" + name
                    + "'; expected float32, float16, bfloat16 or float64 (or F32, F16, BF16, F64)");
        }
        return dtype;
    }

    static DType dtypeNamed(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "float32", "fp32", "f32" -> DType.F32;
            case "float16", "fp16", "f16", "half" -> DType.F16;
            case "bfloat16", "bf16" -> DType.BF16;
            case "float64", "fp64", "f64" -> DType.F64;
            default -> null;
        };
    }

    /** A YAML text for a config built in code (the copy written beside the merged model). */
    static String toYaml(MergeConfig config) {
        ObjectNode root = YAML.createObjectNode();
        root.put("merge_method", config.method());
        if (config.base() != null) {
            root.put("base_model", config.base().path().toString());
        }
        if (!config.models().isEmpty()) {
            ArrayNode models = root.putArray("models");
            for (ModelInput m : config.models()) {
                ObjectNode entry = models.addObject();
                entry.put("model", m.path().toString());
                if (!m.parameters().isEmpty()) {
                    putParameters(entry.putObject("parameters"), m.parameters());
                }
            }
        }
        if (!config.slices().isEmpty()) {
            ArrayNode slices = root.putArray("slices");
            for (List<SliceSource> slice : config.slices()) {
                ArrayNode sources = slices.addObject().putArray("sources");
                for (SliceSource s : slice) {
                    ObjectNode entry = sources.addObject();
                    entry.put("model", s.model().path().toString());
                    entry.putArray("layer_range").add(s.from()).add(s.to());
                    if (!s.model().parameters().isEmpty()) {
                        putParameters(entry.putObject("parameters"), s.model().parameters());
                    }
                }
            }
        }
        if (!config.parameters().isEmpty()) {
            putParameters(root.putObject("parameters"), config.parameters());
        }
        if (config.outputDtype() != null) {
            root.put("out_dtype", config.outputDtype().name());
        }
        try {
            return YAML.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void putParameters(ObjectNode node, Map<String, ParameterValue> parameters) {
        parameters.forEach((name, value) -> node.set(name, toNode(value)));
    }

    private static JsonNode toNode(ParameterValue value) {
        if (value instanceof ParameterValue.Scalar s) {
            return YAML.getNodeFactory().numberNode(s.value());
        }
        if (value instanceof ParameterValue.Gradient g) {
            ArrayNode array = YAML.createArrayNode();
            g.values().forEach(array::add);
            return array;
        }
        ArrayNode array = YAML.createArrayNode();
        for (ParameterValue.FilterEntry e : ((ParameterValue.Filtered) value).entries()) {
            ObjectNode entry = array.addObject();
            if (e.filter() != null) {
                entry.put("filter", e.filter());
            }
            entry.set("value", toNode(e.value()));
        }
        return array;
    }
}
