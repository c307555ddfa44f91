package io.mpqc.conformance.shim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The strict JSON reader the suite uses on whatever a shim writes. */
class JsonParserTest {

    @Test
    void readsAShimReply() throws JsonException {
        Map<String, Object> m = JsonParser.parseObject(
                " {\"id\":7,\"ok\":{\"sent\":[{\"path_id\":0,\"frame\":\"7e7a04\"}],\"close\":null,"
                        + "\"refused\":null,\"flag\":true,\"off\":false,\"x\":-1.5e3}} ");
        assertThat(m).containsEntry("id", 7L).containsKey("ok");
        @SuppressWarnings("unchecked")
        Map<String, Object> ok = (Map<String, Object>) m.get("ok");
        assertThat(ok.get("sent")).isEqualTo(List.of(Map.of("path_id", 0L, "frame", "7e7a04")));
        assertThat(ok).containsEntry("close", null).containsEntry("refused", null)
                .containsEntry("flag", true).containsEntry("off", false).containsEntry("x", -1500.0);
        assertThat(ok.keySet()).containsExactly("sent", "close", "refused", "flag", "off", "x");
    }

    @Test
    void readsEveryValueKind() throws JsonException {
        assertThat(JsonParser.parse("[]")).isEqualTo(List.of());
        assertThat(JsonParser.parse("{}")).isEqualTo(Map.of());
        assertThat(JsonParser.parse("0")).isEqualTo(0L);
        assertThat(JsonParser.parse("-0")).isEqualTo(0L);
        assertThat(JsonParser.parse("4611686018427387903")).isEqualTo((1L << 62) - 1);
        assertThat(JsonParser.parse("9223372036854775807")).isEqualTo(Long.MAX_VALUE);
        assertThat(JsonParser.parse("-9223372036854775808")).isEqualTo(Long.MIN_VALUE);
        assertThat(JsonParser.parse("0.5")).isEqualTo(0.5);
        assertThat(JsonParser.parse("1E2")).isEqualTo(100.0);
        assertThat(JsonParser.parse("null")).isNull();
        assertThat(JsonParser.parse("\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\\u00e9\\u2028\"")).isEqualTo(
                "a\"b\\c/d\b\f\n\r\t\u00e9\u2028");
        assertThat(JsonParser.parse("\"\\ud83d\\ude00 \u00fc\"")).isEqualTo("\ud83d\ude00 \u00fc");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "{", "}", "[1,]", "{\"a\":1,}", "{\"a\" 1}", "{a:1}", "{'a':1}", "[1 2]",
        "\"open", "\"bad \\x escape\"", "\"short \\u12\"", "\"\\u12zz\"", "tru", "nul", "True", "NaN", "Infinity",
        "-", "1.", ".5", "1e", "+1", "01", "-01", "00", "0x10", "1 2", "{} {}", "{\"id\":1}x",
        "\"tab\tinside\"", "\"line\nbreak\"", "Traceback (most recent call last):"})
    void rejectsWhatIsNotJson(String text) {
        assertThatThrownBy(() -> JsonParser.parse(text)).isInstanceOf(JsonException.class);
    }

    @Test
    void parseObjectWantsAnObject() {
        assertThatThrownBy(() -> JsonParser.parseObject("[1]")).isInstanceOf(JsonException.class)
                .hasMessageContaining("object");
        assertThatThrownBy(() -> JsonParser.parseObject("42")).isInstanceOf(JsonException.class);
    }

    @Test
    void deepNestingIsAnErrorNotAStackOverflow() throws JsonException {
        String ok = "[".repeat(30) + "]".repeat(30);
        assertThat(JsonParser.parse(ok)).isInstanceOf(List.class);
        for (String open : List.of("[", "{\"a\":")) {
            String deep = open.repeat(100_000) + "1" + (open.equals("[") ? "]" : "}").repeat(100_000);
            assertThatThrownBy(() -> JsonParser.parse(deep)).isInstanceOf(JsonException.class)
                    .hasMessageContaining("nesting");
        }
    }

    @Test
    void hugeNumbersAreErrorsNotWrongValues() {
        assertThatThrownBy(() -> JsonParser.parse("9223372036854775808")).isInstanceOf(JsonException.class)
                .hasMessageContaining("out of range");
        assertThatThrownBy(() -> JsonParser.parse("18446744073709551616")).isInstanceOf(JsonException.class);
        assertThatThrownBy(() -> JsonParser.parse("-9223372036854775809")).isInstanceOf(JsonException.class);
        assertThatThrownBy(() -> JsonParser.parse("1e400")).isInstanceOf(JsonException.class)
                .hasMessageContaining("out of range");
        String longDigits = "7".repeat(100_000);
        assertThatThrownBy(() -> JsonParser.parse(longDigits)).isInstanceOf(JsonException.class)
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(200));
    }

    @Test
    void errorsSayWhere() {
        assertThatThrownBy(() -> JsonParser.parse("{\"id\":1,\"ok\":tru}")).isInstanceOf(JsonException.class)
                .hasMessageContaining("at character 13");
    }

    @Test
    void duplicateMembersKeepTheLast() throws JsonException {
        assertThat(JsonParser.parseObject("{\"id\":1,\"id\":2}")).containsEntry("id", 2L).hasSize(1);
    }
}
