package io.mpqc.conformance.cases;

import static io.mpqc.conformance.cases.WireExamples.type;

import io.mpqc.conformance.cases.WireExamples.Example;
import io.mpqc.conformance.catalog.Level;
import io.mpqc.conformance.target.CodecResult;
import io.mpqc.conformance.target.TargetException;
import io.mpqc.ref.frame.AckRanges;
import io.mpqc.ref.frame.Bytes;
import io.mpqc.ref.frame.Dialect;
import io.mpqc.ref.frame.Frame;
import io.mpqc.ref.frame.FrameFields;
import io.mpqc.ref.frame.FrameType;
import io.mpqc.ref.frame.TransportError;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 9000 §12.4 and §19 applied to the multipath frames: truncated frames, ACK ranges below zero, bad
 * connection ID lengths, Retire Prior To above the sequence number, unknown (also other-dialect) frame types
 * and frame types in a longer encoding than needed.
 */
final class C_Malformed implements CaseGroup {
    private static final String FEE_ONLY = "FRAME_ENCODING_ERROR";

    @Override
    public String section() {
        return "RFC 9000 §12.4, §19";
    }

    @Override
    public String title() {
        return "Malformed multipath frames";
    }

    /** Each payload is rejected with FRAME_ENCODING_ERROR; the first that is not decides. */
    private static Outcome allRejected(CodecProbe codec, List<String[]> namedHex) throws TargetException {
        List<String> names = new ArrayList<>();
        for (String[] nh : namedHex) {
            Outcome o = codec.expectRejected(nh[1], TransportError.FRAME_ENCODING_ERROR);
            if (!o.isMet()) {
                return new Outcome(o.kind(), o.expected(), nh[0] + " (" + nh[1] + "): " + o.observed());
            }
            names.add(nh[0]);
        }
        return Outcome.met("each payload rejected with " + FEE_ONLY,
                "rejected with " + FEE_ONLY + ": " + String.join(", ", names));
    }

    private static String[] p(String name, String hex) {
        return new String[] {name, hex};
    }

    private static Outcome truncated(CaseContext ctx, FrameType... types) throws TargetException {
        CodecProbe codec = ctx.codec();
        return WireExamples.forEach(WireExamples.examples(ctx.dialect(), types),
                e -> WireExamples.allPrefixesRejected(codec, e));
    }

    // ---- truncation (Q-12.4-5) ----

    @Case(requirements = {"Q-12.4-5", "MP-4.1-1"}, level = Level.CODEC, tags = "truncation",
            dialects = {"draft-21", "draft-18", "draft-06"},
            text = "PATH_ACK and PATH_ACK_ECN cut after every byte (inside the type, the path ID, the ranges, the "
                    + "ECN counts), and PATH_ACK claiming one more range than it carries: FRAME_ENCODING_ERROR")
    Outcome truncatedPathAck(CaseContext ctx) throws TargetException {
        Outcome o = truncated(ctx, FrameType.PATH_ACK, FrameType.PATH_ACK_ECN);
        if (!o.isMet()) {
            return o;
        }
        String t = type(ctx.dialect(), FrameType.PATH_ACK);
        return o.and(allRejected(ctx.codec(), List.of(
                p("range count 1, no range", t + "0105000102"),
                p("range count 2^30-1", t + "010500bfffffff05" + "0100"))));
    }

    @Case(requirements = {"Q-12.4-5", "MP-4.2-1"}, level = Level.CODEC, tags = "truncation",
            dialects = {"draft-21", "draft-18", "draft-06"},
            text = "PATH_ABANDON cut after every byte (in draft-06 also inside the reason phrase, whose Length "
                    + "then runs past the end): FRAME_ENCODING_ERROR")
    Outcome truncatedPathAbandon(CaseContext ctx) throws TargetException {
        return truncated(ctx, FrameType.PATH_ABANDON);
    }

    @Case(requirements = {"Q-12.4-5", "MP-4.3-1"}, level = Level.CODEC, tags = "truncation",
            dialects = {"draft-21", "draft-18", "draft-06"},
            text = "PATH_STATUS_BACKUP and PATH_STATUS_AVAILABLE cut after every byte: FRAME_ENCODING_ERROR")
    Outcome truncatedPathStatus(CaseContext ctx) throws TargetException {
        return truncated(ctx, FrameType.PATH_STATUS_BACKUP, FrameType.PATH_STATUS_AVAILABLE);
    }

