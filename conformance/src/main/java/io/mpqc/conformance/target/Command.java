package io.mpqc.conformance.target;

import io.mpqc.ref.path.PathStatus;

/** Local commands a case can give an endpoint target (capability {@code commands}). */
public sealed interface Command {
    record OpenPath() implements Command {
    }

    record AbandonPath(long pathId, long errorCode) implements Command {
    }

    record SetStatus(long pathId, PathStatus status) implements Command {
    }

    record RaiseMaxPathId(long maximum) implements Command {
    }

    record IssueConnectionIds(long pathId, int count) implements Command {
    }

    /** Close the whole connection (CONNECTION_CLOSE of either type) with this error code. */
    record Close(long errorCode, String reason) implements Command {
    }
}
