package io.mpqc.conformance.cases;

import static io.mpqc.conformance.cases.WireExamples.type;

import io.mpqc.conformance.cases.WireExamples.Example;
import io.mpqc.conformance.catalog.Level;
import io.mpqc.conformance.target.TargetException;
import io.mpqc.ref.frame.AckRanges;
import io.mpqc.ref.frame.Bytes;
import io.mpqc.ref.frame.Dialect;
import io.mpqc.ref.frame.EcnCounts;
import io.mpqc.ref.frame.Frame;
import io.mpqc.ref.frame.FrameType;
import io.mpqc.ref.frame.TransportError;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 9000 §16 inside the multipath frames: every varint length at its boundaries, path IDs around 2^32,
 * cut varints, and longer-than-needed encodings of fields (valid everywhere but in the frame type).
 */
final class C16_Varints implements CaseGroup {
    /** Values at the edges of the four varint lengths, and their minimal encodings. */
    private static final long[] VALUES = {0, 63, 64, 16383, 16384, 1073741823, 1073741824, (1L << 62) - 1};
    private static final String[] ENCODED = {"00", "3f", "4040", "7fff", "80004000", "bfffffff",
        "c000000040000000", "ffffffffffffffff"};

    @Override
    public String section() {
        return "RFC 9000 §16";
    }

    @Override
    public String title() {
        return "Variable-length integers in multipath frames";
    }

    @Case(requirements = "Q-16-1", level = Level.CODEC, tags = "varint",
            text = "MAX_PATH_ID carrying 0, 63, 64, 16383, 16384, 2^30-1, 2^30 and 2^62-1, each in its shortest "
                    + "encoding (1, 2, 4 and 8 bytes): each decodes to its value")
    Outcome lengthBoundariesInMaxPathId(CaseContext ctx) throws TargetException {
        String t = type(ctx.dialect(), FrameType.MAX_PATH_ID);
        List<Example> all = new ArrayList<>();
        for (int i = 0; i < VALUES.length; i++) {
            all.add(new Example("MAX_PATH_ID " + VALUES[i], t + ENCODED[i], new Frame.MaxPathId(VALUES[i])));
        }
        return WireExamples.allDecoded(ctx.codec(), all);
    }

    @Case(requirements = "Q-16-1", level = Level.CODEC, tags = "varint",
            dialects = {"draft-21", "draft-18", "draft-06"},
            text = "PATH_STATUS_AVAILABLE for path 2 with sequence numbers 0, 63, 64, 16383, 16384, 2^30-1, 2^30 "
                    + "and 2^62-1: each decodes to its value")
    Outcome lengthBoundariesInStatusSequence(CaseContext ctx) throws TargetException {
        String t = type(ctx.dialect(), FrameType.PATH_STATUS_AVAILABLE);
        List<Example> all = new ArrayList<>();
        for (int i = 0; i < VALUES.length; i++) {
            all.add(new Example("sequence " + VALUES[i], t + "02" + ENCODED[i],
                    new Frame.PathStatusAvailable(2, VALUES[i])));
        }
        return WireExamples.allDecoded(ctx.codec(), all);
    }

    @Case(requirements = {"Q-16-1", "MP-4-3"}, level = Level.CODEC, tags = {"varint", "limits"},
            dialects = {"draft-21", "draft-18", "draft-06"},
            text = "PATH_ACK for path ID 2^32-1 (c0 00 00 00 ff ff ff ff) and PATH_STATUS_BACKUP for path ID 2^32: "
                    + "both decode; a path ID above the limit is for the state layer to reject")
    Outcome pathIdsAround32Bits(CaseContext ctx) throws TargetException {
        Dialect d = ctx.dialect();
        return WireExamples.allDecoded(ctx.codec(), List.of(
                new Example("PATH_ACK path 2^32-1", type(d, FrameType.PATH_ACK) + "c0000000ffffffff" + "05000005",
                        new Frame.PathAck(0xFFFF_FFFFL, 5, 0, 5, AckRanges.NONE, null)),
                new Example("PATH_STATUS_BACKUP path 2^32", type(d, FrameType.PATH_STATUS_BACKUP)
                        + "c000000100000000" + "01", new Frame.PathStatusBackup(1L << 32, 1))));
    }

    @Case(requirements = {"Q-16-1", "Q-12.4-5"}, level = Level.CODEC, tags = {"varint", "truncation"},
            dialects = {"draft-21", "draft-18", "draft-06"},
            text = "PATH_STATUS_AVAILABLE whose sequence number (or path ID) varint announces 8, 4 or 2 bytes but "
                    + "the payload ends one byte short: FRAME_ENCODING_ERROR")
    Outcome cutVarintField(CaseContext ctx) throws TargetException {
        String t = type(ctx.dialect(), FrameType.PATH_STATUS_AVAILABLE);
        CodecProbe codec = ctx.codec();
        String[] cut = {"02c0000000000000", "02800001", "0240", "c0000000000000"};
        for (String c : cut) {
            Outcome o = codec.expectRejected(t + c, TransportError.FRAME_ENCODING_ERROR);
            if (!o.isMet()) {
                return new Outcome(o.kind(), o.expected(), t + c + ": " + o.observed());
            }
        }
        return Outcome.met("each cut varint rejected with FRAME_ENCODING_ERROR",
                cut.length + " payloads rejected with FRAME_ENCODING_ERROR");
    }

