package io.mpqc.conformance.cli;

import java.util.HexFormat;

/** Hex as people type it on a command line, and as the CLI prints it. */
public final class Hex {
    private static final HexFormat HEX = HexFormat.of();

    private Hex() {
    }

    /**
     * Parses hex digits. Spaces, tabs, colons and commas between digits are ignored, and each
     * whitespace/colon-separated group may carry a {@code 0x} prefix: {@code 7e760207}, {@code 0x7e760207},
     * {@code "7e 76 02 07"}, {@code 7e:76:02:07} and {@code "0x7e 0x76 0x02 0x07"} are the same bytes.
     *
     * @throws IllegalArgumentException with a one-line reason (no digits, a non-hex character and where it
     *     is, an odd number of digits)
     */
    public static byte[] parse(String text) {
        StringBuilder digits = new StringBuilder(text.length());
        String[] groups = text.split("[\\s:,]+");
        for (String group : groups) {
            String g = group.startsWith("0x") || group.startsWith("0X") ? group.substring(2) : group;
            for (int i = 0; i < g.length(); i++) {
                char c = g.charAt(i);
                if (Character.digit(c, 16) < 0 || c > 0x7f) {
                    throw new IllegalArgumentException("'" + printable(c) + "' is not a hex digit");
                }
            }
            digits.append(g);
        }
        if (digits.length() == 0) {
            throw new IllegalArgumentException("no hex digits");
        }
        if (digits.length() % 2 != 0) {
            throw new IllegalArgumentException("odd number of hex digits (" + digits.length() + ")");
        }
        return HEX.parseHex(digits);
    }

    /** Compact lower-case hex: {@code 7e760207}. */
    public static String compact(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    /** Spaced lower-case hex as in the spec digest: {@code 7e 76 02 07}. */
    public static String spaced(byte[] bytes) {
        return HexFormat.ofDelimiter(" ").formatHex(bytes);
    }

    private static String printable(char c) {
        return c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c);
    }
}
