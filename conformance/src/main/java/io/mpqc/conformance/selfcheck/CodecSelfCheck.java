package io.mpqc.conformance.selfcheck;

import io.mpqc.ref.frame.AckRanges;
import io.mpqc.ref.frame.Bytes;
import io.mpqc.ref.frame.Dialect;
import io.mpqc.ref.frame.EcnCounts;
import io.mpqc.ref.frame.Frame;
import io.mpqc.ref.frame.FrameDecodeException;
import io.mpqc.ref.frame.FrameDecoder;
import io.mpqc.ref.frame.FrameEncoder;
import io.mpqc.ref.frame.FrameFields;
import io.mpqc.ref.frame.Strictness;
import io.mpqc.ref.frame.TransportError;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The codec self-check that {@code mpqc run} performs until the conformance cases exist: the byte
 * examples of the multipath digest (section 2.2, draft-21) decoded with the draft-21 decoder, compared
 * with the frame records they stand for and encoded back to the same bytes, plus negative examples that
 * must fail with a given transport error at a given offset.
 *
 * <p>A check never throws: a codec that crashes on an input fails that check, with the exception as what
 * was seen.
 */
public final class CodecSelfCheck {
    /** The dialect of the digest's examples. */
    public static final Dialect DIALECT = Dialect.DRAFT_21;

    private static final HexFormat HEX = HexFormat.ofDelimiter(" ");
    /** The digest leaves the CID and token bytes of its PATH_NEW_CONNECTION_ID example open; these fill them. */
    private static final String CID = "01 02 03 04 05 06 07 08";
    private static final String TOKEN = "a0 a1 a2 a3 a4 a5 a6 a7 a8 a9 aa ab ac ad ae af";

    /** One check: an input, and what the codec must make of it. */
    public sealed interface Check {
        /** A short stable name, e.g. {@code decode/PATH_ACK}. */
        String id();

        /** What is checked, in words. */
        String title();

        /** The input bytes as spaced hex. */
        String hex();
    }

    /**
     * {@code hex} decodes (with {@code strictness}) to exactly {@code frames}, and encoding those frames
     * gives {@code reencoded} (the input itself unless the input was not in canonical form).
     */
    public record Decodes(String id, String title, String hex, Strictness strictness, List<Frame> frames,
            String reencoded) implements Check {
        public Decodes {
            frames = List.copyOf(frames);
        }
    }

    /** {@code hex} fails to decode with {@code error} at byte {@code offset} of the input. */
    public record Rejects(String id, String title, String hex, Strictness strictness, TransportError error,
            int offset) implements Check {
    }

    /** The outcome of one check: what was expected and what the codec did, both in words. */
    public record Result(Check check, boolean passed, String expected, String actual) {
    }

