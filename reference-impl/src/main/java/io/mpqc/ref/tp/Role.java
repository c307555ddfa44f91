package io.mpqc.ref.tp;

/**
 * Which endpoint sent a set of transport parameters. The decoder needs it because four parameters may only
 * come from a server (RFC 9000 §18.2), and a client sending one is a TRANSPORT_PARAMETER_ERROR.
 */
public enum Role {
    CLIENT,
    SERVER
}
