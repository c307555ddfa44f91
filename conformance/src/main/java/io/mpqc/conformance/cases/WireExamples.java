package io.mpqc.conformance.cases;

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
 * Hand-written wire examples for the codec groups ({@link C4_FrameLayouts}, {@link C_Malformed},
 * {@link C16_Varints}). The frame type bytes are written out from the digest (§1.2, §2.2 and appendix A)
 * rather than taken from the reference's dialect table, so that a wrong table cannot agree with itself.
 */
final class WireExamples {
    /** An 8-byte connection ID for the PATH_NEW_CONNECTION_ID examples. */
    static final String CID = "c1c2c3c4c5c6c7c8";
    /** A 16-byte stateless reset token for the PATH_NEW_CONNECTION_ID examples. */
    static final String TOKEN = "a0a1a2a3a4a5a6a7a8a9aaabacadaeaf";

    private WireExamples() {
    }

    /** One example: the payload in hex and the frame it must decode to. */
    record Example(String name, String hex, Frame frame) {
    }

    /** The minimal encoding of {@code type} in {@code dialect} as hex, or null if the dialect lacks it. */
    static String type(Dialect dialect, FrameType type) {
        return switch (dialect) {
            case DRAFT_21 -> switch (type) {
                case PATH_ACK -> "3e";
                case PATH_ACK_ECN -> "3f";
                case PATH_ABANDON -> "7e75";
                case PATH_STATUS_BACKUP -> "7e76";
                case PATH_STATUS_AVAILABLE -> "7e77";
                case PATH_NEW_CONNECTION_ID -> "7e78";
                case PATH_RETIRE_CONNECTION_ID -> "7e79";
                case MAX_PATH_ID -> "7e7a";
                case PATHS_BLOCKED -> "7e7b";
                case PATH_CIDS_BLOCKED -> "7e7c";
                default -> null;
            };
            case DRAFT_18 -> switch (type) {
                case PATH_ACK -> "95228c00";
                case PATH_ACK_ECN -> "95228c01";
                case PATH_ABANDON -> "95228c05";
                case PATH_STATUS_BACKUP -> "95228c07";
                case PATH_STATUS_AVAILABLE -> "95228c08";
                case PATH_NEW_CONNECTION_ID -> "95228c09";
                case PATH_RETIRE_CONNECTION_ID -> "95228c0a";
                case MAX_PATH_ID -> "95228c0c";
                case PATHS_BLOCKED -> "95228c0d";
                case PATH_CIDS_BLOCKED -> "95228c0e";
                default -> null;
            };
            case DRAFT_06 -> switch (type) {
                case PATH_ACK -> "95228c00";
                case PATH_ACK_ECN -> "95228c01";
                case PATH_ABANDON -> "95228c05";
                case PATH_STATUS_BACKUP -> "95228c07";
                case PATH_STATUS_AVAILABLE -> "95228c08";
                default -> null;
            };
        };
    }

    /** The multipath frame type codepoints (minimal hex) of every dialect but {@code dialect}, that it lacks. */
    static List<String> foreignTypes(Dialect dialect) {
        List<String> out = new ArrayList<>();
        for (Dialect other : Dialect.values()) {
            for (FrameType t : FrameType.values()) {
                String hex = t.isMultipath() ? type(other, t) : null;
                if (hex != null && !ownTypes(dialect).contains(hex) && !out.contains(hex)) {
                    out.add(hex);
                }
            }
        }
        return out;
    }

    private static List<String> ownTypes(Dialect dialect) {
        List<String> own = new ArrayList<>();
        for (FrameType t : FrameType.values()) {
            String hex = t.isMultipath() ? type(dialect, t) : null;
            if (hex != null) {
                own.add(hex);
            }
        }
        return own;
    }