    /** Every check, positive examples first. */
    public static List<Check> checks() {
        List<Check> c = new ArrayList<>();
        Frame pathAck = new Frame.PathAck(1, 5, 0, 5, AckRanges.NONE, null);
        Frame pathAckEcn = new Frame.PathAck(1, 5, 0, 5, AckRanges.NONE, new EcnCounts(1, 0, 0));
        Frame abandon = new Frame.PathAbandon(1, 0);
        Frame abandonUnstable = new Frame.PathAbandon(1, 0x3e76);
        Frame backup = new Frame.PathStatusBackup(2, 7);
        Frame available = new Frame.PathStatusAvailable(2, 8);
        Frame newCid = new Frame.PathNewConnectionId(1, 0, 0, Bytes.ofHex(CID), Bytes.ofHex(TOKEN));
        Frame retireCid = new Frame.PathRetireConnectionId(1, 0);
        Frame maxPathId = new Frame.MaxPathId(4);
        Frame pathsBlocked = new Frame.PathsBlocked(4);
        Frame cidsBlocked = new Frame.PathCidsBlocked(3, 1);

        String[][] examples = {
            {"PATH_ACK", "PATH_ACK for path 1, largest 5, delay 0, no extra ranges, first range 5",
                "3e 01 05 00 00 05"},
            {"PATH_ACK_ECN", "PATH_ACK_ECN: the same with ECN counts ECT0 1, ECT1 0, CE 0",
                "3f 01 05 00 00 05 01 00 00"},
            {"PATH_ABANDON", "PATH_ABANDON for path 1, NO_ERROR", "7e 75 01 00"},
            {"PATH_ABANDON/unstable", "PATH_ABANDON for path 1, PATH_UNSTABLE_OR_POOR (0x3e76)", "7e 75 01 7e 76"},
            {"PATH_STATUS_BACKUP", "PATH_STATUS_BACKUP for path 2, sequence 7", "7e 76 02 07"},
            {"PATH_STATUS_AVAILABLE", "PATH_STATUS_AVAILABLE for path 2, sequence 8", "7e 77 02 08"},
            {"PATH_NEW_CONNECTION_ID", "PATH_NEW_CONNECTION_ID for path 1, sequence 0, 8-byte CID",
                "7e 78 01 00 00 08 " + CID + " " + TOKEN},
            {"PATH_RETIRE_CONNECTION_ID", "PATH_RETIRE_CONNECTION_ID for path 1, sequence 0", "7e 79 01 00"},
            {"MAX_PATH_ID", "MAX_PATH_ID 4", "7e 7a 04"},
            {"PATHS_BLOCKED", "PATHS_BLOCKED 4", "7e 7b 04"},
            {"PATH_CIDS_BLOCKED", "PATH_CIDS_BLOCKED for path 3, next sequence 1", "7e 7c 03 01"},
        };
        Frame[] frames = {pathAck, pathAckEcn, abandon, abandonUnstable, backup, available, newCid, retireCid,
            maxPathId, pathsBlocked, cidsBlocked};
        for (int i = 0; i < examples.length; i++) {
            c.add(decodes("decode/" + examples[i][0], examples[i][1], examples[i][2], frames[i]));
        }
        c.add(decodes("decode/path-id-2^32-1", "PATH_STATUS_AVAILABLE for path 2^32-1 (8-byte varint), sequence 1",
                "7e 77 c0 00 00 00 ff ff ff ff 01", new Frame.PathStatusAvailable(0xffff_ffffL, 1)));
        c.add(decodes("decode/MAX_PATH_ID-2^32", "MAX_PATH_ID 2^32 decodes: the 2^32-1 limit is the connection's "
                + "rule, not the codec's", "7e 7a c0 00 00 01 00 00 00 00", new Frame.MaxPathId(1L << 32)));
        String all = Arrays.stream(examples).map(e -> e[2]).collect(Collectors.joining(" "));
        c.add(new Decodes("decode/all-in-one-payload", "all " + examples.length
                + " examples above in one payload decode in order", all, Strictness.STRICT, List.of(frames), all));
        c.add(new Decodes("decode/lenient-40-3e", "lenient decoder accepts PATH_ACK typed as 40 3e and "
                + "re-encodes it minimally", "40 3e 01 05 00 00 05", Strictness.LENIENT, List.of(pathAck),
                "3e 01 05 00 00 05"));

        c.add(rejects("reject/non-minimal-type-40-3e", "PATH_ACK typed as 40 3e (non-minimal) is "
                + "PROTOCOL_VIOLATION", "40 3e 01 05 00 00 05", TransportError.PROTOCOL_VIOLATION, 0));
        c.add(rejects("reject/non-minimal-type-80-00-3e-75", "PATH_ABANDON typed as 80 00 3e 75 (non-minimal) is "
                + "PROTOCOL_VIOLATION", "80 00 3e 75 01 00", TransportError.PROTOCOL_VIOLATION, 0));
        c.add(rejects("reject/truncated-type", "a frame type cut after its first byte is FRAME_ENCODING_ERROR",
                "7e", TransportError.FRAME_ENCODING_ERROR, 0));
        c.add(rejects("reject/truncated-PATH_STATUS_BACKUP", "PATH_STATUS_BACKUP without its sequence number is "
                + "FRAME_ENCODING_ERROR", "7e 76 02", TransportError.FRAME_ENCODING_ERROR, 3));
        c.add(rejects("reject/truncated-PATH_ABANDON", "PATH_ABANDON without its error code is "
                + "FRAME_ENCODING_ERROR", "7e 75 01", TransportError.FRAME_ENCODING_ERROR, 3));
        c.add(rejects("reject/truncated-PATH_ACK", "PATH_ACK without its First ACK Range is FRAME_ENCODING_ERROR",
                "3e 01 05 00", TransportError.FRAME_ENCODING_ERROR, 4));
        c.add(rejects("reject/truncated-PATH_ACK_ECN", "PATH_ACK_ECN without its ECN-CE count is "
                + "FRAME_ENCODING_ERROR", "3f 01 05 00 00 05 01 00", TransportError.FRAME_ENCODING_ERROR, 8));
        c.add(rejects("reject/truncated-PATH_NEW_CONNECTION_ID", "PATH_NEW_CONNECTION_ID cut inside its "
                + "connection ID is FRAME_ENCODING_ERROR", "7e 78 01 00 00 08 01 02 03 04",
                TransportError.FRAME_ENCODING_ERROR, 6));
        c.add(rejects("reject/truncated-varint", "MAX_PATH_ID whose 8-byte varint is cut after 4 bytes is "
                + "FRAME_ENCODING_ERROR", "7e 7a c0 00 00 01", TransportError.FRAME_ENCODING_ERROR, 2));
        c.add(rejects("reject/truncated-second-frame", "a truncated second frame is reported at its offset in "
                + "the payload", "7e 7a 04 7e 76 02", TransportError.FRAME_ENCODING_ERROR, 6));
        c.add(rejects("reject/unknown-type-0x3e7d", "frame type 0x3e7d (not defined in draft-21) is "
                + "FRAME_ENCODING_ERROR", "7e 7d 00", TransportError.FRAME_ENCODING_ERROR, 0));
        return List.copyOf(c);
    }

