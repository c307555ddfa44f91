package io.mpqc.ref.tp;

import io.mpqc.ref.frame.Bytes;
import io.mpqc.ref.frame.Varint;
import io.netty.buffer.ByteBuf;

/**
 * Writes single parameters (id varint, length varint, value) without checking their meaning. The encoder
 * uses it after validating; conformance cases use it directly to send what the encoder refuses, such as
 * initial_max_path_id 2^32, a duplicate, or another dialect's multipath parameter.
 */
public final class TransportParameterWriter {
    private TransportParameterWriter() {
    }

    /** A parameter whose value is one minimal varint. */
    public static void writeInteger(ByteBuf out, long id, long value) {
        Varint.write(out, id);
        Varint.write(out, Varint.lengthOf(value));
        Varint.write(out, value);
    }

    /** A parameter whose value is {@code value} as is. */
    public static void writeBytes(ByteBuf out, long id, Bytes value) {
        Varint.write(out, id);
        Varint.write(out, value.length());
        value.writeTo(out);
    }

    /** A parameter with a zero-length value. */
    public static void writeFlag(ByteBuf out, long id) {
        Varint.write(out, id);
        Varint.write(out, 0);
    }
}
