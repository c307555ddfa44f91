package io.mpqc.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mpqc.conformance.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The target list is the same in this module and in {@code mpqc fuzz --list}, and every entry is a Jazzer target. */
class FuzzTargetsTest {

    @Test
    void everyTargetHasAStandaloneEntryPoint() throws Exception {
        for (FuzzTargets.Entry e : FuzzTargets.ALL) {
            assertEquals(e.name(), e.targetClass().getSimpleName());
            Method m = e.targetClass().getMethod("fuzzerTestOneInput", byte[].class);
            assertTrue(Modifier.isStatic(m.getModifiers()) && Modifier.isPublic(m.getModifiers()), e.name());
            e.runner().accept(new byte[0]);
        }
    }

    @Test
    void theCliListsTheSameTargets() {
        StringWriter out = new StringWriter();
        int code = Main.execute(new String[] {"fuzz", "--list"}, new PrintWriter(out), new PrintWriter(new StringWriter()),
                Map.of());
        assertEquals(0, code);
        List<String> listed = new ArrayList<>();
        for (String line : out.toString().split("\n")) {
            if (line.matches("^[A-Z]\\w+Fuzzer .*")) {
                listed.add(line.split("\\s+")[0]);
            }
        }
        assertEquals(FuzzTargets.ALL.stream().map(FuzzTargets.Entry::name).toList(), listed);
    }
}