    @Case(requirements = {"Q-12.4-5", "MP-4.4-1"}, level = Level.CODEC, tags = "truncation",
            text = "PATH_NEW_CONNECTION_ID cut after every byte (inside the varints, before Length, inside the "
                    + "connection ID, inside the reset token): FRAME_ENCODING_ERROR")
    Outcome truncatedPathNewConnectionId(CaseContext ctx) throws TargetException {
        return truncated(ctx, FrameType.PATH_NEW_CONNECTION_ID);
    }

    @Case(requirements = {"Q-12.4-5", "MP-4.5-1"}, level = Level.CODEC, tags = "truncation",
            text = "PATH_RETIRE_CONNECTION_ID cut after every byte: FRAME_ENCODING_ERROR")
    Outcome truncatedPathRetireConnectionId(CaseContext ctx) throws TargetException {
        return truncated(ctx, FrameType.PATH_RETIRE_CONNECTION_ID);
    }

    @Case(requirements = {"Q-12.4-5", "MP-4.7-1", "MP-4.6-1"}, level = Level.CODEC, tags = "truncation",
            text = "MAX_PATH_ID, PATHS_BLOCKED and PATH_CIDS_BLOCKED cut after every byte: FRAME_ENCODING_ERROR")
    Outcome truncatedLimitFrames(CaseContext ctx) throws TargetException {
        return truncated(ctx, FrameType.MAX_PATH_ID, FrameType.PATHS_BLOCKED, FrameType.PATH_CIDS_BLOCKED);
    }

    @Case(requirements = {"Q-12.4-5", "MP-4.4-1"}, level = Level.CODEC, tags = "truncation",
            text = "PATH_NEW_CONNECTION_ID with Length 20 followed by only 8 ID bytes and the token: the "
                    + "frame runs past the payload, FRAME_ENCODING_ERROR")
    Outcome pathNewConnectionIdPastEnd(CaseContext ctx) throws TargetException {
        return ctx.codec().expectRejected(type(ctx.dialect(), FrameType.PATH_NEW_CONNECTION_ID) + "01000014"
                + WireExamples.CID + WireExamples.TOKEN, TransportError.FRAME_ENCODING_ERROR);
    }

    // ---- ACK ranges (RFC 9000 §19.3) ----

    @Case(requirements = {"MP-4.1-2", "Q-19.3-1"}, level = Level.CODEC, tags = "ack",
            dialects = {"draft-21", "draft-18", "draft-06"},
            text = "PATH_ACK with Largest Acknowledged 5 and First ACK Range 6 (smallest would be -1), also with "
                    + "ECN: FRAME_ENCODING_ERROR")
    Outcome firstAckRangeBelowZero(CaseContext ctx) throws TargetException {
        return allRejected(ctx.codec(), List.of(
                p("PATH_ACK first range 6", type(ctx.dialect(), FrameType.PATH_ACK) + "0105000006"),
                p("PATH_ACK_ECN first range 6", type(ctx.dialect(), FrameType.PATH_ACK_ECN) + "0105000006000000")));
    }

    @Case(requirements = {"Q-19.3-1", "MP-4.1-2"}, level = Level.CODEC, tags = "ack",
            dialects = {"draft-21", "draft-18", "draft-06"},
            text = "PATH_ACK acking 3..5, then a range with Gap 2 (largest -1), or Gap 1 and Length 1 (smallest -1), "
                    + "also with ECN: FRAME_ENCODING_ERROR")
    Outcome ackRangeBelowZero(CaseContext ctx) throws TargetException {
        String t = type(ctx.dialect(), FrameType.PATH_ACK);
        return allRejected(ctx.codec(), List.of(
                p("gap 2", t + "010500010202" + "00"),
                p("gap 1, length 1", t + "010500010201" + "01"),
                p("PATH_ACK_ECN gap 2", type(ctx.dialect(), FrameType.PATH_ACK_ECN) + "01050001020200" + "000000")));
    }

