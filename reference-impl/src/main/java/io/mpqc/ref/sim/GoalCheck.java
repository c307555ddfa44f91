package io.mpqc.ref.sim;

/**
 * One goal of the simulator's issue, checked against a matrix: what was asked, what came out, and whether
 * it was met ({@link Status#NOT_APPLICABLE} when the figures cannot say, e.g. "fewer spurious
 * retransmissions than minRTT" when minRTT has none).
 */
public record GoalCheck(String goal, String target, String actual, Status status) {
    public enum Status { MET, MISSED, NOT_APPLICABLE }
}
