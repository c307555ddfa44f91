package io.mpqc.ref.conn;

import java.math.BigDecimal;
import java.util.List;

/**
 * Builds one JSON object as text, members in insertion order. Just enough JSON for qlog records, so that
 * the reference implementation keeps its single runtime dependency (Netty's buffers).
 */
final class JsonObjectWriter {
    private final StringBuilder out = new StringBuilder(128);
    private boolean empty = true;

    JsonObjectWriter() {
        out.append('{');
    }

    JsonObjectWriter string(String key, String value) {
        key(key);
        quote(out, value);
        return this;
    }

    JsonObjectWriter number(String key, long value) {
        key(key);
        out.append(value);
        return this;
    }

    /** A decimal written exactly as given: qlog times are fixed-point milliseconds, never binary floats. */
    JsonObjectWriter number(String key, BigDecimal value) {
        key(key);
        out.append(value.toPlainString());
        return this;
    }

    JsonObjectWriter bool(String key, boolean value) {
        key(key);
        out.append(value);
        return this;
    }

    JsonObjectWriter numbers(String key, List<Long> values) {
        key(key);
        out.append('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(values.get(i).longValue());
        }
        out.append(']');
        return this;
    }

    JsonObjectWriter strings(String key, List<String> values) {
        key(key);
        out.append('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            quote(out, values.get(i));
        }
        out.append(']');
        return this;
    }

    JsonObjectWriter object(String key, JsonObjectWriter value) {
        key(key);
        out.append(value.toJson());
        return this;
    }

    String toJson() {
        return out + "}";
    }

    private void key(String key) {
        if (!empty) {
            out.append(',');
        }
        empty = false;
        quote(out, key);
        out.append(':');
    }

    /**
     * Appends {@code s} as a JSON string (RFC 8259 §7). Every control character is escaped, which matters
     * beyond validity: an unescaped 0x1E inside a peer's reason phrase would split a JSON-SEQ record in
     * two. Lone surrogates become U+FFFD so that the UTF-8 output stays well-formed (I-JSON, RFC 7493).
     */
    static void quote(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c == 0x7F) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else if (Character.isHighSurrogate(c) && i + 1 < s.length()
                            && Character.isLowSurrogate(s.charAt(i + 1))) {
                        out.append(c).append(s.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        out.append("\\ufffd");
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2);
        quote(b, s);
        return b.toString();
    }
}
