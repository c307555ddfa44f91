package io.mpqc.conformance.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {
    @Test
    void escapesMarkupQuotesAndControlCharacters() {
        assertThat(Html.escape("<b a=\"1\" c='2'>&amp;</b>"))
                .isEqualTo("&lt;b a=&quot;1&quot; c=&#39;2&#39;&gt;&amp;amp;&lt;/b&gt;");
        assertThat(Html.escape("a\u0000b\nc")).isEqualTo("a\uFFFDb\nc");
        assertThat(Html.escape(null)).isEmpty();
    }
}
