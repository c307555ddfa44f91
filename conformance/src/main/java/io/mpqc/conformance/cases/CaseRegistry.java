package io.mpqc.conformance.cases;

import io.mpqc.conformance.catalog.Catalog;
import io.mpqc.ref.frame.Dialect;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Every conformance case, found on the registered groups by their {@link Case} annotation and checked
 * against the catalog: a case naming an unknown requirement, a duplicate ID or a bad signature is a
 * programming error reported at start.
 */
public final class CaseRegistry {
    private final List<ConformanceCase> cases;

    public CaseRegistry(Catalog catalog, List<CaseGroup> groups) {
        List<ConformanceCase> found = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (CaseGroup group : groups) {
            for (Method m : group.getClass().getDeclaredMethods()) {
                Case c = m.getAnnotation(Case.class);
                if (c == null) {
                    continue;
                }
                check(group, m, c, catalog);
                String id = c.requirements()[0] + "/" + kebab(m.getName());
                if (!ids.add(id)) {
                    throw new IllegalStateException("duplicate case ID " + id);
                }
                Set<Dialect> dialects = EnumSet.noneOf(Dialect.class);
                for (String d : c.dialects()) {
                    dialects.add(Dialect.byName(d));
                }
                m.setAccessible(true);
                found.add(new ConformanceCase(id, group, m, List.of(c.requirements()), c.text(), Set.of(c.tags()),
                        dialects, c.level()));
            }
        }
        found.sort(Comparator.comparing(ConformanceCase::id, CaseRegistry::compareIds));
        this.cases = List.copyOf(found);
    }

    /** The built-in groups. */
    public static CaseRegistry builtIn(Catalog catalog) {
        return new CaseRegistry(catalog, BuiltInGroups.all());
    }

    private static void check(CaseGroup group, Method m, Case c, Catalog catalog) {
        String where = group.getClass().getSimpleName() + "." + m.getName();
        if (c.requirements().length == 0) {
            throw new IllegalStateException(where + " names no requirement");
        }
        for (String r : c.requirements()) {
            if (!catalog.contains(r)) {
                throw new IllegalStateException(where + " names unknown requirement " + r);
            }
        }
        if (m.getParameterCount() != 1 || m.getParameterTypes()[0] != CaseContext.class
                || m.getReturnType() != Outcome.class || Modifier.isStatic(m.getModifiers())) {
            throw new IllegalStateException(where + " must be an instance method Outcome(CaseContext)");
        }
    }

    static String kebab(String camel) {
        StringBuilder sb = new StringBuilder();
        for (char ch : camel.toCharArray()) {
            if (Character.isUpperCase(ch) || Character.isDigit(ch) && sb.length() > 0
                    && !Character.isDigit(sb.charAt(sb.length() - 1))) {
                sb.append('-');
            }
            sb.append(Character.toLowerCase(ch));
        }
        return sb.toString();
    }

    /** Orders MP-4.3-10 after MP-4.3-9: numeric parts compare as numbers. */
    public static int compareIds(String a, String b) {
        String[] pa = a.split("(?<=\\D)(?=\\d)|(?<=\\d)(?=\\D)");
        String[] pb = b.split("(?<=\\D)(?=\\d)|(?<=\\d)(?=\\D)");
        for (int i = 0; i < Math.min(pa.length, pb.length); i++) {
            int c;
            if (Character.isDigit(pa[i].charAt(0)) && Character.isDigit(pb[i].charAt(0))) {
                c = Long.compare(Long.parseLong(pa[i]), Long.parseLong(pb[i]));
            } else {
                c = pa[i].compareTo(pb[i]);
            }
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(pa.length, pb.length);
    }

    public List<ConformanceCase> all() {
        return cases;
    }
}
