package io.vecsync.pgvector;

import java.util.Map;

/** Writes a flat payload (strings, numbers, booleans) as the JSON text of a jsonb column. */
final class PayloadJson {

    private PayloadJson() {
    }

    static String encode(Map<String, Object> payload) {
        StringBuilder json = new StringBuilder(64 + payload.size() * 24).append('{');
        boolean first = true;
        for (Map.Entry<String, Object> entry : payload.entrySet()) {
            if (!first) {
                json.append(',');
            }
            first = false;
            string(json, entry.getKey());
            json.append(':');
            Object value = entry.getValue();
            if (value instanceof Number number && Double.isFinite(number.doubleValue()) || value instanceof Boolean) {
                json.append(value);
            } else {
                string(json, String.valueOf(value));
            }
        }
        return json.append('}').toString();
    }

    private static void string(StringBuilder json, String text) {
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
}
