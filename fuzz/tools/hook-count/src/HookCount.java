import com.code_intelligence.jazzer.runtime.CoverageMap;
import com.code_intelligence.jazzer.runtime.Tally;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Runs each input of a corpus once through a fuzz target whose code under test is the instrumented bytecode
 * Jazzer dumped, with counting stand-ins for Jazzer's runtime, and prints per input: the edge counter
 * increments, the distinct counters hit (libFuzzer turns each into one feature to look up per execution), and
 * the compare/switch/division hook calls (each a JNI call into libFuzzer under Jazzer), by kind and by site.
 */
public final class HookCount {
    public static void main(String[] args) throws Throwable {
        MethodHandle target = MethodHandles.lookup().findStatic(Class.forName(args[0]), "fuzzerTestOneInput",
                MethodType.methodType(void.class, byte[].class));
        List<byte[]> inputs = new ArrayList<>();
        try (var files = Files.list(Path.of(args[1]))) {
            for (Path p : (Iterable<Path>) files.sorted()::iterator) {
                inputs.add(Files.readAllBytes(p));
            }
        }
        long distinct = 0;
        long bytes = 0;
        for (byte[] in : inputs) {
            Arrays.fill(CoverageMap.COUNTERS, (byte) 0);
            try {
                target.invokeExact(in);
            } catch (Throwable t) {
                System.out.println("input fails (" + t + "): counts include it");
            }
            for (byte c : CoverageMap.COUNTERS) {
                distinct += c != 0 ? 1 : 0;
            }
            bytes += in.length;
        }
        double n = inputs.size();
        System.out.printf("%s over %d inputs (mean length %.1f bytes), per input:%n", args[0], inputs.size(), bytes / n);
        System.out.printf("  %8.1f  edge counter increments%n", CoverageMap.increments / n);
        System.out.printf("  %8.1f  distinct counters hit (features)%n", distinct / n);
        long hooks = Tally.BY_KIND.values().stream().mapToLong(v -> v[0]).sum();
        System.out.printf("  %8.1f  hook calls, of which:%n", hooks / n);
        Tally.BY_KIND.forEach((k, v) -> System.out.printf("  %8.1f    %s%n", v[0] / n, k));
        int top = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        System.out.println("  by site (the " + top + " largest):");
        Tally.BY_SITE.entrySet().stream().sorted(Map.Entry.comparingByValue((a, b) -> Long.compare(b[0], a[0])))
                .limit(top).forEach(e -> System.out.printf("  %8.1f    %s%n", e.getValue()[0] / n, e.getKey()));
    }
}
