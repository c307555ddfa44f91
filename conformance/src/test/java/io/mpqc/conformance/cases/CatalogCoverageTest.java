package io.mpqc.conformance.cases;

import static org.assertj.core.api.Assertions.assertThat;

import io.mpqc.conformance.catalog.Catalog;
import io.mpqc.conformance.catalog.Level;
import io.mpqc.conformance.catalog.Requirement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Every requirement testable at codec or endpoint level has at least one case; every case names known IDs. */
class CatalogCoverageTest {
    @Test
    void everyInProcessRequirementHasACase() {
        Catalog catalog = Catalog.builtIn();
        Set<String> covered = new HashSet<>();
        for (ConformanceCase c : CaseRegistry.builtIn(catalog).all()) {
            covered.addAll(c.requirements());
        }
        List<String> missing = catalog.all().stream()
                .filter(r -> r.levels().contains(Level.CODEC) || r.levels().contains(Level.ENDPOINT))
                .map(Requirement::id).filter(id -> !covered.contains(id)).toList();
        assertThat(missing).as("codec- or endpoint-level requirements without a case").isEmpty();
    }
}