    @Case(requirements = {"MP-4.1-2", "Q-19.3-1"}, level = Level.CODEC, tags = "ack",
            dialects = {"draft-21", "draft-18", "draft-06"},
            text = "boundary: PATH_ACK acking 3..5 and then packet 0 exactly (Gap 1, Length 0), and one acking "
                    + "0..5 with its first range: both decode")
    Outcome ackRangeReachingZeroIsValid(CaseContext ctx) throws TargetException {
        String t = type(ctx.dialect(), FrameType.PATH_ACK);
        return WireExamples.allDecoded(ctx.codec(), List.of(
                new Example("range down to 0", t + "01050001020100",
                        new Frame.PathAck(1, 5, 0, 2, AckRanges.of(1, 0), null)),
                WireExamples.example(ctx.dialect(), FrameType.PATH_ACK)));
    }

    // ---- connection ID frames (RFC 9000 §19.15) ----

    @Case(requirements = {"MP-4.4-1", "Q-19.15-1"}, level = Level.CODEC, tags = "cid",
            text = "PATH_NEW_CONNECTION_ID with Length 0 and with Length 21 (each followed by that many ID bytes "
                    + "and a token): FRAME_ENCODING_ERROR")
    Outcome pathNewConnectionIdLengthOutOfRange(CaseContext ctx) throws TargetException {
        String t = type(ctx.dialect(), FrameType.PATH_NEW_CONNECTION_ID);
        return allRejected(ctx.codec(), List.of(
                p("Length 0", t + "01000000" + WireExamples.TOKEN),
                p("Length 21", t + "01000015" + "00".repeat(21) + WireExamples.TOKEN)));
    }

    @Case(requirements = {"MP-4.4-2", "Q-19.15-1"}, level = Level.CODEC, tags = "cid",
            text = "PATH_NEW_CONNECTION_ID with Sequence Number 2 and Retire Prior To 3, and with 0 and 1: "
                    + "FRAME_ENCODING_ERROR")
    Outcome retirePriorToAboveSequence(CaseContext ctx) throws TargetException {
        String t = type(ctx.dialect(), FrameType.PATH_NEW_CONNECTION_ID);
        return allRejected(ctx.codec(), List.of(
                p("seq 2, Retire Prior To 3", t + "01020308" + WireExamples.CID + WireExamples.TOKEN),
                p("seq 0, Retire Prior To 1", t + "01000108" + WireExamples.CID + WireExamples.TOKEN)));
    }

    @Case(requirements = {"MP-4.4-2", "Q-19.15-1"}, level = Level.CODEC, tags = "cid",
            text = "boundary: PATH_NEW_CONNECTION_ID with Retire Prior To equal to its Sequence Number 3 decodes")
    Outcome retirePriorToEqualToSequenceIsValid(CaseContext ctx) throws TargetException {
        String t = type(ctx.dialect(), FrameType.PATH_NEW_CONNECTION_ID);
        return ctx.codec().expectDecoded(t + "01030308" + WireExamples.CID + WireExamples.TOKEN,
                new Frame.PathNewConnectionId(1, 3, 3, Bytes.ofHex(WireExamples.CID), Bytes.ofHex(WireExamples.TOKEN)));
    }

    @Case(requirements = "Q-19.15-1", level = Level.CODEC, tags = "cid",
            dialects = {"draft-21", "draft-18", "draft-06"},
            text = "NEW_CONNECTION_ID (0x18) with Retire Prior To 3 above Sequence Number 2, with Length 0 and "
                    + "with Length 21: FRAME_ENCODING_ERROR")
    Outcome newConnectionIdMalformed(CaseContext ctx) throws TargetException {
        return allRejected(ctx.codec(), List.of(
                p("seq 2, Retire Prior To 3", "18020308" + WireExamples.CID + WireExamples.TOKEN),
                p("Length 0", "18000000" + WireExamples.TOKEN),
                p("Length 21", "18000015" + "00".repeat(21) + WireExamples.TOKEN)));
    }

    // ---- frame types (RFC 9000 §12.4) ----

