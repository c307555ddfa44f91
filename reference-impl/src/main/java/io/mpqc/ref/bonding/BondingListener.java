package io.mpqc.ref.bonding;

/** Receives the bonding events of one connection, with the time of the input that caused them. */
@FunctionalInterface
public interface BondingListener {
    void onEvent(long timeMicros, BondingEvent event);
}
