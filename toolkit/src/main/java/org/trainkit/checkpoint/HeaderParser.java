package org.trainkit.checkpoint;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and checks the JSON header of a safetensors file. Every deviation from the format is a
 * {@link CheckpointFormatException} naming the file and, where one is at fault, the tensor: text
 * that is not UTF-8 or not a JSON object, a name given twice, an entry without a string
 * {@code dtype}, an integer {@code shape} and two integer {@code data_offsets}, an unknown dtype,
 * negative dimensions, a byte range that does not fit the shape or runs past the data section,
 * tensors that overlap or leave holes, data that does not end at the end of the file, and
 * {@code __metadata__} that is not an object of strings.
 */
final class HeaderParser {

    private static final String METADATA = "__metadata__";

    private final Path file;

    private HeaderParser(Path file) {
        this.file = file;
    }

    /** The header of {@code file} from its JSON bytes, whose data section is {@code dataBytes} long. */
    static SafetensorsHeader parse(Path file, byte[] json, long dataBytes) {
        return new HeaderParser(file).parse(json, dataBytes);
    }

    private SafetensorsHeader parse(byte[] json, long dataBytes) {
        String text = utf8(json);
        Map<String, String> metadata = Map.of();
        List<TensorInfo> tensors = new ArrayList<>();
        try (JsonParser parser = Json.MAPPER.createParser(text)) {
            try {
                if (parser.nextToken() != JsonToken.START_OBJECT) {
                    throw new CheckpointFormatException(file, "the header is not a JSON object");
                }
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    JsonNode value = parser.readValueAsTree();
                    if (name.equals(METADATA)) {
                        metadata = metadata(value);
                    } else {
                        tensors.add(tensor(name, value, dataBytes));
                    }
                }
                if (parser.nextToken() != null) {
                    throw new CheckpointFormatException(file, "the header has content after its JSON object");
                }
            } catch (JsonProcessingException e) {
                throw notJson(parser, e);
            }
        } catch (IOException e) {
            // Parsing a String fails only as above; this is closing the parser.
            throw new CheckpointFormatException(file, "the header is not valid JSON: " + e.getMessage(), e);
        }
        tensors.sort(Comparator.comparingLong(TensorInfo::begin).thenComparingLong(TensorInfo::end));
        checkCoverage(tensors, dataBytes);
        return new SafetensorsHeader(metadata, tensors);
    }

    private String utf8(byte[] json) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(json))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new CheckpointFormatException(file, "the header is not UTF-8 text (" + e + ")", e);
        }
    }

    /** A JSON error, naming the duplicated key and where it is when that is the problem. */
    private CheckpointFormatException notJson(JsonParser parser, JsonProcessingException e) {
        JsonStreamContext context = parser.getParsingContext();
        String message = e.getOriginalMessage();
        if (message != null && message.startsWith("Duplicate field") && context != null && !context.inRoot()) {
            String key = context.getCurrentName();
            JsonStreamContext top = context;
            while (!top.getParent().inRoot()) {
                top = top.getParent();
            }
            if (top == context) {
                return key.equals(METADATA)
                        ? new CheckpointFormatException(file, "the header has two __metadata__ entries")
                        : new CheckpointFormatException(file, key, "named twice in the header");
            }
            String owner = top.getCurrentName();
            return owner.equals(METADATA)
                    ? new CheckpointFormatException(file, "__metadata__ has key '" + key + "' twice")
                    : new CheckpointFormatException(file, owner, "its entry has key '" + key + "' twice");
        }
        return new CheckpointFormatException(file, "the header is not valid JSON: " + message
                + " (at character " + e.getLocation().getCharOffset() + ")", e);
    }

    private Map<String, String> metadata(JsonNode value) {
        if (value.isNull()) {
            return Map.of();
        }
        if (!value.isObject()) {
            throw new CheckpointFormatException(file, "__metadata__ is " + Json.kind(value)
                    + ", expected an object of strings");
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        value.fields().forEachRemaining(entry -> {
            if (!entry.getValue().isTextual()) {
                throw new CheckpointFormatException(file, "__metadata__ value of '" + entry.getKey() + "' is "
                        + Json.kind(entry.getValue()) + ", expected a string");
            }
            metadata.put(entry.getKey(), entry.getValue().textValue());
        });
        return metadata;
    }

    private TensorInfo tensor(String name, JsonNode entry, long dataBytes) {
        if (!entry.isObject()) {
            throw new CheckpointFormatException(file, name, "its entry is " + Json.kind(entry)
                    + ", expected an object with dtype, shape and data_offsets");
        }
        JsonNode dtypeNode = field(name, entry, "dtype");
        if (!dtypeNode.isTextual()) {
            throw new CheckpointFormatException(file, name, "dtype is " + Json.kind(dtypeNode) + ", expected a string");
        }
        DType dtype = DType.parse(dtypeNode.textValue(), file, name);
        long[] shape = integers(name, entry, "shape");
        for (long d : shape) {
            if (d < 0) {
                throw new CheckpointFormatException(file, name, "shape " + field(name, entry, "shape")
                        + " has negative dimension " + d);
            }
        }
        long[] offsets = integers(name, entry, "data_offsets");
        String range = field(name, entry, "data_offsets").toString();
        if (offsets.length != 2) {
            throw new CheckpointFormatException(file, name, "data_offsets " + range + " has " + offsets.length
                    + " numbers, expected two: [begin, end]");
        }
        long begin = offsets[0];
        long end = offsets[1];
        if (begin < 0 || end < 0) {
            throw new CheckpointFormatException(file, name, "data_offsets " + range + " is negative");
        }
        if (begin > end) {
            throw new CheckpointFormatException(file, name, "data_offsets " + range + " begins after it ends");
        }
        if (end > dataBytes) {
            throw new CheckpointFormatException(file, name, "data_offsets " + range
                    + " run past the end of the data section (" + dataBytes + " bytes)");
        }
        String expected = expectedBytes(shape, dtype);
        if (!expected.equals(Long.toString(end - begin))) {
            throw new CheckpointFormatException(file, name, "data_offsets " + range + " hold " + (end - begin)
                    + " bytes, but shape " + field(name, entry, "shape") + " of " + dtype + " needs " + expected);
        }
        return new TensorInfo(name, dtype, shape, begin, end);
    }

    /** The byte length a shape of a dtype needs, as text (it may exceed a long). */
    private static String expectedBytes(long[] shape, DType dtype) {
        BigInteger bytes = BigInteger.valueOf(dtype.byteSize());
        for (long d : shape) {
            bytes = bytes.multiply(BigInteger.valueOf(d));
        }
        return bytes.toString();
    }

    private JsonNode field(String name, JsonNode entry, String key) {
        JsonNode value = entry.get(key);
        if (value == null) {
            throw new CheckpointFormatException(file, name, "its entry has no \"" + key + "\"");
        }
        return value;
    }

    private long[] integers(String name, JsonNode entry, String key) {
        JsonNode array = field(name, entry, key);
        if (!array.isArray()) {
            throw new CheckpointFormatException(file, name, key + " is " + Json.kind(array) + ", expected an array of integers");
        }
        long[] values = new long[array.size()];
        for (int i = 0; i < values.length; i++) {
            JsonNode item = array.get(i);
            if (!item.isIntegralNumber() || !item.canConvertToLong()) {
                throw new CheckpointFormatException(file, name, key + " " + array + " holds " + item
                        + ", expected integers");
            }
            values[i] = item.longValue();
        }
        return values;
    }

    /** The tensors, sorted by offset, must tile the data section exactly: no overlap, no hole, no tail. */
    private void checkCoverage(List<TensorInfo> sorted, long dataBytes) {
        long cursor = 0;
        TensorInfo previous = null;
        for (TensorInfo tensor : sorted) {
            if (tensor.begin() < cursor) {
                throw new CheckpointFormatException(file, tensor.name(), "bytes [" + tensor.begin() + ", "
                        + tensor.end() + ") overlap tensor '" + previous.name() + "' [" + previous.begin() + ", "
                        + previous.end() + ")");
            }
            if (tensor.begin() > cursor) {
                throw new CheckpointFormatException(file, tensor.name(), "a hole before it: data bytes [" + cursor
                        + ", " + tensor.begin() + ") belong to no tensor");
            }
            cursor = tensor.end();
            previous = tensor;
        }
        if (cursor != dataBytes) {
            throw new CheckpointFormatException(file, "the tensors end at data byte " + cursor + " but the file has "
                    + dataBytes + " data bytes: " + (dataBytes - cursor) + " bytes at the end belong to no tensor");
        }
    }
}