    private static Check decodes(String id, String title, String hex, Frame frame) {
        return new Decodes(id, title, hex, Strictness.STRICT, List.of(frame), hex);
    }

    private static Check rejects(String id, String title, String hex, TransportError error, int offset) {
        return new Rejects(id, title, hex, Strictness.STRICT, error, offset);
    }

    /** Runs every check. */
    public static List<Result> runAll() {
        return checks().stream().map(CodecSelfCheck::run).toList();
    }

    /** Runs one check; never throws. */
    public static Result run(Check check) {
        byte[] input = HEX.parseHex(check.hex());
        FrameDecoder decoder = new FrameDecoder(DIALECT,
                check instanceof Decodes d ? d.strictness() : ((Rejects) check).strictness());
        String expected = expected(check);
        List<Frame> decoded;
        try {
            decoded = decoder.decodeAll(input);
        } catch (FrameDecodeException e) {
            String actual = "error " + e.error().name() + " at offset " + e.offset() + ": " + e.getMessage();
            boolean ok = check instanceof Rejects r && r.error() == e.error() && r.offset() == e.offset();
            return new Result(check, ok, expected, actual);
        } catch (RuntimeException e) {
            return new Result(check, false, expected, "decoder threw " + e);
        }
        String frames = describe(decoded);
        if (check instanceof Rejects) {
            return new Result(check, false, expected, "decoded: " + frames);
        }
        Decodes d = (Decodes) check;
        String reencoded;
        try {
            reencoded = HEX.formatHex(new FrameEncoder(DIALECT).encodeAll(decoded));
        } catch (RuntimeException e) {
            return new Result(check, false, expected, "decoded: " + frames + "; encoder threw " + e);
        }
        boolean ok = decoded.equals(d.frames()) && reencoded.equals(d.reencoded());
        return new Result(check, ok, expected, "decoded: " + frames + "; re-encoded: " + reencoded);
    }

    private static String expected(Check check) {
        if (check instanceof Decodes d) {
            return "decoded: " + describe(d.frames()) + "; re-encoded: " + d.reencoded();
        }
        Rejects r = (Rejects) check;
        return "error " + r.error().name() + " at offset " + r.offset();
    }

    private static String describe(List<Frame> frames) {
        return frames.stream().map(f -> FrameFields.describe(f, DIALECT)).collect(Collectors.joining(" | "));
    }
}
