package io.mpqc.conformance.cases;

import io.mpqc.conformance.catalog.Level;
import io.mpqc.conformance.target.TargetException;
import io.mpqc.conformance.target.TransportParametersResult;
import io.mpqc.ref.frame.TransportError;
import io.mpqc.ref.tp.Role;
import io.mpqc.ref.tp.TransportParameterWriter;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.HexFormat;

/** draft-21 §2.1 and RFC 9000 §7.4, §18.2: the transport parameters that negotiate multipath. */
final class C2_1_TransportParameters implements CaseGroup {
    private static final long ACTIVE_CID_LIMIT = 0x0e;

    @Override
    public String section() {
        return "draft-21 §2.1";
    }

    @Override
    public String title() {
        return "Transport parameter initial_max_path_id";
    }

    @Case(requirements = "MP-2.1-2", level = Level.CODEC, tags = "tp",
            text = "initial_max_path_id 2^32-1 is accepted, 2^32 is TRANSPORT_PARAMETER_ERROR")
    Outcome maxPathIdBoundary(CaseContext ctx) throws TargetException {
        long id = ctx.dialect().transportParameterId();
        Outcome ok = expectAccepted(ctx, integer(id, 0xFFFF_FFFFL), 0xFFFF_FFFFL);
        return ok.and(expectRejected(ctx, integer(id, 0x1_0000_0000L)));
    }

    @Case(requirements = "MP-2.1-3", level = Level.CODEC, tags = "tp",
            text = "initial_max_path_id 0 is a valid value (multipath on, no extra path yet)")
    Outcome maxPathIdZeroIsValid(CaseContext ctx) throws TargetException {
        return expectAccepted(ctx, integer(ctx.dialect().transportParameterId(), 0), 0);
    }

    @Case(requirements = "MP-2.1-8", level = Level.CODEC, tags = "tp",
            text = "initial_max_path_id whose declared length (2) is longer than its varint (1 byte): "
                    + "TRANSPORT_PARAMETER_ERROR")
    Outcome lengthMismatch(CaseContext ctx) throws TargetException {
        ByteBuf b = Unpooled.buffer();
        io.mpqc.ref.frame.Varint.write(b, ctx.dialect().transportParameterId());
        b.writeByte(2).writeByte(3).writeByte(0);
        return expectRejected(ctx, ByteBufUtil.getBytes(b));
    }

    @Case(requirements = "MP-2.1-8", level = Level.CODEC, tags = "tp",
            text = "initial_max_path_id sent twice: TRANSPORT_PARAMETER_ERROR")
    Outcome duplicate(CaseContext ctx) throws TargetException {
        long id = ctx.dialect().transportParameterId();
        byte[] one = integer(id, 3);
        byte[] twice = new byte[one.length * 2];
        System.arraycopy(one, 0, twice, 0, one.length);
        System.arraycopy(one, 0, twice, one.length, one.length);
        return expectRejected(ctx, twice);
    }

    @Case(requirements = "Q-18.2-1", level = Level.CODEC, tags = "tp",
            text = "active_connection_id_limit 1: TRANSPORT_PARAMETER_ERROR; 2 is accepted")
    Outcome activeConnectionIdLimitBelowTwo(CaseContext ctx) throws TargetException {
        return expectRejected(ctx, integer(ACTIVE_CID_LIMIT, 1))
                .and(expectAcceptedAny(ctx, integer(ACTIVE_CID_LIMIT, 2)));
    }

    @Case(requirements = "Q-7.4-1", level = Level.CODEC, tags = "tp",
            text = "an unknown (reserved 31*2+27) parameter next to initial_max_path_id is ignored")
    Outcome unknownParameterIgnored(CaseContext ctx) throws TargetException {
        byte[] unknown = integer(31 * 2 + 27, 12345);
        byte[] mp = integer(ctx.dialect().transportParameterId(), 2);
        byte[] both = new byte[unknown.length + mp.length];
        System.arraycopy(unknown, 0, both, 0, unknown.length);
        System.arraycopy(mp, 0, both, unknown.length, mp.length);
        return expectAccepted(ctx, both, 2);
    }

    private static byte[] integer(long id, long value) {
        ByteBuf b = Unpooled.buffer();
        TransportParameterWriter.writeInteger(b, id, value);
        return ByteBufUtil.getBytes(b);
    }

    private static TransportParametersResult decode(CaseContext ctx, byte[] block) throws TargetException {
        ctx.transcript().bytesToTarget("transport parameters from the client", block);
        TransportParametersResult r = ctx.codec().decodeTransportParameters(ctx.dialect(), Role.CLIENT, block);
        ctx.transcript().note("target: " + r);
        return r;
    }

    private static Outcome expectAccepted(CaseContext ctx, byte[] block, long maxPathId) throws TargetException {
        String expected = "accepted with initial_max_path_id " + maxPathId;
        TransportParametersResult r = decode(ctx, block);
        if (r instanceof TransportParametersResult.Accepted a && a.initialMaxPathId() == maxPathId) {
            return Outcome.met(expected, "accepted, initial_max_path_id " + a.initialMaxPathId());
        }
        return Outcome.notMet(expected, describe(ctx, r));
    }

    private static Outcome expectAcceptedAny(CaseContext ctx, byte[] block) throws TargetException {
        TransportParametersResult r = decode(ctx, block);
        return r instanceof TransportParametersResult.Accepted ? Outcome.met("accepted", "accepted")
                : Outcome.notMet("accepted", describe(ctx, r));
    }

    private static Outcome expectRejected(CaseContext ctx, byte[] block) throws TargetException {
        String expected = "rejected with TRANSPORT_PARAMETER_ERROR (block " + HexFormat.of().formatHex(block) + ")";
        TransportParametersResult r = decode(ctx, block);
        if (r instanceof TransportParametersResult.Rejected rej
                && rej.errorCode() == TransportError.TRANSPORT_PARAMETER_ERROR.code()) {
            return Outcome.met(expected, describe(ctx, r));
        }
        return Outcome.notMet(expected, describe(ctx, r));
    }

    private static String describe(CaseContext ctx, TransportParametersResult r) {
        if (r instanceof TransportParametersResult.Rejected rej) {
            return "rejected with " + TransportError.describe(rej.errorCode(), ctx.dialect()) + ": " + rej.message();
        }
        TransportParametersResult.Accepted a = (TransportParametersResult.Accepted) r;
        return "accepted (initial_max_path_id " + a.initialMaxPathId() + ")";
    }
}
