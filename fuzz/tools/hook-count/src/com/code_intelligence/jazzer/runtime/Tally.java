package com.code_intelligence.jazzer.runtime;

import java.util.Map;
import java.util.TreeMap;

/** Hook calls by kind, and by kind and call site (method, and the method that called it). */
public final class Tally {
    public static final Map<String, long[]> BY_KIND = new TreeMap<>();
    public static final Map<String, long[]> BY_SITE = new TreeMap<>();
    private static final StackWalker WALKER = StackWalker.getInstance();

    private Tally() {
    }

    static void hook(String kind) {
        BY_KIND.computeIfAbsent(kind, k -> new long[1])[0]++;
        // Frames: this method, the stand-in, the instrumented method, its caller.
        String site = WALKER.walk(s -> s.skip(2).limit(2).map(f -> f.getClassName().replaceFirst("^.*\\.", "")
                + "." + f.getMethodName()).reduce((m, caller) -> m + " (from " + caller + ")").orElse("?"));
        BY_SITE.computeIfAbsent(kind + "  " + site, k -> new long[1])[0]++;
    }
}
