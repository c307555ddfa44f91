package io.mpqc.conformance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mpqc.conformance.cli.Cli.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DecodeCommandTest {

    @Test
    void decodesOnePayloadIntoOneLinePerFrame() {
        Outcome r = Cli.run("decode", "7e760207");
        assertThat(r.exitCode()).isZero();
        assertThat(r.outLines()).containsExactly("PATH_STATUS_BACKUP path_id=2 sequence=7");
        assertThat(r.err()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"7e760207", "0x7e760207", "7E760207", "7e 76 02 07", "7e:76:02:07", "0x7e 0x76 0x02 0x07",
        " 7e76 0207 "})
    void acceptsTheUsualHexSpellings(String hex) {
        Outcome r = Cli.run("decode", hex);
        assertThat(r.exitCode()).isZero();
        assertThat(r.outLines()).containsExactly("PATH_STATUS_BACKUP path_id=2 sequence=7");
    }

    @Test
    void printsEveryFrameOfAPayload() {
        Outcome r = Cli.run("decode", "3e 01 05 00 00 05 7e 7a 04 01");
        assertThat(r.exitCode()).isZero();
        assertThat(r.outLines()).containsExactly(
                "PATH_ACK path_id=1 largest=5 ack_delay=0 first_range=5 ranges=[]",
                "MAX_PATH_ID maximum=4",
                "PING");
    }

    @Test
    void aDecodeErrorShowsCodeNameOffsetAndMessageAndExitsOne() {
        Outcome r = Cli.run("decode", "7e 76 02");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILURES);
        assertThat(r.outLines()).containsExactly("error: FRAME_ENCODING_ERROR (0x7) at offset 3: "
                + "Path Status Sequence Number truncated (in PATH_STATUS_BACKUP, type 0x3e76)");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void framesBeforeTheErrorAreShown() {
        Outcome r = Cli.run("decode", "7e7a04 7e7602");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.outLines()).hasSize(2);
        assertThat(r.outLines().get(0)).isEqualTo("MAX_PATH_ID maximum=4");
        assertThat(r.outLines().get(1)).startsWith("error: FRAME_ENCODING_ERROR (0x7) at offset 6: ");
    }

    @Test
    void severalPayloadsGetAHeaderEachAndOneBadPayloadMakesTheExitCodeOne() {
        Outcome r = Cli.run("decode", "7e760207", "7e7602", "01");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.outLines()).containsExactly(
                "payload 1 (4 bytes): 7e760207",
                "  PATH_STATUS_BACKUP path_id=2 sequence=7",
                "payload 2 (3 bytes): 7e7602",
                "  error: FRAME_ENCODING_ERROR (0x7) at offset 3: Path Status Sequence Number truncated "
                        + "(in PATH_STATUS_BACKUP, type 0x3e76)",
                "payload 3 (1 bytes): 01",
                "  PING");
    }

    @Test
    void nonMinimalTypeIsProtocolViolationUnlessLenient() {
        Outcome strict = Cli.run("decode", "403e0105000005");
        assertThat(strict.exitCode()).isEqualTo(1);
        assertThat(strict.out()).startsWith("error: PROTOCOL_VIOLATION (0xa) at offset 0: ")
                .contains("(in PATH_ACK, type 0x3e)");

        Outcome lenient = Cli.run("decode", "--lenient", "403e0105000005");
        assertThat(lenient.exitCode()).isZero();
        assertThat(lenient.outLines()).containsExactly("PATH_ACK path_id=1 largest=5 ack_delay=0 first_range=5 ranges=[]");
    }

    @Test
    void dialectChangesCodepointsAndNames() {
        // draft-06: 0x15228c07 is PATH_STANDBY, and paths are named by DCID sequence number.
        Outcome r = Cli.run("decode", "--dialect", "draft-06", "95228c07 01 02");
        assertThat(r.exitCode()).isZero();
        assertThat(r.outLines()).containsExactly("PATH_STANDBY dcid_seq=1 sequence=2");

        Outcome d21 = Cli.run("decode", "--dialect=draft-21", "95228c07 01 02");
        assertThat(d21.exitCode()).isEqualTo(1);
        assertThat(d21.out()).startsWith("error: FRAME_ENCODING_ERROR (0x7) at offset 0: unknown frame type 0x15228c07");
    }

    @Test
    void jsonPrintsOneObjectPerPayload() {
        Outcome r = Cli.run("decode", "--json", "7e760207", "7e7a04 7e7602");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.outLines()).containsExactly(
                "{\"payload\":\"7e760207\",\"length\":4,\"dialect\":\"draft-21\",\"ok\":true,\"frames\":["
                        + "{\"name\":\"PATH_STATUS_BACKUP\",\"fields\":{\"path_id\":2,\"sequence\":7}}]}",
                "{\"payload\":\"7e7a047e7602\",\"length\":6,\"dialect\":\"draft-21\",\"ok\":false,\"frames\":["
                        + "{\"name\":\"MAX_PATH_ID\",\"fields\":{\"maximum\":4}}],"
                        + "\"error\":{\"code\":7,\"name\":\"FRAME_ENCODING_ERROR\",\"offset\":6,"
                        + "\"message\":\"Path Status Sequence Number truncated\",\"frame_type\":15990,"
                        + "\"frame\":\"PATH_STATUS_BACKUP\"}}");
    }

    @Test
    void jsonForAnUnreadableFrameTypeHasNullFrame() {
        Outcome r = Cli.run("decode", "--json", "7e");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("\"offset\":0,\"message\":\"frame type truncated\",\"frame_type\":null,\"frame\":null}");
    }

    @Test
    void jsonShowsBytesAsHexStrings() {
        Outcome r = Cli.run("decode", "--json", "06 00 02 22 5c");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("{\"name\":\"CRYPTO\",\"fields\":{\"offset\":0,\"data\":\"225c\"}}");
    }

    @Test
    void jsonShowsAckRangesAsAnArray() {
        Outcome r = Cli.run("decode", "--json", "02 0a 00 01 02 01 01", "3e 01 05 00 00 05");
        assertThat(r.exitCode()).isZero();
        assertThat(r.outLines().get(0)).contains("{\"name\":\"ACK\",\"fields\":{\"largest\":10,\"ack_delay\":0,"
                + "\"first_range\":2,\"ranges\":[{\"gap\":1,\"length\":1}]}}");
        assertThat(r.outLines().get(1)).contains("\"first_range\":5,\"ranges\":[]}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"zz", "7e7", "0x", "7e-76", "é1"})
    void badHexIsAUsageErrorOnOneLinePlusAHint(String hex) {
        Outcome r = Cli.run("decode", "7e760207", hex);
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.out()).isEmpty(); // nothing decoded: arguments are checked first
        assertThat(r.errLines()).hasSize(2);
        assertThat(r.errLines().get(0)).startsWith("mpqc decode: invalid HEX argument '" + hex + "': ");
        assertThat(r.errLines().get(1)).isEqualTo("Try 'mpqc decode --help' for more information.");
    }

    @Test
    void theReasonIsNamed() {
        assertThat(Cli.run("decode", "7e7").errLines().get(0))
                .isEqualTo("mpqc decode: invalid HEX argument '7e7': odd number of hex digits (3)");
        assertThat(Cli.run("decode", "7e zz").errLines().get(0))
                .isEqualTo("mpqc decode: invalid HEX argument '7e zz': 'z' is not a hex digit");
        assertThat(Cli.run("decode", "0x").errLines().get(0))
                .isEqualTo("mpqc decode: invalid HEX argument '0x': no hex digits");
    }

    @Test
    void unknownDialectIsAUsageErrorListingTheKnownOnes() {
        Outcome r = Cli.run("decode", "--dialect", "draft-99", "00");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.errLines()).hasSize(2);
        assertThat(r.errLines().get(0)).isEqualTo("mpqc decode: Invalid value for option '--dialect': "
                + "unknown dialect 'draft-99' (known: draft-21, draft-18, draft-06)");
    }

    @Test
    void missingPayloadAndUnknownOptionAreUsageErrors() {
        Outcome none = Cli.run("decode");
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).startsWith("mpqc decode: Missing required parameter: 'HEX'");

        Outcome unknown = Cli.run("decode", "--frobnicate", "00");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).startsWith("mpqc decode: Unknown option: '--frobnicate'")
                .doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void helpDescribesTheCommand() {
        Outcome r = Cli.run("decode", "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out().replaceAll("\\s+", " ")).contains("Usage: mpqc decode", "--dialect=D",
                "draft-21, draft-18, draft-06",
                "--lenient", "--json", "Exit codes:");
    }
}
