package io.mpqc.ref.bonding;

import io.mpqc.ref.path.PathState;
import io.mpqc.ref.path.PathStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bonding layer of one endpoint: which paths form the bond, in which {@link BondingState}, which path
 * is primary, which paths the scheduler may use now, and the capacity weights that share traffic between
 * them. It is fed by the connection core's path events (state, local and peer status), by the failure
 * detector of the data layer (a path suspected or recovered) and by each path's congestion window and RTT.
 *
 * <p>Sendable paths: the healthy paths that neither side marked as backup; only when none is left, the
 * healthy standby paths; only when none of those is left either, the suspected ones (sending into a path
 * that may be failing beats not sending at all). Weights are proportional to cwnd / srtt over the
 * sendable paths and 0 elsewhere, so they are never negative and sum to 1 whenever a path can send.
 */
public final class Bonding {
    /** By path ID; a connection has a handful of paths, so a sorted list beats a map (no boxing). */
    private final List<Member> members = new ArrayList<>();
    private final List<BondingListener> listeners = new ArrayList<>();
    private BondingState state = BondingState.SINGLE_PATH;
    /** How many healthy paths the bond had when it was last complete; fewer is DEGRADED. */
    private int bondedWidth;
    private long primary = -1;
    private boolean standbyInUse;
    private long now;
    /** The sendable paths, recomputed only after an input changed them (the scheduler asks per packet). */
    private List<Long> sendable;
    /** Sum of the sendable paths' capacities, recomputed after any capacity change. */
    private double capacityTotal = -1;

    public void addListener(BondingListener l) {
        listeners.add(l);
    }

    public BondingState state() {
        return state;
    }

    /** The primary path, or -1 while no path is usable. */
    public long primary() {
        return primary;
    }

    /** Validated and not closing, by the latest path state the core reported. */
    public boolean isUsable(long pathId) {
        Member m = find(pathId);
        return m != null && m.usable();
    }

    public boolean isSuspect(long pathId) {
        Member m = find(pathId);
        return m != null && m.suspect;
    }

    public boolean isStandby(long pathId) {
        Member m = find(pathId);
        return m != null && m.standby();
    }

    // ---- inputs ----

    public void onPathState(long pathId, PathState to, long nowMicros) {
        now = nowMicros;
        Member m = member(pathId);
        PathState from = m.state;
        m.state = to;
        if (to.isEnding()) {
            m.suspect = false;
        }
        update("path " + pathId + " " + from + " -> " + to);
    }

    public void onLocalStatus(long pathId, PathStatus status, long nowMicros) {
        now = nowMicros;
        member(pathId).localStatus = status;
        update("local status of path " + pathId + ": " + status);
    }

    public void onPeerStatus(long pathId, PathStatus status, long nowMicros) {
        now = nowMicros;
        member(pathId).peerStatus = status;
        update("peer status of path " + pathId + ": " + status);
    }

    /** The data layer suspects a path of failing ({@code suspect}) or saw it recover. */
    public void onPathSuspect(long pathId, boolean suspect, long nowMicros) {
        now = nowMicros;
        Member m = member(pathId);
        if (m.suspect == suspect || suspect && !m.usable()) {
            return;
        }
        m.suspect = suspect;
        update("path " + pathId + (suspect ? " failing" : " recovered"));
    }

    /** The latest congestion window and smoothed RTT of a path, for the weights. */
    public void onCapacity(long pathId, long window, long smoothedRttMicros) {
        Member m = find(pathId);
        if (m != null && (m.window != window || m.smoothedRttMicros != smoothedRttMicros)) {
            m.window = window;
            m.smoothedRttMicros = smoothedRttMicros;
            capacityTotal = -1;
        }
    }

    // ---- outputs ----

    /** The paths the scheduler may pick from now, by path ID (an unmodifiable list). */
    public List<Long> sendablePaths() {
        if (sendable == null) {
            sendable = List.copyOf(computeSendable());
        }
        return sendable;
    }

    private List<Long> computeSendable() {
        List<Long> available = new ArrayList<>(2);
        List<Long> standby = new ArrayList<>(1);
        List<Long> suspect = new ArrayList<>(1);
        for (Member m : members) {
            if (!m.usable()) {
                continue;
            }
            if (m.suspect) {
                suspect.add(m.id);
            } else if (m.standby()) {
                standby.add(m.id);
            } else {
                available.add(m.id);
            }
        }
        if (!available.isEmpty()) {
            return available;
        }
        return standby.isEmpty() ? suspect : standby;
    }

