package io.mpqc.conformance.cli;

import io.mpqc.conformance.report.Json;
import io.mpqc.ref.frame.AckRanges;
import io.mpqc.ref.frame.Dialect;
import io.mpqc.ref.frame.Frame;
import io.mpqc.ref.frame.FrameDecodeException;
import io.mpqc.ref.frame.FrameDecoder;
import io.mpqc.ref.frame.FrameFields;
import io.mpqc.ref.frame.FrameType;
import io.mpqc.ref.frame.Strictness;
import io.mpqc.ref.frame.TransportError;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mpqc decode}: a small protocol analyser. Each argument is one packet payload; each frame is
 * printed on its own line, and a payload that does not decode shows the frames before the problem and
 * then the transport error the receiver would close the connection with, at its byte offset.
 */
@Command(name = "decode", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Decode packet payloads (hex) into frames, like a small protocol analyser.",
            "",
            "Each HEX argument is one packet payload: 7e760207, 0x7e760207, '7e 76 02 07' and 7e:76:02:07 "
                    + "are the same. Every frame is printed on its own line. A payload that does not decode "
                    + "shows its frames up to the problem, then the transport error a receiver closes the "
                    + "connection with, and the byte offset where the problem was found.",
            "",
        })
final class DecodeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--dialect", paramLabel = "D", converter = DialectConverter.class,
            completionCandidates = DialectConverter.Names.class,
            description = "Multipath codepoints and frame layouts: ${COMPLETION-CANDIDATES} (default: draft-21).")
    Dialect dialect = Dialect.DEFAULT;

    @Option(names = "--lenient",
            description = "Accept frame types in a longer-than-minimal varint (RFC 9000 §12.4 lets a receiver "
                    + "reject them; the default is strict: PROTOCOL_VIOLATION).")
    boolean lenient;

    @Option(names = "--json", description = "Print one JSON object per payload instead of text.")
    boolean json;

    @Parameters(arity = "1..*", paramLabel = "HEX",
            description = "Packet payloads in hex, one per argument (quote one that contains spaces).")
    List<String> arguments;

    /** The payloads, all parsed before anything is decoded: one bad argument means no output but the error. */
    private List<HexPayload> payloads;

    @Override
    public Integer call() {
        payloads = new ArrayList<>();
        for (String text : arguments) {
            try {
                payloads.add(new HexPayload(text, Hex.parse(text)));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(),
                        "invalid HEX argument '" + text + "': " + e.getMessage());
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        FrameDecoder decoder = new FrameDecoder(dialect, lenient ? Strictness.LENIENT : Strictness.STRICT);
        boolean allDecoded = true;
        int n = 0;
        for (HexPayload payload : payloads) {
            n++;
            Decoded d = decode(decoder, payload.bytes());
            allDecoded &= d.error() == null;
            if (json) {
                out.println(Json.write(toJson(payload, d)));
            } else {
                printText(out, payload, d, n);
            }
        }
        out.flush();
        return allDecoded ? ExitCodes.OK : ExitCodes.FAILURES;
    }

    /** The frames of one payload, and the error that stopped decoding (null when all bytes decoded). */
    record Decoded(List<Frame> frames, FrameDecodeException error) {
    }

    /** Decodes frame by frame so that the frames before an error are kept for the output. */
    static Decoded decode(FrameDecoder decoder, byte[] payload) {
        ByteBuf in = Unpooled.wrappedBuffer(payload);
        List<Frame> frames = new ArrayList<>();
        while (in.isReadable()) {
            try {
                frames.add(decoder.decode(in, 0));
            } catch (FrameDecodeException e) {
                return new Decoded(frames, e);
            }
        }
        return new Decoded(frames, null);
    }

    private void printText(PrintWriter out, HexPayload payload, Decoded d, int n) {
        String indent = "";
        if (payloads.size() > 1) {
            out.println("payload " + n + " (" + payload.bytes().length + " bytes): " + Hex.compact(payload.bytes()));
            indent = "  ";
        }
        for (Frame f : d.frames()) {
            out.println(indent + FrameFields.describe(f, dialect));
        }
        if (d.error() != null) {
            out.println(indent + errorLine(d.error(), dialect));
        }
    }

    /** {@code error: FRAME_ENCODING_ERROR (0x7) at offset 3: <message> (in PATH_STATUS_BACKUP, type 0x3e76)}. */
    static String errorLine(FrameDecodeException e, Dialect dialect) {
        StringBuilder sb = new StringBuilder("error: ")
                .append(TransportError.describe(e.error().code(), dialect))
                .append(" at offset ").append(e.offset()).append(": ").append(e.getMessage());
        String frame = frameName(e.frameType(), dialect);
        if (frame != null) {
            sb.append(" (in ").append(frame).append(", type 0x").append(Long.toHexString(e.frameType())).append(')');
        }
        return sb.toString();
    }

    private Map<String, Object> toJson(HexPayload payload, Decoded d) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("payload", Hex.compact(payload.bytes()));
        o.put("length", payload.bytes().length);
        o.put("dialect", dialect.id());
        o.put("ok", d.error() == null);
        List<Object> frames = new ArrayList<>();
        for (Frame f : d.frames()) {
            Map<String, Object> fo = new LinkedHashMap<>();
            fo.put("name", FrameFields.name(f, dialect));
            fo.put("fields", jsonFields(f, dialect));
            frames.add(fo);
        }
        o.put("frames", frames);
        if (d.error() != null) {
            FrameDecodeException e = d.error();
            Map<String, Object> eo = new LinkedHashMap<>();
            eo.put("code", e.error().code());
            eo.put("name", e.error().name());
            eo.put("offset", e.offset());
            eo.put("message", e.getMessage());
            eo.put("frame_type", e.frameType() < 0 ? null : e.frameType());
            eo.put("frame", frameName(e.frameType(), dialect));
            o.put("error", eo);
        }
        return o;
    }

    /** The frame's fields, with ACK ranges as an array of {gap, length} objects instead of text. */
    static Map<String, Object> jsonFields(Frame f, Dialect dialect) {
        Map<String, Object> fields = new LinkedHashMap<>(FrameFields.of(f, dialect));
        AckRanges ranges = f instanceof Frame.Ack a ? a.ranges() : f instanceof Frame.PathAck p ? p.ranges() : null;
        if (ranges != null && fields.containsKey("ranges")) {
            List<Object> list = new ArrayList<>();
            for (int i = 0; i < ranges.count(); i++) {
                Map<String, Object> range = new LinkedHashMap<>();
                range.put("gap", ranges.gap(i));
                range.put("length", ranges.length(i));
                list.add(range);
            }
            fields.put("ranges", list);
        }
        return fields;
    }

    /** The name of the frame with codepoint {@code code} in {@code dialect}, or null if it has none. */
    static String frameName(long code, Dialect dialect) {
        if (code < 0) {
            return null;
        }
        FrameType mp = dialect.multipathType(code);
        if (mp != null) {
            return dialect.frameName(mp);
        }
        if (code >= 0x08 && code <= 0x0f) {
            return FrameType.STREAM.name();
        }
        for (FrameType t : FrameType.values()) {
            if (!t.isMultipath() && t.rfc9000Code() == code) {
                return t.name();
            }
        }
        return null;
    }
}
