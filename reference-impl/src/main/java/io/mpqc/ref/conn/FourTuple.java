package io.mpqc.ref.conn;

import java.net.InetSocketAddress;

/** The local and remote address of a packet: what migration changes and a path ID does not. */
public record FourTuple(InetSocketAddress local, InetSocketAddress remote) {
}
