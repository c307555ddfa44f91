package io.mpqc.ref.tp;

import io.mpqc.ref.frame.Bytes;
import io.mpqc.ref.frame.Varint;
import io.netty.buffer.ByteBuf;

/** The RFC 9000 §18.2 Preferred Address layout: fixed-size fields around one length-prefixed CID. */
final class PreferredAddressCodec {
    private static final long ID = TransportParameterId.PREFERRED_ADDRESS.code();

    private PreferredAddressCodec() {
    }

    static void write(ByteBuf out, PreferredAddress pa) {
        int length = PreferredAddress.IPV4_LENGTH + 2 + PreferredAddress.IPV6_LENGTH + 2 + 1
                + pa.connectionId().length() + TransportParameterRules.RESET_TOKEN_LENGTH;
        Varint.write(out, ID);
        Varint.write(out, length);
        pa.ipv4Address().writeTo(out);
        out.writeShort(pa.ipv4Port());
        pa.ipv6Address().writeTo(out);
        out.writeShort(pa.ipv6Port());
        out.writeByte(pa.connectionId().length());
        pa.connectionId().writeTo(out);
        pa.statelessResetToken().writeTo(out);
    }

    /**
     * Reads the whole of {@code value}, a slice holding exactly the parameter's value; {@code valueAt} is the
     * slice's offset in the decoder's input, for error offsets.
     */
    static PreferredAddress read(ByteBuf value, int valueAt) throws TransportParameterException {
        need(value, valueAt, PreferredAddress.IPV4_LENGTH + 2, "IPv4 address and port");
        Bytes ipv4 = Bytes.readFrom(value, PreferredAddress.IPV4_LENGTH);
        int ipv4Port = value.readUnsignedShort();
        need(value, valueAt, PreferredAddress.IPV6_LENGTH + 2, "IPv6 address and port");
        Bytes ipv6 = Bytes.readFrom(value, PreferredAddress.IPV6_LENGTH);
        int ipv6Port = value.readUnsignedShort();
        need(value, valueAt, 1, "connection ID length");
        int cidLengthAt = valueAt + value.readerIndex();
        int cidLength = value.readUnsignedByte();
        String bad = TransportParameterRules.preferredAddressConnectionId(cidLength);
        if (bad != null) {
            throw new TransportParameterException(cidLengthAt, ID, bad);
        }
        need(value, valueAt, cidLength, "connection ID");
        Bytes cid = Bytes.readFrom(value, cidLength);
        need(value, valueAt, TransportParameterRules.RESET_TOKEN_LENGTH, "stateless reset token");
        Bytes token = Bytes.readFrom(value, TransportParameterRules.RESET_TOKEN_LENGTH);
        if (value.isReadable()) {
            throw new TransportParameterException(valueAt + value.readerIndex(), ID,
                    "preferred_address has " + value.readableBytes() + " bytes after the stateless reset token");
        }
        return new PreferredAddress(ipv4, ipv4Port, ipv6, ipv6Port, cid, token);
    }

    private static void need(ByteBuf value, int valueAt, int bytes, String field)
            throws TransportParameterException {
        if (value.readableBytes() < bytes) {
            // Like the frame decoder, a truncated field is reported where it starts.
            throw new TransportParameterException(valueAt + value.readerIndex(), ID,
                    "preferred_address ends inside the " + field);
        }
    }
}
