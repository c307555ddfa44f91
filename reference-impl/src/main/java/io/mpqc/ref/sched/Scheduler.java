package io.mpqc.ref.sched;

/**
 * Decides which path, if any, sends the next packet. Implementations pick only a path that is usable and
 * has room in its congestion window for the packet ({@link PathSnapshot#canSend}); answering
 * {@link #NONE} means "wait": for a better path to get room, or because no path can send.
 *
 * <p>The data layer calls {@link #pathAdded} when a path becomes usable and {@link #pathRemoved} when it
 * stops being usable (standby, closing, failed), so that schedulers with per-path state can keep it.
 */
public interface Scheduler {
    long NONE = -1;

    /** The name the scheduler is selected by. */
    String name();

    /** The path to carry the next packet, or {@link #NONE}. */
    long select(SchedulingContext context);

    default void pathAdded(long pathId) {
    }

    default void pathRemoved(long pathId) {
    }

    /** True when every packet is to be copied onto every other candidate path that can send. */
    default boolean redundant() {
        return false;
    }
}
