package io.mpqc.ref.tp;

import io.mpqc.ref.frame.Bytes;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Objects;

/**
 * The server's preferred_address (RFC 9000 §18.2). An all-zero address and port means the server offers no
 * address of that family.
 *
 * <p>The record accepts anything the wire layout can carry (a connection ID of 0 to 255 bytes), so tests
 * can build the invalid values a receiver must reject; the encoder refuses to send those (a zero-length
 * or over-long CID) and the decoder never produces them.
 */
public record PreferredAddress(Bytes ipv4Address, int ipv4Port, Bytes ipv6Address, int ipv6Port,
        Bytes connectionId, Bytes statelessResetToken) {
    public static final int IPV4_LENGTH = 4;
    public static final int IPV6_LENGTH = 16;

    public PreferredAddress {
        Objects.requireNonNull(ipv4Address, "ipv4Address");
        Objects.requireNonNull(ipv6Address, "ipv6Address");
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(statelessResetToken, "statelessResetToken");
        requireLength(ipv4Address, IPV4_LENGTH, "IPv4 address");
        requireLength(ipv6Address, IPV6_LENGTH, "IPv6 address");
        requireLength(statelessResetToken, TransportParameterRules.RESET_TOKEN_LENGTH, "stateless reset token");
        requirePort(ipv4Port);
        requirePort(ipv6Port);
        if (connectionId.length() > 255) {
            throw new IllegalArgumentException("connection ID longer than its 8-bit length field allows");
        }
    }

    /** Builds the value from socket addresses; pass null for a family the server does not offer. */
    public static PreferredAddress of(InetSocketAddress ipv4, InetSocketAddress ipv6, Bytes connectionId,
            Bytes statelessResetToken) {
        return new PreferredAddress(address(ipv4, IPV4_LENGTH), port(ipv4), address(ipv6, IPV6_LENGTH), port(ipv6),
                connectionId, statelessResetToken);
    }

    /** The IPv4 address and port, or null when both are zero. */
    public InetSocketAddress ipv4() {
        return socketAddress(ipv4Address, ipv4Port);
    }

    /** The IPv6 address and port, or null when both are zero. */
    public InetSocketAddress ipv6() {
        return socketAddress(ipv6Address, ipv6Port);
    }

    private static InetSocketAddress socketAddress(Bytes address, int port) {
        if (port == 0 && address.equals(Bytes.of(new byte[address.length()]))) {
            return null;
        }
        try {
            return new InetSocketAddress(InetAddress.getByAddress(address.toByteArray()), port);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("length checked in the constructor", e);
        }
    }

    private static Bytes address(InetSocketAddress socket, int length) {
        if (socket == null) {
            return Bytes.of(new byte[length]);
        }
        if (socket.isUnresolved()) {
            throw new IllegalArgumentException("unresolved address: " + socket);
        }
        byte[] raw = socket.getAddress().getAddress();
        if (raw.length != length) {
            throw new IllegalArgumentException("expected a " + (length * 8) + "-bit address: " + socket);
        }
        return Bytes.of(raw);
    }

    private static int port(InetSocketAddress socket) {
        return socket == null ? 0 : socket.getPort();
    }

    private static void requireLength(Bytes value, int length, String what) {
        if (value.length() != length) {
            throw new IllegalArgumentException(what + " must be " + length + " bytes, not " + value.length());
        }
    }

    private static void requirePort(int port) {
        if (port < 0 || port > 0xffff) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }
}
