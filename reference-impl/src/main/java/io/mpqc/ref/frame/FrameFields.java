package io.mpqc.ref.frame;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A frame as named fields, for people and machines: the analyser output of {@code mpqc decode}, reports
 * and logs. Field names are snake_case; numbers stay numbers, byte strings become hex, and the path field
 * takes the dialect's name ({@code dcid_seq} in draft-06). Not for hot paths: it uses reflection.
 */
public final class FrameFields {
    private FrameFields() {
    }

    /** The frame's name in {@code dialect}, e.g. PATH_STANDBY for a PATH_STATUS_BACKUP in draft-06. */
    public static String name(Frame frame, Dialect dialect) {
        return dialect.frameName(frame.type());
    }

    /** Ordered fields: values are Long, Integer, Boolean or String (hex for bytes). */
    public static Map<String, Object> of(Frame frame, Dialect dialect) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (RecordComponent c : frame.getClass().getRecordComponents()) {
            Object value;
            try {
                value = c.getAccessor().invoke(frame);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + c.getName() + " of " + frame.type(), e);
            }
            if (value == null) {
                continue;
            }
            String name = c.getName().equals("pathId") ? dialect.pathFieldName() : snake(c.getName());
            if (value instanceof Bytes b) {
                value = b.hex();
            } else if (value instanceof AckRanges r) {
                value = r.toString();
            } else if (value instanceof EcnCounts e) {
                fields.put("ect0", e.ect0());
                fields.put("ect1", e.ect1());
                fields.put("ce", e.ce());
                continue;
            } else if (frame instanceof Frame.PathChallenge || frame instanceof Frame.PathResponse) {
                value = String.format("%016x", (Long) value);
            }
            fields.put(name, value);
        }
        return fields;
    }

    /** One line: the frame name followed by name=value pairs. */
    public static String describe(Frame frame, Dialect dialect) {
        StringBuilder sb = new StringBuilder(name(frame, dialect));
        for (Map.Entry<String, Object> e : of(frame, dialect).entrySet()) {
            sb.append(' ').append(e.getKey()).append('=').append(e.getValue());
        }
        return sb.toString();
    }

    private static String snake(String camel) {
        StringBuilder sb = new StringBuilder();
        for (char ch : camel.toCharArray()) {
            if (Character.isUpperCase(ch)) {
                sb.append('_').append(Character.toLowerCase(ch));
            } else {
                sb.append(ch);
            }
        }
        return sb.toString();
    }
}
