package io.mpqc.ref.bonding;

import java.util.List;

/** What the bonding layer reports: every state transition, failovers, and the use of standby paths. */
public sealed interface BondingEvent {

    /** The bonding state changed; {@code reason} says which input caused it. */
    record StateChanged(BondingState from, BondingState to, String reason) implements BondingEvent {
    }

    /**
     * The primary path changed: {@code failover} when the old primary failed (suspected or closed), not
     * when the first path appears ({@code from} is -1 then).
     */
    record PrimaryChanged(long from, long to, boolean failover) implements BondingEvent {
    }

    /**
     * Standby paths started ({@code inUse}) or stopped carrying traffic: they are used only while no
     * available path can send.
     */
    record StandbyInUse(boolean inUse, List<Long> pathIds) implements BondingEvent {
        public StandbyInUse {
            pathIds = List.copyOf(pathIds);
        }
    }
}
