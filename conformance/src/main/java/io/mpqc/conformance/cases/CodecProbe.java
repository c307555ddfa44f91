package io.mpqc.conformance.cases;

import io.mpqc.conformance.target.CodecResult;
import io.mpqc.conformance.target.CodecTarget;
import io.mpqc.conformance.target.TargetException;
import io.mpqc.ref.frame.Dialect;
import io.mpqc.ref.frame.Frame;
import io.mpqc.ref.frame.FrameFields;
import io.mpqc.ref.frame.TransportError;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/** A case's handle on a codec target: feeds payloads and judges the decoded frames or the error. */
public final class CodecProbe {
    private final CodecTarget codec;
    private final Dialect dialect;
    private final Transcript transcript;

    CodecProbe(CodecTarget codec, Dialect dialect, Transcript transcript) {
        this.codec = codec;
        this.dialect = dialect;
        this.transcript = transcript;
    }

    public CodecResult decode(String hex) throws TargetException {
        return decode(HexFormat.of().parseHex(hex.replace(" ", "")));
    }

    public CodecResult decode(byte[] payload) throws TargetException {
        transcript.bytesToTarget("payload to decode (" + payload.length + " bytes)", payload);
        CodecResult r = codec.decode(dialect, payload);
        transcript.note("target: " + describe(r));
        return r;
    }

    /** The target's nonce for a packet (the case records it in the transcript). */
    public byte[] nonce(byte[] iv, long pathId, long packetNumber) throws TargetException {
        byte[] n = codec.nonce(iv, pathId, packetNumber);
        transcript.note("nonce(iv=" + java.util.HexFormat.of().formatHex(iv) + ", path " + pathId + ", packet "
                + packetNumber + ") = " + java.util.HexFormat.of().formatHex(n));
        return n;
    }

    /** Hands a transport parameters block to the target (the case records it in the transcript). */
    public io.mpqc.conformance.target.TransportParametersResult decodeTransportParameters(Dialect dialect,
            io.mpqc.ref.tp.Role sender, byte[] block) throws TargetException {
        return codec.decodeTransportParameters(dialect, sender, block);
    }

    /** The payload decodes to exactly these frames. */
    public Outcome expectDecoded(String hex, Frame... frames) throws TargetException {
        CodecResult r = decode(hex);
        String expected = "decodes to " + Arrays.stream(frames).map(f -> FrameFields.describe(f, dialect))
                .collect(Collectors.joining(", "));
        if (r instanceof CodecResult.Decoded d && d.frames().equals(List.of(frames))) {
            return Outcome.met(expected, describe(r));
        }
        return Outcome.notMet(expected, describe(r));
    }

    /** The payload is rejected with one of these codes. */
    public Outcome expectRejected(String hex, TransportError... errors) throws TargetException {
        return expectRejected(HexFormat.of().parseHex(hex.replace(" ", "")), errors);
    }

    public Outcome expectRejected(byte[] payload, TransportError... errors) throws TargetException {
        CodecResult r = decode(payload);
        String expected = "rejected with " + Arrays.stream(errors).map(e -> TransportError.describe(e.code(), dialect))
                .collect(Collectors.joining(" or "));
        if (r instanceof CodecResult.Rejected rej && Arrays.stream(errors).anyMatch(e -> e.code() == rej.errorCode())) {
            return Outcome.met(expected, describe(r));
        }
        return Outcome.notMet(expected, describe(r));
    }

    /** The payload decodes without error, to frames of these types in order. */
    public Outcome expectAccepted(String hex) throws TargetException {
        CodecResult r = decode(hex);
        return r instanceof CodecResult.Decoded ? Outcome.met("decodes without error", describe(r))
                : Outcome.notMet("decodes without error", describe(r));
    }

    private String describe(CodecResult r) {
        if (r instanceof CodecResult.Decoded d) {
            return "decoded " + (d.frames().isEmpty() ? "no frame" : d.frames().stream()
                    .map(f -> FrameFields.describe(f, dialect)).collect(Collectors.joining(", ")));
        }
        CodecResult.Rejected rej = (CodecResult.Rejected) r;
        return "rejected with " + TransportError.describe(rej.errorCode(), dialect)
                + (rej.offset() >= 0 ? " at offset " + rej.offset() : "");
    }
}
