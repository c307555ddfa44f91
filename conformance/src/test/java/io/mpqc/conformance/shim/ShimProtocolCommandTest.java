package io.mpqc.conformance.shim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mpqc.conformance.report.Json;
import io.mpqc.conformance.target.Command;
import io.mpqc.ref.path.PathStatus;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Every local command survives the shim protocol's JSON, and a command the protocol lacks is an error. */
class ShimProtocolCommandTest {

    static Stream<Command> commands() {
        return Stream.of(new Command.OpenPath(), new Command.AbandonPath(3, 0x3e75),
                new Command.SetStatus(1, PathStatus.BACKUP), new Command.SetStatus(2, PathStatus.AVAILABLE),
                new Command.RaiseMaxPathId(0xFFFF_FFFFL), new Command.IssueConnectionIds(4, 2),
                new Command.Close(0, "done"), new Command.Close(0x0a, ""));
    }

    @ParameterizedTest
    @MethodSource("commands")
    void commandGoesThereAndBack(Command c) throws Exception {
        Map<String, Object> wire = JsonParser.parseObject(Json.write(ShimProtocol.command(c)));
        assertThat(ShimProtocol.command(wire)).isEqualTo(c);
    }

    @Test
    void closeWithoutReasonHasAnEmptyOne() throws Exception {
        Map<String, Object> m = JsonParser.parseObject("{\"command\":\"close\",\"error_code\":7}");
        assertThat(ShimProtocol.command(m)).isEqualTo(new Command.Close(7, ""));
    }

    @Test
    void unknownCommandIsAProtocolError() throws Exception {
        Map<String, Object> m = JsonParser.parseObject("{\"command\":\"migrate\"}");
        assertThatThrownBy(() -> ShimProtocol.command(m)).isInstanceOf(ShimProtocolException.class)
                .hasMessageContaining("migrate");
    }
}
