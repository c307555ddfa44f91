package io.mpqc.ref.sim;

import java.util.Locale;

/** Formatting of rates, times and sizes for descriptions and reports. */
public final class Units {
    private Units() {
    }

    public static String rate(double bitsPerSecond) {
        if (bitsPerSecond >= 1e6) {
            return trim(bitsPerSecond / 1e6) + " Mbit/s";
        }
        return trim(bitsPerSecond / 1e3) + " kbit/s";
    }

    public static String millis(long micros) {
        return String.format(Locale.ROOT, "%.1f ms", micros / 1000.0);
    }

    public static String seconds(long micros) {
        return String.format(Locale.ROOT, "%.3f s", micros / 1e6);
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }
}
