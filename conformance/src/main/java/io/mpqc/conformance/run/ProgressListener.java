package io.mpqc.conformance.run;

/** Told about a run as it goes: a progress bar on a terminal, plain lines in CI. */
public interface ProgressListener {
    ProgressListener NONE = new ProgressListener() {
    };

    default void started(int total) {
    }

    default void caseFinished(CaseResult result, int done, int total) {
    }

    default void finished(RunResult result) {
    }
}