    @Case(requirements = "Q-12.4-2", level = Level.CODEC, tags = {"downgrade", "attack"}, dialects = "draft-21",
            text = "under draft-21, the draft-18 codepoints (0x15228c00..0e, e.g. PATH_ABANDON 95 22 8c 05) and "
                    + "draft-04's 0xbaba05 are unknown frame types: FRAME_ENCODING_ERROR")
    Outcome oldDialectCodepointsAreUnknown(CaseContext ctx) throws TargetException {
        List<String[]> all = new ArrayList<>();
        for (String t : WireExamples.foreignTypes(ctx.dialect())) {
            all.add(p("type 0x" + t, t + "0100"));
        }
        all.add(p("type 0xbaba05", "80baba05" + "0100"));
        return allRejected(ctx.codec(), all);
    }

    @Case(requirements = "Q-12.4-2", level = Level.CODEC, tags = "version-mismatch",
            dialects = {"draft-18", "draft-06"},
            text = "under an older dialect, the draft-21 codepoints (3e, 3f, 7e 75 .. 7e 7c) and those of other "
                    + "generations it lacks are unknown frame types: FRAME_ENCODING_ERROR")
    Outcome newerCodepointsAreUnknownInOlderDialects(CaseContext ctx) throws TargetException {
        List<String[]> all = new ArrayList<>();
        for (String t : WireExamples.foreignTypes(ctx.dialect())) {
            all.add(p("type 0x" + t, t + "0100"));
        }
        return allRejected(ctx.codec(), all);
    }

    @Case(requirements = "Q-12.4-2", level = Level.CODEC, dialects = {"draft-21", "draft-18", "draft-06"},
            text = "frame types no dialect assigns: 0x3e7d (after the draft-21 block), 0x15228c0f (after the "
                    + "draft-18 block) and 2^62-1: FRAME_ENCODING_ERROR")
    Outcome unassignedFrameTypes(CaseContext ctx) throws TargetException {
        return allRejected(ctx.codec(), List.of(
                p("type 0x3e7d", "7e7d0100"),
                p("type 0x15228c0f", "95228c0f0100"),
                p("type 2^62-1", "ffffffffffffffff0100")));
    }

    @Case(requirements = "Q-12.4-1", level = Level.CODEC, tags = "encoding",
            dialects = {"draft-21", "draft-18", "draft-06"},
            text = "PATH_ACK with its frame type in a longer encoding than needed (40 3e under draft-21, 8 bytes "
                    + "for 0x15228c00 otherwise), and PATH_ABANDON as 80 00 3e 75: MAY close with "
                    + "PROTOCOL_VIOLATION; decoding the frame is allowed too")
    Outcome nonMinimalFrameType(CaseContext ctx) throws TargetException {
        Dialect d = ctx.dialect();
        Example ack = WireExamples.example(d, FrameType.PATH_ACK);
        List<Example> all = new ArrayList<>();
        if (d == Dialect.DRAFT_21) {
            all.add(new Example("PATH_ACK as 40 3e", "403e" + ack.hex().substring(2), ack.frame()));
            all.add(new Example("PATH_ABANDON as 80 00 3e 75", "80003e750100", new Frame.PathAbandon(1, 0)));
        } else {
            all.add(new Example("PATH_ACK in 8 bytes", "c000000015228c00" + ack.hex().substring(8), ack.frame()));
        }
        CodecProbe codec = ctx.codec();
        return WireExamples.forEach(all, e -> {
            CodecResult r = codec.decode(e.hex());
            String expected = e.name() + ": rejected with PROTOCOL_VIOLATION (allowed) or decoded as "
                    + FrameFields.describe(e.frame(), d);
            if (r instanceof CodecResult.Rejected rej) {
                String observed = e.name() + ": rejected with " + TransportError.describe(rej.errorCode(), d);
                // Rejecting is the MAY; another error code, or a wrong decoding below, is not allowed by it.
                return rej.errorCode() == TransportError.PROTOCOL_VIOLATION.code()
                        ? Outcome.met(expected, observed) : Outcome.violated(expected, observed);
            }
            List<Frame> frames = ((CodecResult.Decoded) r).frames();
            String observed = e.name() + ": decoded " + frames.size() + " frame(s)"
                    + (frames.isEmpty() ? "" : ", first " + FrameFields.describe(frames.get(0), d));
            return frames.equals(List.of(e.frame())) ? Outcome.met(expected, observed)
                    : Outcome.violated(expected, observed);
        });
    }
}