    /** The weight of a path: its share of cwnd / srtt among the sendable paths; 0 if it is not sendable. */
    public double weight(long pathId) {
        List<Long> paths = sendablePaths();
        boolean sendable = false;
        for (int i = 0; i < paths.size() && !sendable; i++) {
            sendable = paths.get(i) == pathId;
        }
        if (!sendable) {
            return 0;
        }
        if (capacityTotal < 0) {
            double total = 0;
            for (long id : paths) {
                total += find(id).capacity();
            }
            capacityTotal = total;
        }
        // Before any RTT sample every sendable path counts the same.
        return capacityTotal <= 0 ? 1.0 / paths.size() : find(pathId).capacity() / capacityTotal;
    }

    /** Every known path's weight, by path ID. */
    public Map<Long, Double> weights() {
        Map<Long, Double> out = new LinkedHashMap<>();
        for (Member m : members) {
            out.put(m.id, weight(m.id));
        }
        return out;
    }

    // ---- state machine ----

    private Member member(long pathId) {
        Member m = find(pathId);
        if (m == null) {
            m = new Member(pathId);
            int i = 0;
            while (i < members.size() && members.get(i).id < pathId) {
                i++;
            }
            members.add(i, m);
        }
        return m;
    }

    private Member find(long pathId) {
        for (int i = 0; i < members.size(); i++) {
            Member m = members.get(i);
            if (m.id == pathId) {
                return m;
            }
        }
        return null;
    }

    private void update(String reason) {
        sendable = null;
        capacityTotal = -1;
        int healthy = 0;
        int suspect = 0;
        int validating = 0;
        for (Member m : members) {
            if (m.healthy()) {
                healthy++;
            } else if (m.usable()) {
                suspect++;
            } else if (m.validating()) {
                validating++;
            }
        }
        BondingState next;
        if (healthy >= 2) {
            next = suspect > 0 || healthy < bondedWidth ? BondingState.DEGRADED : BondingState.BONDED;
        } else if (suspect > 0 && healthy + suspect >= 2) {
            next = BondingState.DEGRADED;
        } else if (healthy + suspect >= 1 && validating > 0) {
            // A working path and another being validated; the very first path being set up is no bond yet.
            next = BondingState.PENDING;
        } else {
            next = BondingState.SINGLE_PATH;
        }
        if (next == BondingState.BONDED) {
            bondedWidth = Math.max(bondedWidth, healthy);
        } else if (next == BondingState.SINGLE_PATH || next == BondingState.PENDING) {
            bondedWidth = 0;
        }
        if (next != state) {
            BondingState from = state;
            state = next;
            emit(new BondingEvent.StateChanged(from, next, reason));
        }
        updatePrimary();
        updateStandby();
    }

    /**
     * The primary stays where it is while it is healthy (no flapping); when it fails or closes, the
     * healthy path with the largest capacity takes over, available paths before standby ones.
     */
    private void updatePrimary() {
        Member current = primary < 0 ? null : find(primary);
        if (current != null && current.healthy()) {
            return;
        }
        Member best = null;
        for (Member m : members) {
            if (m.healthy() && (best == null || better(m, best))) {
                best = m;
            }
        }
        if (best == null || best.id == primary) {
            return;
        }
        long from = primary;
        primary = best.id;
        emit(new BondingEvent.PrimaryChanged(from, best.id, from >= 0));
    }

    private static boolean better(Member a, Member b) {
        if (a.standby() != b.standby()) {
            return !a.standby();
        }
        return a.capacity() > b.capacity();
    }

    private void updateStandby() {
        boolean anyAvailable = false;
        List<Long> standby = new ArrayList<>();
        for (Member m : members) {
            if (m.healthy()) {
                if (m.standby()) {
                    standby.add(m.id);
                } else {
                    anyAvailable = true;
                }
            }
        }
        boolean inUse = !anyAvailable && !standby.isEmpty();
        if (inUse != standbyInUse) {
            standbyInUse = inUse;
            emit(new BondingEvent.StandbyInUse(inUse, inUse ? standby : List.of()));
        }
    }

    private void emit(BondingEvent e) {
        for (BondingListener l : listeners) {
            l.onEvent(now, e);
        }
    }
}
