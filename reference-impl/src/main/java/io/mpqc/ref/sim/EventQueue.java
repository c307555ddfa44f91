package io.mpqc.ref.sim;

import java.util.Arrays;

/**
 * The discrete-event core: a virtual clock in microseconds and the actions due at future times. Actions
 * at the same time run in the order they were scheduled, so a run depends on nothing but its inputs. A
 * binary heap over parallel arrays (time, sequence, action): the simulator schedules one event per packet,
 * and this is the innermost loop.
 */
public final class EventQueue {
    private long[] times = new long[1024];
    private long[] sequences = new long[1024];
    private Runnable[] actions = new Runnable[1024];
    private int size;
    private long now;
    private long sequence;
    private long executed;

    public long now() {
        return now;
    }

    /** Events run so far. */
    public long executed() {
        return executed;
    }

    /** Runs {@code action} at {@code time} (not before now). */
    public void at(long time, Runnable action) {
        if (time < now) {
            throw new IllegalArgumentException("event in the past: " + time + " < " + now);
        }
        if (size == times.length) {
            times = Arrays.copyOf(times, size * 2);
            sequences = Arrays.copyOf(sequences, size * 2);
            actions = Arrays.copyOf(actions, size * 2);
        }
        long seq = sequence++;
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!before(time, seq, parent)) {
                break;
            }
            move(parent, i);
            i = parent;
        }
        times[i] = time;
        sequences[i] = seq;
        actions[i] = action;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** The time of the next event, or Long.MAX_VALUE. */
    public long nextTime() {
        return size == 0 ? Long.MAX_VALUE : times[0];
    }

    /** Advances the clock to the next event and runs it; false when there is none. */
    public boolean runNext() {
        if (size == 0) {
            return false;
        }
        now = times[0];
        Runnable action = actions[0];
        size--;
        if (size > 0) {
            long t = times[size];
            long s = sequences[size];
            Runnable a = actions[size];
            int i = 0;
            while (true) {
                int child = 2 * i + 1;
                if (child >= size) {
                    break;
                }
                if (child + 1 < size && before(times[child + 1], sequences[child + 1], child)) {
                    child++;
                }
                if (!before(times[child], sequences[child], t, s)) {
                    break;
                }
                move(child, i);
                i = child;
            }
            times[i] = t;
            sequences[i] = s;
            actions[i] = a;
        }
        actions[size] = null;
        executed++;
        action.run();
        return true;
    }

    private boolean before(long time, long seq, int slot) {
        return before(time, seq, times[slot], sequences[slot]);
    }

    private static boolean before(long t1, long s1, long t2, long s2) {
        return t1 < t2 || t1 == t2 && s1 < s2;
    }

    private void move(int from, int to) {
        times[to] = times[from];
        sequences[to] = sequences[from];
        actions[to] = actions[from];
    }
}
