package io.mpqc.conformance.run;

import io.mpqc.conformance.cases.ConformanceCase;
import io.mpqc.conformance.catalog.Catalog;
import io.mpqc.conformance.catalog.Keyword;
import io.mpqc.conformance.catalog.Requirement;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which cases a run selects: ID globs (matched against the case ID and its requirement IDs), sections,
 * keywords and tags. Each non-empty criterion must match; an empty one matches everything.
 */
public record CaseFilter(List<String> idGlobs, List<String> sections, Set<Keyword> keywords, Set<String> tags) {
    public static final CaseFilter ALL = new CaseFilter(List.of(), List.of(), Set.of(), Set.of());

    public CaseFilter {
        idGlobs = List.copyOf(idGlobs);
        sections = List.copyOf(sections);
        keywords = Set.copyOf(keywords);
        tags = Set.copyOf(tags);
    }

    public boolean matches(ConformanceCase c, Catalog catalog) {
        Requirement main = catalog.get(c.mainRequirement()).orElseThrow();
        if (!idGlobs.isEmpty() && idGlobs.stream().noneMatch(g -> globMatches(g, c))) {
            return false;
        }
        if (!sections.isEmpty() && sections.stream().noneMatch(s -> sectionMatches(s, c, catalog))) {
            return false;
        }
        if (!keywords.isEmpty() && !keywords.contains(main.keyword())) {
            return false;
        }
        return tags.isEmpty() || tags.stream().anyMatch(t -> c.tags().contains(t) || main.tags().contains(t));
    }

    private static boolean globMatches(String glob, ConformanceCase c) {
        Pattern p = glob(glob);
        return p.matcher(c.id()).matches() || c.requirements().stream().anyMatch(r -> p.matcher(r).matches());
    }

    /** "4.3" selects 4.3 and its subsections (4.3.1), not 4.30. */
    private static boolean sectionMatches(String section, ConformanceCase c, Catalog catalog) {
        for (String r : c.requirements()) {
            String s = catalog.get(r).orElseThrow().section();
            if (s.equals(section) || s.startsWith(section + ".")) {
                return true;
            }
        }
        return false;
    }

    static Pattern glob(String glob) {
        StringBuilder re = new StringBuilder();
        for (char ch : glob.toCharArray()) {
            switch (ch) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                default -> re.append(Pattern.quote(String.valueOf(ch)));
            }
        }
        return Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE);
    }

    /** Parses keyword names as users type them: "must", "MUST_NOT", "must-not", "should". */
    public static Keyword keyword(String text) {
        return Keyword.valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_'));
    }
}