    /** The digest's §2.2 example of {@code type} with the dialect's type bytes, or null if it lacks the frame. */
    static Example example(Dialect d, FrameType type) {
        String t = type(d, type);
        if (t == null) {
            return null;
        }
        String n = d.frameName(type);
        return switch (type) {
            case PATH_ACK -> new Example(n, t + "0105000005",
                    new Frame.PathAck(1, 5, 0, 5, AckRanges.NONE, null));
            case PATH_ACK_ECN -> new Example(n, t + "0105000005010000",
                    new Frame.PathAck(1, 5, 0, 5, AckRanges.NONE, new EcnCounts(1, 0, 0)));
            case PATH_ABANDON -> d.abandonHasReasonPhrase()
                    ? new Example(n, t + "0100" + "03627965",
                            new Frame.PathAbandon(1, 0, Bytes.ofHex("627965")))
                    : new Example(n, t + "0100", new Frame.PathAbandon(1, 0));
            case PATH_STATUS_BACKUP -> new Example(n, t + "0207",
                    new Frame.PathStatusBackup(2, 7));
            case PATH_STATUS_AVAILABLE -> new Example(n, t + "0208",
                    new Frame.PathStatusAvailable(2, 8));
            case PATH_NEW_CONNECTION_ID -> new Example(n, t + "01000008" + CID + TOKEN,
                    new Frame.PathNewConnectionId(1, 0, 0, Bytes.ofHex(CID), Bytes.ofHex(TOKEN)));
            case PATH_RETIRE_CONNECTION_ID -> new Example(n, t + "0100",
                    new Frame.PathRetireConnectionId(1, 0));
            case MAX_PATH_ID -> new Example(n, t + "04", new Frame.MaxPathId(4));
            case PATHS_BLOCKED -> new Example(n, t + "04", new Frame.PathsBlocked(4));
            case PATH_CIDS_BLOCKED -> new Example(n, t + "0301", new Frame.PathCidsBlocked(3, 1));
            default -> null;
        };
    }

    /** The examples of those {@code types} that {@code d} has, in order. */
    static List<Example> examples(Dialect d, FrameType... types) {
        List<Example> out = new ArrayList<>();
        for (FrameType t : types) {
            Example e = example(d, t);
            if (e != null) {
                out.add(e);
            }
        }
        return out;
    }

    /** {@code hex} cut to its first {@code bytes} bytes. */
    static String prefix(String hex, int bytes) {
        return hex.replace(" ", "").substring(0, 2 * bytes);
    }

    static int length(String hex) {
        return hex.replace(" ", "").length() / 2;
    }

    /** Decodes each payload and expects the matching frame; the first mismatch decides. */
    static Outcome allDecoded(CodecProbe codec, List<Example> examples) throws TargetException {
        List<String> names = new ArrayList<>();
        for (Example e : examples) {
            Outcome o = codec.expectDecoded(e.hex(), e.frame());
            if (!o.isMet()) {
                return new Outcome(o.kind(), o.expected(), e.name() + " (" + e.hex() + "): " + o.observed());
            }
            names.add(e.name());
        }
        return Outcome.met("each example decodes to its frame", "decoded as expected: " + String.join(", ", names));
    }

    /**
     * Every proper prefix of the example's payload (from one byte, so the frame type itself is cut too) is
     * rejected with FRAME_ENCODING_ERROR; the first that is not decides.
     */
    static Outcome allPrefixesRejected(CodecProbe codec, Example e) throws TargetException {
        int total = length(e.hex());
        for (int n = 1; n < total; n++) {
            Outcome o = codec.expectRejected(prefix(e.hex(), n), TransportError.FRAME_ENCODING_ERROR);
            if (!o.isMet()) {
                return new Outcome(o.kind(), o.expected(), e.name() + " cut to " + n + " of " + total + " bytes: "
                        + o.observed());
            }
        }
        return Outcome.met(e.name() + " cut anywhere is rejected with FRAME_ENCODING_ERROR",
                "all " + (total - 1) + " prefixes rejected with FRAME_ENCODING_ERROR");
    }

    /** Runs {@code each} over the examples; the first outcome not met decides, otherwise they are joined. */
    static Outcome forEach(List<Example> examples, ExampleCheck each) throws TargetException {
        Outcome all = null;
        for (Example e : examples) {
            Outcome o = each.check(e);
            if (!o.isMet()) {
                return o;
            }
            all = all == null ? o : all.and(o);
        }
        return all == null ? Outcome.unsupported("no example applies to this dialect") : all;
    }

    /** A check of one example. */
    interface ExampleCheck {
        Outcome check(Example e) throws TargetException;
    }
}
