package com.code_intelligence.jazzer.runtime;

/**
 * Counting stand-in for the callbacks Jazzer's compare, switch, division and GEP instrumentation calls (in
 * Jazzer they go to libFuzzer through JNI). The wrappers must return what the replaced bytecode would have.
 */
public final class TraceDataFlowNativeCallbacks {
    private TraceDataFlowNativeCallbacks() {
    }

    public static void traceCmpInt(int a, int b, int id) {
        Tally.hook("cmp int");
    }

    public static void traceConstCmpInt(int a, int b, int id) {
        Tally.hook("cmp int with constant");
    }

    public static void traceCmpLong(long a, long b, int id) {
        Tally.hook("cmp long");
    }

    public static int traceCmpLongWrapper(long a, long b, int id) {
        Tally.hook("cmp long");
        return Long.compare(a, b);
    }

    public static int traceCmpDoubleWrapper(double a, double b, int nanResult, int id) {
        Tally.hook("cmp double");
        return Double.isNaN(a) || Double.isNaN(b) ? nanResult : a < b ? -1 : a == b ? 0 : 1;
    }

    public static int traceCmpFloatWrapper(float a, float b, int nanResult, int id) {
        Tally.hook("cmp float");
        return Float.isNaN(a) || Float.isNaN(b) ? nanResult : a < b ? -1 : a == b ? 0 : 1;
    }

    public static void traceSwitch(long value, long[] cases, int id) {
        Tally.hook("switch");
    }

    public static void traceDivInt(int divisor, int id) {
        Tally.hook("div");
    }

    public static void traceDivLong(long divisor, int id) {
        Tally.hook("div");
    }

    public static void traceGep(long index, int id) {
        Tally.hook("gep");
    }

    public static void tracePcIndir(int callee, int id) {
        Tally.hook("indirect call");
    }

    public static void traceMemcmp(byte[] a, byte[] b, int result, int id) {
        Tally.hook("memcmp");
    }

    public static void traceStrcmp(String a, String b, int result, int id) {
        Tally.hook("strcmp");
    }

    public static void traceStrstr(String a, String b, int id) {
        Tally.hook("strstr");
    }

    public static void traceGenericCmp(Object a, Object b, int id) {
        Tally.hook("generic cmp");
    }

    public static void traceReflectiveCall(java.lang.reflect.Executable e, int id) {
        Tally.hook("reflective call");
    }
}
