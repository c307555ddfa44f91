package io.mpqc.ref.conn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class QlogJsonEscapingTest {

    @Test
    void everyBmpCharacterRoundTrips() {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < Character.MIN_SURROGATE; c++) {
            all.append(c);
        }
        for (char c = (char) (Character.MAX_SURROGATE + 1); c != 0; c++) {
            all.append(c);
        }
        String s = all.toString();

        assertThat(QlogJsonReader.parse(JsonObjectWriter.quote(s))).isEqualTo(s);
    }

    @Test
    void noRawControlCharacterSurvives() {
        StringBuilder controls = new StringBuilder();
        for (char c = 0; c < 0x20; c++) {
            controls.append(c);
        }
        String quoted = JsonObjectWriter.quote(controls + "\u007f");

        assertThat(quoted.chars().filter(c -> c < 0x20 || c == 0x7f)).isEmpty();
        assertThat(quoted).contains("\\u001e", "\\n", "\\t", "\\u0000", "\\u007f");
    }

    @Test
    void surrogatePairsPassAndLoneSurrogatesBecomeReplacementCharacters() {
        assertThat(JsonObjectWriter.quote("a\uD83D\uDE00b")).isEqualTo("\"a\uD83D\uDE00b\"");
        assertThat(JsonObjectWriter.quote("\uD83D")).isEqualTo("\"\\ufffd\"");
        assertThat(JsonObjectWriter.quote("\uDE00x\uD83D")).isEqualTo("\"\\ufffdx\\ufffd\"");
    }

    @Test
    void randomStringsRoundTripInsideObjects() {
        SplittableRandom random = new SplittableRandom(7);
        for (int n = 0; n < 2_000; n++) {
            StringBuilder b = new StringBuilder();
            int len = random.nextInt(20);
            for (int i = 0; i < len; i++) {
                int cp = random.nextInt(4) == 0 ? random.nextInt(0x80) : random.nextInt(0x10FFFF + 1);
                if (cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE) {
                    b.appendCodePoint(cp);
                }
            }
            String s = b.toString();
            String json = new JsonObjectWriter().string(s, s).strings("list", List.of(s, "")).toJson();

            Map<String, Object> parsed = QlogJsonReader.parseObject(json);
            assertThat(parsed).containsEntry(s, s).containsEntry("list", List.of(s, ""));
        }
    }
}
