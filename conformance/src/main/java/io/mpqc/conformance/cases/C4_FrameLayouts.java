package io.mpqc.conformance.cases;

import static io.mpqc.conformance.cases.WireExamples.type;

import io.mpqc.conformance.cases.WireExamples.Example;
import io.mpqc.conformance.catalog.Level;
import io.mpqc.conformance.target.TargetException;
import io.mpqc.ref.frame.AckRanges;
import io.mpqc.ref.frame.Bytes;
import io.mpqc.ref.frame.Dialect;
import io.mpqc.ref.frame.Frame;
import io.mpqc.ref.frame.FrameType;
import io.mpqc.ref.frame.TransportError;
import java.util.ArrayList;
import java.util.List;

/**
 * draft-21 §4 (and appendix A of the digest for the older dialects): the byte examples of the digest's
 * §2.2 decode to the frames they stand for, with each dialect's type codepoints.
 */
final class C4_FrameLayouts implements CaseGroup {

    @Override
    public String section() {
        return "draft-21 §4";
    }

    @Override
    public String title() {
        return "Layouts of the multipath frames";
    }

    @Case(requirements = "MP-4.1-1", level = Level.CODEC, dialects = {"draft-21", "draft-18", "draft-06"},
            text = "PATH_ACK for path 1 acking 0..5 (3e 01 05 00 00 05), the same with ECN counts 1/0/0, and one "
                    + "with an extra range (largest 10, first range 2, gap 1, length 3): each decodes field by field "
                    + "(ACK_MP in draft-06)")
    Outcome pathAckLayout(CaseContext ctx) throws TargetException {
        Dialect d = ctx.dialect();
        List<Example> all = new ArrayList<>(WireExamples.examples(d, FrameType.PATH_ACK, FrameType.PATH_ACK_ECN));
        all.add(new Example("PATH_ACK with a range", type(d, FrameType.PATH_ACK) + "010a0001020103",
                new Frame.PathAck(1, 10, 0, 2, AckRanges.of(1, 3), null)));
        return WireExamples.allDecoded(ctx.codec(), all);
    }

    @Case(requirements = "MP-4.2-1", level = Level.CODEC,
            text = "PATH_ABANDON for path 1 with NO_ERROR (7e 75 01 00): Path Identifier and Error Code, nothing "
                    + "more")
    Outcome pathAbandonLayout(CaseContext ctx) throws TargetException {
        return WireExamples.allDecoded(ctx.codec(), WireExamples.examples(ctx.dialect(), FrameType.PATH_ABANDON));
    }

    @Case(requirements = "MP-4.2-1", level = Level.CODEC, dialects = "draft-06",
            text = "draft-06 PATH_ABANDON (0x15228c05) still carries a reason phrase: DCID sequence 1, error 0, "
                    + "reason \"bye\", and one with an empty reason phrase, both decode")
    Outcome pathAbandonReasonPhraseInDraft06(CaseContext ctx) throws TargetException {
        String t = type(ctx.dialect(), FrameType.PATH_ABANDON);
        return WireExamples.allDecoded(ctx.codec(), List.of(
                WireExamples.example(ctx.dialect(), FrameType.PATH_ABANDON),
                new Example("PATH_ABANDON, empty reason", t + "010000", new Frame.PathAbandon(1, 0, Bytes.EMPTY))));
    }

    @Case(requirements = {"MP-4.2-1", "Q-12.4-5"}, level = Level.CODEC, tags = "downgrade",
            text = "PATH_ABANDON followed by a draft-10 style reason phrase \"bye\" (03 62 79 65): without a reason "
                    + "phrase field those bytes are the next frame, an ACK_ECN cut short, so FRAME_ENCODING_ERROR")
    Outcome oldReasonPhraseIsAnEncodingError(CaseContext ctx) throws TargetException {
        return ctx.codec().expectRejected(type(ctx.dialect(), FrameType.PATH_ABANDON) + "0100" + "03627965",
                TransportError.FRAME_ENCODING_ERROR);
    }

