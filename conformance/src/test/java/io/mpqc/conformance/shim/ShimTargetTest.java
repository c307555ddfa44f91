package io.mpqc.conformance.shim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mpqc.conformance.target.TargetException;
import io.mpqc.conformance.target.Targets;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** How {@code shim:} command lines are split into words, and how target names that cannot work are refused. */
class ShimTargetTest {

    @Test
    void splitsOnBlanks() {
        assertThat(ShimTarget.split("python3 examples/python-shim/shim.py")).containsExactly("python3",
                "examples/python-shim/shim.py");
        assertThat(ShimTarget.split("  a \t b\n c  ")).containsExactly("a", "b", "c");
        assertThat(ShimTarget.split("")).isEmpty();
        assertThat(ShimTarget.split("   ")).isEmpty();
    }

    @Test
    void quotesGroupWords() {
        assertThat(ShimTarget.split("'my shim' --flag \"two words\"")).containsExactly("my shim", "--flag",
                "two words");
        assertThat(ShimTarget.split("java -cp '/opt/my libs/*' Main")).containsExactly("java", "-cp", "/opt/my libs/*",
                "Main");
        assertThat(ShimTarget.split("--name=\"a b\"c")).containsExactly("--name=a bc");
    }

    @Test
    void oneQuoteKindInsideTheOther() {
        assertThat(ShimTarget.split("sh -c \"echo 'hi there'\"")).containsExactly("sh", "-c", "echo 'hi there'");
        assertThat(ShimTarget.split("say 'he said \"go\"'")).containsExactly("say", "he said \"go\"");
    }

    @Test
    void emptyQuotesAreAnEmptyWord() {
        assertThat(ShimTarget.split("cmd '' x \"\"")).containsExactly("cmd", "", "x", "");
    }

    @Test
    void unclosedQuoteRunsToTheEnd() {
        assertThat(ShimTarget.split("cmd 'a b")).containsExactly("cmd", "a b");
    }

    @Test
    void noBackslashEscapes() {
        assertThat(ShimTarget.split("C:\\shims\\my.exe --x")).containsExactly("C:\\shims\\my.exe", "--x");
    }

    @Test
    void emptyCommandIsAUsageError() {
        assertThatThrownBy(() -> Targets.open("shim:", Duration.ofSeconds(1), false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a command");
    }

    @Test
    void missingProgramCannotStart() {
        assertThatThrownBy(() -> Targets.open("shim:/nonexistent/mpqc-shim --x", Duration.ofSeconds(2), false))
                .isInstanceOf(TargetException.class).hasMessageContaining("cannot start shim:/nonexistent/mpqc-shim");
    }

    @Test
    void badTcpAddressesAreUsageErrors() {
        assertThatThrownBy(() -> Targets.open("tcp:localhost", Duration.ofSeconds(1), false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("HOST:PORT");
        assertThatThrownBy(() -> Targets.open("tcp:localhost:http", Duration.ofSeconds(1), false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a number");
    }

    @Test
    void nobodyListeningCannotStart() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        assertThatThrownBy(() -> Targets.open("tcp:127.0.0.1:" + port, Duration.ofSeconds(2), false))
                .isInstanceOf(TargetException.class).hasMessageContaining("cannot start tcp:127.0.0.1:" + port);
    }
}
