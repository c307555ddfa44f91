package io.mpqc.conformance.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;

import io.mpqc.conformance.selfcheck.CodecSelfCheck.Check;
import io.mpqc.conformance.selfcheck.CodecSelfCheck.Decodes;
import io.mpqc.conformance.selfcheck.CodecSelfCheck.Rejects;
import io.mpqc.conformance.selfcheck.CodecSelfCheck.Result;
import io.mpqc.ref.frame.Frame;
import io.mpqc.ref.frame.Strictness;
import io.mpqc.ref.frame.TransportError;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CodecSelfCheckTest {

    @Test
    void everyCheckPassesWithTheReferenceCodec() {
        List<Result> results = CodecSelfCheck.runAll();
        assertThat(results).isNotEmpty();
        assertThat(results).filteredOn(r -> !r.passed())
                .as("failed checks").isEmpty();
    }

    @Test
    void coversEveryDraft21MultipathFrameAndTheNegativeExamples() {
        Set<String> ids = CodecSelfCheck.checks().stream().map(Check::id).collect(Collectors.toSet());
        assertThat(ids).contains("decode/PATH_ACK", "decode/PATH_ACK_ECN", "decode/PATH_ABANDON",
                "decode/PATH_STATUS_BACKUP", "decode/PATH_STATUS_AVAILABLE", "decode/PATH_NEW_CONNECTION_ID",
                "decode/PATH_RETIRE_CONNECTION_ID", "decode/MAX_PATH_ID", "decode/PATHS_BLOCKED",
                "decode/PATH_CIDS_BLOCKED", "decode/MAX_PATH_ID-2^32", "reject/non-minimal-type-40-3e");
        assertThat(ids).hasSize(CodecSelfCheck.checks().size()); // ids are unique
    }

    @Test
    void aWrongExpectationFailsAndSaysWhatWasSeen() {
        Result decodedButShouldNot = CodecSelfCheck.run(new Rejects("x", "x", "7e 7a 04", Strictness.STRICT,
                TransportError.FRAME_ENCODING_ERROR, 0));
        assertThat(decodedButShouldNot.passed()).isFalse();
        assertThat(decodedButShouldNot.actual()).isEqualTo("decoded: MAX_PATH_ID maximum=4");

        Result wrongOffset = CodecSelfCheck.run(new Rejects("x", "x", "7e 76 02", Strictness.STRICT,
                TransportError.FRAME_ENCODING_ERROR, 2));
        assertThat(wrongOffset.passed()).isFalse();
        assertThat(wrongOffset.expected()).isEqualTo("error FRAME_ENCODING_ERROR at offset 2");
        assertThat(wrongOffset.actual()).startsWith("error FRAME_ENCODING_ERROR at offset 3: ");

        Result wrongFrame = CodecSelfCheck.run(new Decodes("x", "x", "7e 7a 04", Strictness.STRICT,
                List.of(new Frame.MaxPathId(5)), "7e 7a 04"));
        assertThat(wrongFrame.passed()).isFalse();

        Result notCanonical = CodecSelfCheck.run(new Decodes("x", "x", "40 01", Strictness.LENIENT,
                List.of(new Frame.Ping()), "40 01"));
        assertThat(notCanonical.passed()).isFalse();
        assertThat(notCanonical.actual()).endsWith("re-encoded: 01");
    }
}