    @Case(requirements = "MP-4.2-1", level = Level.CODEC,
            text = "PATH_ABANDON followed by an empty draft-10 style reason phrase (one 00 byte): the byte is "
                    + "PADDING, so the payload decodes as PATH_ABANDON and PADDING")
    Outcome emptyOldReasonPhraseIsPadding(CaseContext ctx) throws TargetException {
        return ctx.codec().expectDecoded(type(ctx.dialect(), FrameType.PATH_ABANDON) + "010000",
                new Frame.PathAbandon(1, 0), new Frame.Padding(1));
    }

    @Case(requirements = "MP-4.2.1-1", level = Level.CODEC,
            text = "PATH_ABANDON with each defined error code (NO_ERROR, APPLICATION_ABANDON_PATH, "
                    + "PATH_RESOURCE_LIMIT_REACHED, PATH_UNSTABLE_OR_POOR, NO_CID_AVAILABLE_FOR_PATH, in the "
                    + "dialect's numbering) and with an undefined code 0x1234: all decode")
    Outcome pathAbandonErrorCodes(CaseContext ctx) throws TargetException {
        Dialect d = ctx.dialect();
        String t = type(d, FrameType.PATH_ABANDON);
        String[] hex = d == Dialect.DRAFT_21
                ? new String[] {"00", "3e", "7e75", "7e76", "7e77", "5234"}
                : new String[] {"00", "c04150504142414e", "c052534c494d4954", "c0554e5f494e5446",
                    "c04e4f5f4349445f", "5234"};
        long[] codes = d == Dialect.DRAFT_21
                ? new long[] {0, 0x3e, 0x3e75, 0x3e76, 0x3e77, 0x1234}
                : new long[] {0, 0x004150504142414eL, 0x0052534c494d4954L, 0x00554e5f494e5446L,
                    0x004e4f5f4349445fL, 0x1234};
        List<Example> all = new ArrayList<>();
        for (int i = 0; i < hex.length; i++) {
            all.add(new Example("PATH_ABANDON code " + TransportError.describe(codes[i], d), t + "01" + hex[i],
                    new Frame.PathAbandon(1, codes[i])));
        }
        return WireExamples.allDecoded(ctx.codec(), all);
    }

    @Case(requirements = "MP-4.3-1", level = Level.CODEC, dialects = {"draft-21", "draft-18", "draft-06"},
            text = "PATH_STATUS_BACKUP for path 2 sequence 7 (7e 76 02 07) and PATH_STATUS_AVAILABLE for path 2 "
                    + "sequence 8 (7e 77 02 08) decode (PATH_STANDBY and PATH_AVAILABLE in draft-06)")
    Outcome pathStatusLayout(CaseContext ctx) throws TargetException {
        return WireExamples.allDecoded(ctx.codec(), WireExamples.examples(ctx.dialect(),
                FrameType.PATH_STATUS_BACKUP, FrameType.PATH_STATUS_AVAILABLE));
    }

    @Case(requirements = "MP-4.4-1", level = Level.CODEC,
            text = "PATH_NEW_CONNECTION_ID for path 1 sequence 0 with an 8-byte ID, and with the shortest (1) and "
                    + "longest (20) allowed Length: each decodes, the 8-bit Length and 16-byte token included")
    Outcome pathNewConnectionIdLayout(CaseContext ctx) throws TargetException {
        String t = type(ctx.dialect(), FrameType.PATH_NEW_CONNECTION_ID);
        String twenty = "000102030405060708090a0b0c0d0e0f10111213";
        return WireExamples.allDecoded(ctx.codec(), List.of(
                WireExamples.example(ctx.dialect(), FrameType.PATH_NEW_CONNECTION_ID),
                new Example("Length 1", t + "01020101" + "ab" + WireExamples.TOKEN,
                        new Frame.PathNewConnectionId(1, 2, 1, Bytes.ofHex("ab"), Bytes.ofHex(WireExamples.TOKEN))),
                new Example("Length 20", t + "03050014" + twenty + WireExamples.TOKEN,
                        new Frame.PathNewConnectionId(3, 5, 0, Bytes.ofHex(twenty),
                                Bytes.ofHex(WireExamples.TOKEN)))));
    }

