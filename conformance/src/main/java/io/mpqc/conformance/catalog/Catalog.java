package io.mpqc.conformance.catalog;

import io.mpqc.ref.frame.Dialect;
import io.mpqc.ref.frame.TransportError;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The requirement catalog, loaded from a tab-separated file and validated: unique well-formed IDs, known
 * keywords, levels and error code names. The built-in catalog is {@code requirements.tsv} next to this
 * class.
 */
public final class Catalog {
    private static final Pattern ID = Pattern.compile("(MP|Q)-[0-9][0-9.]*(-[0-9][0-9.]*)+");
    private static final int COLUMNS = 8;

    private final Map<String, Requirement> byId;

    private Catalog(Map<String, Requirement> byId) {
        this.byId = Collections.unmodifiableMap(byId);
    }

    /** The catalog shipped with mpqc. */
    public static Catalog builtIn() {
        try (InputStream in = Catalog.class.getResourceAsStream("requirements.tsv")) {
            if (in == null) {
                throw new IllegalStateException("requirements.tsv missing from the classpath");
            }
            return load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (CatalogException e) {
            throw new IllegalStateException("the built-in catalog is invalid: " + e.getMessage(), e);
        }
    }

    /** Parses and validates a catalog; the first problem found is reported with its line number. */
    public static Catalog load(Reader source) throws IOException, CatalogException {
        Map<String, Requirement> byId = new LinkedHashMap<>();
        BufferedReader reader = new BufferedReader(source);
        String line;
        int number = 0;
        boolean header = true;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (header) {
                header = false;
                if (!line.startsWith("id\t")) {
                    throw new CatalogException("line " + number + ": expected the header line starting with 'id'");
                }
                continue;
            }
            Requirement r = parse(line, number);
            if (byId.putIfAbsent(r.id(), r) != null) {
                throw new CatalogException("line " + number + ": duplicate requirement ID " + r.id());
            }
        }
        if (byId.isEmpty()) {
            throw new CatalogException("the catalog holds no requirement");
        }
        return new Catalog(byId);
    }

    private static Requirement parse(String line, int number) throws CatalogException {
        String[] f = line.split("\t", -1);
        if (f.length != COLUMNS) {
            throw new CatalogException("line " + number + ": " + f.length + " columns, expected " + COLUMNS);
        }
        String id = f[0].trim();
        if (!ID.matcher(id).matches()) {
            throw new CatalogException("line " + number + ": malformed requirement ID '" + id + "'");
        }
        Keyword keyword;
        try {
            keyword = Keyword.valueOf(f[3].trim());
        } catch (IllegalArgumentException e) {
            throw new CatalogException("line " + number + ": unknown keyword '" + f[3] + "' (known: "
                    + Arrays.toString(Keyword.values()) + ")");
        }
        Set<Level> levels = EnumSet.noneOf(Level.class);
        for (String l : f[4].split(",")) {
            try {
                levels.add(Level.valueOf(l.trim().toUpperCase(java.util.Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new CatalogException("line " + number + ": unknown level '" + l + "'");
            }
        }
        List<String> errors = new ArrayList<>();
        if (!f[5].trim().equals("-")) {
            for (String e : f[5].split("\\|")) {
                String name = e.trim();
                if (!isKnownError(name)) {
                    throw new CatalogException("line " + number + ": unknown error code name '" + name + "'");
                }
                errors.add(name);
            }
        }
        Set<String> tags = new HashSet<>();
        if (!f[6].trim().equals("-")) {
            for (String t : f[6].split(",")) {
                tags.add(t.trim());
            }
        }
        String text = f[7].trim();
        if (text.isEmpty()) {
            throw new CatalogException("line " + number + ": requirement " + id + " has no text");
        }
        return new Requirement(id, f[1].trim(), f[2].trim(), keyword, levels, errors, tags, text);
    }

    /** RFC 9000 error names and the multipath names of every dialect. */
    static boolean isKnownError(String name) {
        for (TransportError e : TransportError.values()) {
            if (e.name().equals(name)) {
                return true;
            }
        }
        for (Dialect d : Dialect.values()) {
            if (d.multipathErrors().containsValue(name)) {
                return true;
            }
        }
        return false;
    }

    public List<Requirement> all() {
        return List.copyOf(byId.values());
    }

    public Optional<Requirement> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public boolean contains(String id) {
        return byId.containsKey(id);
    }

    public int size() {
        return byId.size();
    }
}
