package com.code_intelligence.jazzer.runtime;

import java.lang.invoke.MethodHandle;

/**
 * Counting stand-ins for the Jazzer method hooks (on JDK methods such as Arrays.equals or Map.get) that the
 * reference's frame classes call today. A class that calls another hook fails with NoSuchMethodError naming
 * it; add a stand-in with the signature `javap -c` shows.
 */
public final class TraceCmpHooks {
    private TraceCmpHooks() {
    }

    public static void arraysEquals(MethodHandle m, Object self, Object[] args, int id, Boolean result) {
        Tally.hook("method hook");
    }

    public static void contains(MethodHandle m, String self, Object[] args, int id, Boolean result) {
        Tally.hook("method hook");
    }

    public static void enumValueOf(MethodHandle m, Object self, Object[] args, int id) {
        Tally.hook("method hook");
    }

    public static void equals(MethodHandle m, String self, Object[] args, int id, Boolean result) {
        Tally.hook("method hook");
    }

    public static void mapGet(MethodHandle m, Object self, Object[] args, int id, Object result) {
        Tally.hook("method hook");
    }

    public static void mapGetOrDefault(MethodHandle m, Object self, Object[] args, int id, Object result) {
        Tally.hook("method hook");
    }

    public static void replace(MethodHandle m, Object self, Object[] args, int id, String result) {
        Tally.hook("method hook");
    }
}