    @Case(requirements = "Q-16-2", level = Level.CODEC, tags = "varint",
            dialects = {"draft-21", "draft-18", "draft-06"},
            text = "PATH_STATUS_AVAILABLE for path 1 sequence 8 with the path ID as 40 01, 80 00 00 01 and "
                    + "c0 00 00 00 00 00 00 01 and the sequence as 40 08: longer field encodings are valid, all "
                    + "decode to path 1 sequence 8")
    Outcome longerFieldEncodingsInStatus(CaseContext ctx) throws TargetException {
        String t = type(ctx.dialect(), FrameType.PATH_STATUS_AVAILABLE);
        Frame f = new Frame.PathStatusAvailable(1, 8);
        return WireExamples.allDecoded(ctx.codec(), List.of(
                new Example("path ID 40 01", t + "4001" + "08", f),
                new Example("path ID 80 00 00 01", t + "80000001" + "08", f),
                new Example("path ID c0 00 00 00 00 00 00 01", t + "c000000000000001" + "08", f),
                new Example("sequence 40 08", t + "01" + "4008", f)));
    }

    @Case(requirements = "Q-16-2", level = Level.CODEC, tags = "varint",
            dialects = {"draft-21", "draft-18", "draft-06"},
            text = "PATH_ACK and PATH_ACK_ECN with every field in two bytes (40 01 40 05 40 00 40 00 40 05) and "
                    + "ECN counts in 4 and 8 bytes: they decode as the short forms do")
    Outcome longerFieldEncodingsInPathAck(CaseContext ctx) throws TargetException {
        Dialect d = ctx.dialect();
        return WireExamples.allDecoded(ctx.codec(), List.of(
                new Example("PATH_ACK", type(d, FrameType.PATH_ACK) + "40014005400040004005",
                        new Frame.PathAck(1, 5, 0, 5, AckRanges.NONE, null)),
                new Example("PATH_ACK_ECN", type(d, FrameType.PATH_ACK_ECN) + "40014005400040004005"
                        + "80000001" + "c000000000000000" + "4000",
                        new Frame.PathAck(1, 5, 0, 5, AckRanges.NONE, new EcnCounts(1, 0, 0)))));
    }

    @Case(requirements = "Q-16-2", level = Level.CODEC, tags = "varint",
            text = "PATH_NEW_CONNECTION_ID with path ID 40 01, sequence 80 00 00 00 and Retire Prior To in 8 "
                    + "bytes (Length stays one byte): it decodes as path 1 sequence 0")
    Outcome longerFieldEncodingsInPathNewConnectionId(CaseContext ctx) throws TargetException {
        String t = type(ctx.dialect(), FrameType.PATH_NEW_CONNECTION_ID);
        return ctx.codec().expectDecoded(t + "4001" + "80000000" + "c000000000000000" + "08" + WireExamples.CID
                + WireExamples.TOKEN, WireExamples.example(ctx.dialect(), FrameType.PATH_NEW_CONNECTION_ID).frame());
    }

    @Case(requirements = "Q-16-2", level = Level.CODEC, tags = "varint",
            text = "PATH_ABANDON, PATH_RETIRE_CONNECTION_ID, MAX_PATH_ID, PATHS_BLOCKED and PATH_CIDS_BLOCKED with "
                    + "fields in longer encodings than needed: each decodes to the same frame as the short form")
    Outcome longerFieldEncodingsInOtherFrames(CaseContext ctx) throws TargetException {
        Dialect d = ctx.dialect();
        return WireExamples.allDecoded(ctx.codec(), List.of(
                new Example("PATH_ABANDON", type(d, FrameType.PATH_ABANDON) + "c000000000000001" + "4000",
                        new Frame.PathAbandon(1, 0)),
                new Example("PATH_RETIRE_CONNECTION_ID", type(d, FrameType.PATH_RETIRE_CONNECTION_ID) + "4001"
                        + "80000000", new Frame.PathRetireConnectionId(1, 0)),
                new Example("MAX_PATH_ID", type(d, FrameType.MAX_PATH_ID) + "80000004", new Frame.MaxPathId(4)),
                new Example("PATHS_BLOCKED", type(d, FrameType.PATHS_BLOCKED) + "4004", new Frame.PathsBlocked(4)),
                new Example("PATH_CIDS_BLOCKED", type(d, FrameType.PATH_CIDS_BLOCKED) + "4003" + "80000001",
                        new Frame.PathCidsBlocked(3, 1))));
    }

    @Case(requirements = "Q-16-2", level = Level.CODEC, tags = "varint", dialects = "draft-06",
            text = "draft-06 PATH_ABANDON with DCID sequence, error code and reason phrase Length in two bytes "
                    + "each: it decodes to DCID sequence 1, error 0, reason \"bye\"")
    Outcome longerFieldEncodingsInDraft06Abandon(CaseContext ctx) throws TargetException {
        return ctx.codec().expectDecoded(type(ctx.dialect(), FrameType.PATH_ABANDON) + "4001" + "4000" + "4003"
                + "627965", new Frame.PathAbandon(1, 0, Bytes.ofHex("627965")));
    }
}