    @Case(requirements = "MP-4.4-1", level = Level.CODEC,
            text = "every frame example back to back in one payload, PATH_NEW_CONNECTION_ID in the middle: the "
                    + "fixed-size Length and token end where they should and every frame decodes in order")
    Outcome framesBackToBack(CaseContext ctx) throws TargetException {
        List<Example> all = WireExamples.examples(ctx.dialect(), FrameType.PATH_ACK, FrameType.PATH_ABANDON,
                FrameType.PATH_NEW_CONNECTION_ID, FrameType.PATH_STATUS_AVAILABLE, FrameType.PATH_ACK_ECN,
                FrameType.PATH_RETIRE_CONNECTION_ID, FrameType.MAX_PATH_ID, FrameType.PATHS_BLOCKED,
                FrameType.PATH_CIDS_BLOCKED, FrameType.PATH_STATUS_BACKUP);
        StringBuilder hex = new StringBuilder();
        Frame[] frames = new Frame[all.size()];
        for (int i = 0; i < all.size(); i++) {
            hex.append(all.get(i).hex());
            frames[i] = all.get(i).frame();
        }
        return ctx.codec().expectDecoded(hex.toString(), frames);
    }

    @Case(requirements = "MP-4.5-1", level = Level.CODEC,
            text = "PATH_RETIRE_CONNECTION_ID for path 1 sequence 0 (7e 79 01 00) decodes")
    Outcome pathRetireConnectionIdLayout(CaseContext ctx) throws TargetException {
        return WireExamples.allDecoded(ctx.codec(),
                WireExamples.examples(ctx.dialect(), FrameType.PATH_RETIRE_CONNECTION_ID));
    }

    @Case(requirements = "MP-4.6-1", level = Level.CODEC,
            text = "MAX_PATH_ID 4 (7e 7a 04) decodes")
    Outcome maxPathIdLayout(CaseContext ctx) throws TargetException {
        return WireExamples.allDecoded(ctx.codec(), WireExamples.examples(ctx.dialect(), FrameType.MAX_PATH_ID));
    }

    @Case(requirements = {"MP-4.6-1", "MP-4.6-2"}, level = Level.CODEC, tags = "limits",
            text = "MAX_PATH_ID 2^32-1 and 2^32 (c0 00 00 01 00 00 00 00): both decode; rejecting 2^32 needs "
                    + "connection context and is PROTOCOL_VIOLATION in the state layer, not a codec error")
    Outcome maxPathIdAbove32BitsDecodes(CaseContext ctx) throws TargetException {
        String t = type(ctx.dialect(), FrameType.MAX_PATH_ID);
        return WireExamples.allDecoded(ctx.codec(), List.of(
                new Example("MAX_PATH_ID 2^32-1", t + "c0000000ffffffff", new Frame.MaxPathId(0xFFFF_FFFFL)),
                new Example("MAX_PATH_ID 2^32", t + "c000000100000000", new Frame.MaxPathId(1L << 32))));
    }

    @Case(requirements = "MP-4.7-1", level = Level.CODEC,
            text = "PATHS_BLOCKED 4 (7e 7b 04) and PATH_CIDS_BLOCKED for path 3 next sequence 1 (7e 7c 03 01) "
                    + "decode")
    Outcome blockedFramesLayout(CaseContext ctx) throws TargetException {
        return WireExamples.allDecoded(ctx.codec(), WireExamples.examples(ctx.dialect(), FrameType.PATHS_BLOCKED,
                FrameType.PATH_CIDS_BLOCKED));
    }
}
