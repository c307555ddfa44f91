package io.mpqc.conformance.cases;

import io.mpqc.conformance.catalog.Level;
import io.mpqc.ref.frame.Dialect;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;

/**
 * A case as the runner sees it: a stable ID (main requirement / method name in kebab case), its group,
 * requirements, description, tags, the dialects it applies to, and the method to call.
 */
public record ConformanceCase(String id, CaseGroup group, Method method, List<String> requirements, String text,
        Set<String> tags, Set<Dialect> dialects, Level level) {

    public ConformanceCase {
        requirements = List.copyOf(requirements);
        tags = Set.copyOf(tags);
        dialects = Set.copyOf(dialects);
    }

    public String mainRequirement() {
        return requirements.get(0);
    }
}
