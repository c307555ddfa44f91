package io.mpqc.ref.conn;

/** Receives every event of a connection, on the connection's thread, with the injected clock's time. */
@FunctionalInterface
public interface ConnectionListener {
    void onEvent(long timeMicros, ConnectionEvent event);
}
