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

    JsonValueReader(String vectorField, int dimension, Float32Base64Decoder base64) {
        this.vectorField = vectorField;
        this.vectorTextLength = (dimension * Float.BYTES + 2) / 3 * 4;
        this.base64 = base64;
    }

    /**
     * @throws IllegalArgumentException naming what is wrong when the bytes are not one JSON object
     */
    Map<String, Object> read(byte[] json) {
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
        String name;
        while ((name = parser.nextFieldName()) != null) {
            JsonToken token = parser.nextToken();
            float[] vector = token == JsonToken.VALUE_STRING && bytes != null && name.equals(vectorField) ? vectorInPlace(parser, bytes) : null;
            fields.put(name, vector != null ? vector : value(parser, token));
        }
        JsonToken after = parser.nextToken();
        if (after != null) {
            throw new IllegalArgumentException("the value has JSON " + describe(after) + " after its object, at "
                    + offset(parser.currentTokenLocation()));
        }
        return fields;
    }

    /**
     * The vector decoded from the bytes between the string's quotes, when its text has the configured dimension's
     * length; else null, and the parser reads the string as any other. A text that only seems to fit — shorter, with
     * a quote inside the range, or with escapes — holds a byte the decoder rejects, so it is never decoded wrongly here.
     */
    private float[] vectorInPlace(JsonParser parser, byte[] bytes) {
        long quote = parser.currentTokenLocation().getByteOffset();
        long end = quote + 1 + vectorTextLength;
        if (quote < 0 || end >= bytes.length || bytes[(int) end] != '"') {
            return null;
        }
        try {
            // The parser has not read the string yet: its next token skips it.
            return base64.decode(bytes, (int) quote + 1, vectorTextLength);
        } catch (IllegalArgumentException notBase64) {
            return null; // The text is read as any other, and RecordConverter names what is wrong with it.
        }
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
    private static String offset(JsonLocation location) {
        return location.getByteOffset() >= 0 ? "byte " + location.getByteOffset() : "character " + location.getCharOffset();
    }

    /** Jackson's message without the document: a vector's text would fill it. */
    private static IllegalArgumentException invalid(IOException e) {
        String message = e instanceof JsonProcessingException json && json.getLocation() != null
                ? json.getOriginalMessage() + " at " + offset(json.getLocation()) : e.getMessage();
        return new IllegalArgumentException("the value is not valid JSON: " + message, e);
    }
}
