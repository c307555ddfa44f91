package io.mpqc.conformance.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import org.junit.jupiter.api.Test;

class CatalogTest {
    private static final String HEADER = "id\tdocument\tsection\tkeyword\tlevels\terror\ttags\ttext\n";

    @Test
    void builtInCatalogLoadsWithEveryDigestSection() {
        Catalog c = Catalog.builtIn();
        assertThat(c.size()).isGreaterThan(140);
        assertThat(c.get("MP-4.3-4")).hasValueSatisfying(r -> {
            assertThat(r.keyword()).isEqualTo(Keyword.MUST);
            assertThat(r.levels()).containsExactly(Level.ENDPOINT);
            assertThat(r.tags()).contains("status", "replay");
        });
        assertThat(c.get("MP-4-3").orElseThrow().errors()).containsExactly("PROTOCOL_VIOLATION");
        assertThat(c.get("MP-2-1").orElseThrow().errors()).containsExactly("FRAME_ENCODING_ERROR", "PROTOCOL_VIOLATION");
    }

    @Test
    void duplicateIdsAreRejectedWithTheLine() {
        String text = HEADER + "MP-1-1\td\t1\tMUST\tcodec\t-\t-\tone\nMP-1-1\td\t1\tMUST\tcodec\t-\t-\ttwo\n";
        assertThatThrownBy(() -> Catalog.load(new StringReader(text))).isInstanceOf(CatalogException.class)
                .hasMessage("line 3: duplicate requirement ID MP-1-1");
    }

    @Test
    void unknownKeywordLevelAndErrorAreRejected() {
        assertThatThrownBy(() -> Catalog.load(new StringReader(HEADER + "MP-1-1\td\t1\tOUGHT\tcodec\t-\t-\tx\n")))
                .isInstanceOf(CatalogException.class).hasMessageContaining("unknown keyword 'OUGHT'");
        assertThatThrownBy(() -> Catalog.load(new StringReader(HEADER + "MP-1-1\td\t1\tMUST\tradio\t-\t-\tx\n")))
                .isInstanceOf(CatalogException.class).hasMessageContaining("unknown level 'radio'");
        assertThatThrownBy(() -> Catalog.load(new StringReader(HEADER + "MP-1-1\td\t1\tMUST\tcodec\tOOPS\t-\tx\n")))
                .isInstanceOf(CatalogException.class).hasMessageContaining("unknown error code name 'OOPS'");
    }

    @Test
    void malformedLinesAreRejected() {
        assertThatThrownBy(() -> Catalog.load(new StringReader(HEADER + "MP-1-1\td\t1\tMUST\n")))
                .isInstanceOf(CatalogException.class).hasMessageContaining("4 columns, expected 8");
        assertThatThrownBy(() -> Catalog.load(new StringReader(HEADER + "X-1\td\t1\tMUST\tcodec\t-\t-\tx\n")))
                .isInstanceOf(CatalogException.class).hasMessageContaining("malformed requirement ID 'X-1'");
        assertThatThrownBy(() -> Catalog.load(new StringReader("MP-1-1\td\t1\tMUST\tcodec\t-\t-\tx\n")))
                .isInstanceOf(CatalogException.class).hasMessageContaining("header");
        assertThatThrownBy(() -> Catalog.load(new StringReader(HEADER)))
                .isInstanceOf(CatalogException.class).hasMessageContaining("no requirement");
    }

    @Test
    void multipathErrorNamesOfOlderDialectsAreKnown() throws Exception {
        Catalog c = Catalog.load(new StringReader(HEADER
                + "MP-1-1\td\t1\tMUST\tcodec\tMP_PROTOCOL_VIOLATION|PATH_UNSTABLE_OR_POOR\t-\tx\n"));
        assertThat(c.get("MP-1-1").orElseThrow().errors()).hasSize(2);
    }
}
