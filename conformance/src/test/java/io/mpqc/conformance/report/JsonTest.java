package io.mpqc.conformance.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void escapesStrings() {
        assertThat(Json.quote("plain")).isEqualTo("\"plain\"");
        assertThat(Json.quote("a\"b\\c")).isEqualTo("\"a\\\"b\\\\c\"");
        assertThat(Json.quote("\n\r\t\b\f")).isEqualTo("\"\\n\\r\\t\\b\\f\"");
        assertThat(Json.quote("\u0000\u0001\u001f\u007f")).isEqualTo("\"\\u0000\\u0001\\u001f\\u007f\"");
        assertThat(Json.quote("\u2028\u2029")).isEqualTo("\"\\u2028\\u2029\"");
        assertThat(Json.quote("</script>")).isEqualTo("\"<\\/script>\"");
        assertThat(Json.quote("a/b é \uD83D\uDE00")).isEqualTo("\"a/b é \uD83D\uDE00\"");
    }

    @Test
    void writesNestedValuesInOrder() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("z", 1L);
        m.put("a", List.of(true, false));
        m.put("n", null);
        m.put("s", "x");
        m.put("i", 7);
        m.put("d", 1.5);
        m.put("o", Map.of("k", "v"));
        m.put("arr", new Object[] {"q", 2});
        m.put("empty", List.of());
        assertThat(Json.write(m)).isEqualTo("{\"z\":1,\"a\":[true,false],\"n\":null,\"s\":\"x\",\"i\":7,\"d\":1.5,"
                + "\"o\":{\"k\":\"v\"},\"arr\":[\"q\",2],\"empty\":[]}");
        assertThat(Json.write(Arrays.asList(null, Long.MAX_VALUE))).isEqualTo("[null,9223372036854775807]");
        assertThat(Json.write(Map.of("k\"ey", "v"))).isEqualTo("{\"k\\\"ey\":\"v\"}");
    }

    @Test
    void rejectsWhatJsonCannotSay() {
        assertThatThrownBy(() -> Json.write(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Json.write(new Object())).isInstanceOf(IllegalArgumentException.class);
    }
}
