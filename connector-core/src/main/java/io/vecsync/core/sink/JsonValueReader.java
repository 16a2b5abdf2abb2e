package io.vecsync.core.sink;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.vecsync.core.Float32Base64Decoder;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a record value that is a JSON object's text — bytes from ByteArrayConverter, a String from StringConverter —
 * into its fields as JsonConverter with {@code schemas.enable=false} would (whole numbers as Long, others as Double,
 * objects and arrays as maps and lists), but decodes the vector field's base64 straight from the bytes into a
 * {@code float[]}, without the String JsonConverter makes of it; not thread-safe.
 */
final class JsonValueReader {

    private static final JsonFactory JSON = new JsonFactory();

    private final String vectorField;
    /** Characters of a padded base64 text of a vector of the configured dimension. */
    private final int vectorTextLength;
    private final Float32Base64Decoder base64;
    /** Added to the byte offsets of the text being parsed: after a vector, its fields are parsed from a copy. */
    private long offsetBase;

    JsonValueReader(String vectorField, int dimension, Float32Base64Decoder base64) {
        this.vectorField = vectorField;
        this.vectorTextLength = (dimension * Float.BYTES + 2) / 3 * 4;
        this.base64 = base64;
    }

    /**
     * @throws IllegalArgumentException naming what is wrong when the bytes are not one JSON object
     */
    Map<String, Object> read(byte[] json) {
        offsetBase = 0;
        try (JsonParser parser = JSON.createParser(json)) {
            return object(parser, json);
        } catch (IOException e) {
            throw invalid(e);
        }
    }

    /** The same for text, whose vector field goes through a String. */
    Map<String, Object> read(String json) {
        try (JsonParser parser = JSON.createParser(json)) {
            return object(parser, null);
        } catch (IOException e) {
            throw invalid(e);
        }
    }

    private Map<String, Object> object(JsonParser parser, byte[] bytes) throws IOException {
        JsonToken first = parser.nextToken();
        if (first != JsonToken.START_OBJECT) {
            throw new IllegalArgumentException("the value is " + (first == null ? "empty" : "JSON " + describe(first)) + ", expected a JSON object");
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields(parser, bytes, fields);
        return fields;
    }

    /**
     * The object's fields from the parser's position to its end. Once the vector is decoded in place, the fields after it
     * are read by a parser of their own: the first would scan the vector's text byte by byte to skip it, which took
     * longer than decoding it.
     */
    private void fields(JsonParser parser, byte[] bytes, Map<String, Object> fields) throws IOException {
        String name;
        while ((name = parser.nextFieldName()) != null) {
            JsonToken token = parser.nextToken();
            Rest rest = token == JsonToken.VALUE_STRING && bytes != null && name.equals(vectorField) ? vectorInPlace(parser, bytes) : null;
            if (rest != null) {
                fields.put(name, rest.vector());
                offsetBase += rest.offset();
                try (JsonParser after = JSON.createParser(rest.json())) {
                    after.nextToken();
                    fields(after, rest.json(), fields);
                }
                return;
            }
            fields.put(name, value(parser, token));
        }
        JsonToken after = parser.nextToken();
        if (after != null) {
            throw new IllegalArgumentException("the value has JSON " + describe(after) + " after its object, at "
                    + offset(parser.currentTokenLocation()));
        }
    }

    /**
     * The vector decoded from the bytes between the string's quotes, with the fields after it, when its text has the
     * configured dimension's length and a ',' or the object's '}' follows; else null, and the parser reads the string as
     * any other. A text that only seems to fit — shorter, with a quote inside the range, or with escapes — holds a byte
     * the decoder rejects, so it is never decoded wrongly here.
     */
    private Rest vectorInPlace(JsonParser parser, byte[] bytes) {
        long quote = parser.currentTokenLocation().getByteOffset();
        long end = quote + 1 + vectorTextLength;
        if (quote < 0 || end >= bytes.length || bytes[(int) end] != '"') {
            return null;
        }
        int next = skipWhitespace(bytes, (int) end + 1);
        boolean more = next < bytes.length && bytes[next] == ',';
        if (next == bytes.length || !more && bytes[next] != '}' || more && !nextIsName(bytes, next + 1)) {
            return null; // Not JSON: the parser says where.
        }
        float[] vector;
        try {
            vector = base64.decode(bytes, (int) quote + 1, vectorTextLength);
        } catch (IllegalArgumentException notBase64) {
            return null; // The text is read as any other, and RecordConverter names what is wrong with it.
        }
        // The fields after it as an object's text: '{' where the comma was, or before the '}'.
        int from = more ? next + 1 : next;
        byte[] rest = new byte[1 + bytes.length - from];
        rest[0] = '{';
        System.arraycopy(bytes, from, rest, 1, bytes.length - from);
        return new Rest(vector, rest, from - 1);
    }

    private static boolean nextIsName(byte[] bytes, int from) {
        int next = skipWhitespace(bytes, from);
        return next < bytes.length && bytes[next] == '"';
    }

    private static int skipWhitespace(byte[] bytes, int from) {
        int next = from;
        while (next < bytes.length && (bytes[next] == ' ' || bytes[next] == '\n' || bytes[next] == '\r' || bytes[next] == '\t')) {
            next++;
        }
        return next;
    }

    /**
     * A vector decoded in place, and the fields after it as an object's text of their own.
     *
     * @param offset where that text's first byte would be in the bytes read: its offsets plus this are theirs
     */
    private record Rest(float[] vector, byte[] json, int offset) {
    }

    private static Object value(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case VALUE_STRING -> parser.getText();
            case VALUE_NUMBER_INT -> parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? parser.getBigIntegerValue() : parser.getLongValue();
            case VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            case START_OBJECT -> {
                Map<String, Object> object = new LinkedHashMap<>();
                String name;
                while ((name = parser.nextFieldName()) != null) {
                    object.put(name, value(parser, parser.nextToken()));
                }
                yield object;
            }
            case START_ARRAY -> {
                List<Object> array = new ArrayList<>();
                JsonToken element;
                while ((element = parser.nextToken()) != JsonToken.END_ARRAY) {
                    array.add(value(parser, element));
                }
                yield array;
            }
            default -> throw new IllegalArgumentException("unexpected JSON " + describe(token));
        };
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_ARRAY -> "array";
            case VALUE_STRING -> "string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number";
            case VALUE_TRUE, VALUE_FALSE -> "boolean";
            case VALUE_NULL -> "null";
            default -> token.asString() == null ? token.name() : "'" + token.asString() + "'";
        };
    }

    /** Where in the text: the parser of bytes counts bytes, that of a String characters. */
    private String offset(JsonLocation location) {
        return location.getByteOffset() >= 0 ? "byte " + (offsetBase + location.getByteOffset()) : "character " + location.getCharOffset();
    }

    /** Jackson's message without the document: a vector's text would fill it. */
    private IllegalArgumentException invalid(IOException e) {
        String message = e instanceof JsonProcessingException json && json.getLocation() != null
                ? json.getOriginalMessage() + " at " + offset(json.getLocation()) : e.getMessage();
        return new IllegalArgumentException("the value is not valid JSON: " + message, e);
    }
}
