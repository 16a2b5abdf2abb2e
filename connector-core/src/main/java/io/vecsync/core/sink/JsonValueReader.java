/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.core.sink;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import io.vecsync.core.Float32Base64Decoder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a record value that is a JSON object's text — bytes from ByteArrayConverter, a String from StringConverter —
 * into its fields as JsonConverter with {@code schemas.enable=false} would (whole numbers as Long, others as Double,
 * objects and arrays as maps and lists), but decodes the vector field's base64 straight from the bytes into a
 * {@code float[]}, without the String JsonConverter makes of it; not thread-safe.
 */
final class JsonValueReader {

    /** NaN and the infinities are read, to be refused with a sentence of ours rather than the parser's advice. */
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();
    /** Where the parser's messages turn to its internals: source locations, features to enable, character codes. */
    private static final Pattern INTERNALS =
            Pattern.compile(" \\((for |start marker at )|: (was expecting|expected) \\(|\\n| at \\[Source");

    private static final Pattern CHARACTER_CODE = Pattern.compile("\\(('.{1,2}') \\(code \\d+\\)\\)");
    private static final Pattern CONTROL_CODE = Pattern.compile("\\(\\(CTRL-CHAR, code (\\d+)\\)\\)");
    private static final Pattern FEATURE_ADVICE = Pattern.compile("[:;,]? *\\(?(enable|use) `[^`]*`[^)]*\\)?");

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
     * @throws InvalidJson naming what is wrong, and where, when the bytes are not one JSON object
     */
    Map<String, Object> read(byte[] json) {
        offsetBase = 0;
        try (JsonParser parser = JSON.createParser(json)) {
            return object(parser, json);
        } catch (IOException e) {
            throw invalid(e, null);
        }
    }

    /** The same for text, whose vector field goes through a String. */
    Map<String, Object> read(String json) {
        try (JsonParser parser = JSON.createParser(json)) {
            return object(parser, null);
        } catch (IOException e) {
            throw invalid(e, null);
        }
    }

    private Map<String, Object> object(JsonParser parser, byte[] bytes) throws IOException {
        JsonToken first = parser.nextToken();
        if (first != JsonToken.START_OBJECT) {
            throw new InvalidJson(
                    null,
                    "the value is " + (first == null ? "empty" : "JSON " + describe(first))
                            + ", expected a JSON object",
                    null);
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
        while (true) {
            String before = parser.getParsingContext().getCurrentName();
            String name;
            try {
                name = parser.nextFieldName();
            } catch (JsonProcessingException fault) {
                // The parser reads a name and the first token of its value at once: a new name read puts the fault in
                // its value.
                String read = parser.getParsingContext().getCurrentName();
                throw invalid(fault, read != null && !read.equals(before) ? read : null);
            }
            if (name == null) {
                break;
            }
            JsonToken token;
            try {
                token = parser.nextToken();
            } catch (JsonProcessingException fault) {
                throw invalid(fault, name);
            }
            Rest rest = token == JsonToken.VALUE_STRING && bytes != null && name.equals(vectorField)
                    ? vectorInPlace(parser, bytes)
                    : null;
            if (rest != null) {
                fields.put(name, rest.vector());
                offsetBase += rest.offset();
                try (JsonParser after = JSON.createParser(rest.json())) {
                    after.nextToken();
                    fields(after, rest.json(), fields);
                }
                return;
            }
            try {
                fields.put(name, value(parser, token));
            } catch (JsonProcessingException fault) {
                throw invalid(fault, name);
            }
        }
        JsonToken after = parser.nextToken();
        if (after != null) {
            throw new InvalidJson(
                    null,
                    "the value has JSON " + describe(after) + " after its object, at "
                            + offset(parser.currentTokenLocation()),
                    null);
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
        if (next == bytes.length || (!more && bytes[next] != '}') || (more && !nextIsName(bytes, next + 1))) {
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
        while (next < bytes.length
                && (bytes[next] == ' ' || bytes[next] == '\n' || bytes[next] == '\r' || bytes[next] == '\t')) {
            next++;
        }
        return next;
    }

    /**
     * A vector decoded in place, and the fields after it as an object's text of their own.
     *
     * @param offset where that text's first byte would be in the bytes read: its offsets plus this are theirs
     */
    private record Rest(float[] vector, byte[] json, int offset) {}

    private static Object value(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case VALUE_STRING -> parser.getText();
            case VALUE_NUMBER_INT ->
                parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                        ? parser.getBigIntegerValue()
                        : parser.getLongValue();
            case VALUE_NUMBER_FLOAT -> {
                if (parser.isNaN()) {
                    throw new JsonParseException(
                            parser,
                            "'" + parser.getText() + "' is not a number JSON allows",
                            parser.currentTokenLocation());
                }
                yield parser.getDoubleValue();
            }
            case VALUE_TRUE -> true;
            case VALUE_FALSE -> false;
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
            default ->
                throw new JsonParseException(
                        parser, "unexpected JSON " + describe(token), parser.currentTokenLocation());
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
        return location.getByteOffset() >= 0
                ? "byte " + (offsetBase + location.getByteOffset())
                : "character " + location.getCharOffset();
    }

    /**
     * The parser's failure as a sentence, with the record's field it broke in: the parser's own messages carry its
     * internals (source locations, features to enable) and, from a vector's text, the document.
     *
     * @param field the top-level field whose value was being read, or null
     */
    private InvalidJson invalid(IOException e, String field) {
        if (!(e instanceof JsonProcessingException json)) {
            return new InvalidJson(null, "the value could not be read: " + e, e);
        }
        JsonStreamContext context =
                json.getProcessor() instanceof JsonParser parser ? parser.getParsingContext() : null;
        boolean ended =
                e instanceof JsonEOFException || json.getOriginalMessage().startsWith("Unexpected end-of-input");
        String problem = ended ? endsEarly(e, context) : plain(json.getOriginalMessage());
        String where = json.getLocation() == null ? "" : " at " + offset(json.getLocation());
        return new InvalidJson(field, "the value is not valid JSON: " + problem + where, e);
    }

    private static String endsEarly(IOException eof, JsonStreamContext context) {
        JsonToken decoding = eof instanceof JsonEOFException inToken ? inToken.getTokenBeingDecoded() : null;
        if (decoding == JsonToken.VALUE_STRING || decoding == JsonToken.FIELD_NAME) {
            return "the text ends inside a string";
        }
        if (context != null && context.inArray()) {
            return "the text ends before an array is closed";
        }
        return context != null && context.inObject()
                ? "the text ends before an object is closed"
                : "the text ends early";
    }

    /** The parser's message without its internals: what was wrong, in its words. */
    private static String plain(String message) {
        String text = CHARACTER_CODE.matcher(message).replaceAll("$1");
        text = CONTROL_CODE.matcher(text).replaceAll("(control character $1)");
        text = FEATURE_ADVICE.matcher(text).replaceAll("");
        Matcher internals = INTERNALS.matcher(text);
        return (internals.find() ? text.substring(0, internals.start()) : text).trim();
    }

    /** JSON text that is not one JSON object, with the record's field it broke in. */
    static final class InvalidJson extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;
        private final String field;

        InvalidJson(String field, String message, Throwable cause) {
            super(message, cause);
            this.field = field;
        }

        /** The top-level field whose value is not valid, or null when the fault is not in one. */
        String field() {
            return field;
        }
    }
}
