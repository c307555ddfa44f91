package io.mpqc.conformance.cases;

import io.mpqc.conformance.target.Capabilities;
import io.mpqc.conformance.target.Session;
import io.mpqc.conformance.target.SessionSpec;
import io.mpqc.conformance.target.Target;
import io.mpqc.conformance.target.TargetException;
import io.mpqc.ref.frame.Dialect;
import io.mpqc.ref.tp.Role;
import java.util.ArrayList;
import java.util.List;

/** What a case works with: the target, the dialect of the run, and the transcript it fills. */
public final class CaseContext implements AutoCloseable {
    /** The path ID limit both sides announce in the default session. */
    public static final long DEFAULT_MAX_PATH_ID = 4;

    private final Target target;
    private final Dialect dialect;
    private final Transcript transcript;
    private final List<Session> sessions = new ArrayList<>();

    public CaseContext(Target target, Dialect dialect) {
        this.target = target;
        this.dialect = dialect;
        this.transcript = new Transcript(dialect);
    }

    public Dialect dialect() {
        return dialect;
    }

    public Transcript transcript() {
        return transcript;
    }

    /** The target as a server with multipath negotiated, both path ID limits at 4. */
    public Probe server() throws TargetException {
        return open(SessionSpec.server(dialect, DEFAULT_MAX_PATH_ID));
    }

    /** The target as a client with multipath negotiated, both path ID limits at 4. */
    public Probe client() throws TargetException {
        return open(SessionSpec.server(dialect, DEFAULT_MAX_PATH_ID).withRole(Role.CLIENT));
    }

    public Probe open(SessionSpec spec) throws TargetException {
        if (!target.capabilities().endpoint()) {
            throw new CaseUnsupportedException("the target cannot be driven at endpoint level");
        }
        transcript.note("session: target is " + spec.targetRole() + ", " + spec.dialect() + ", max path ID "
                + (spec.targetMaxPathId() < 0 ? "not sent" : spec.targetMaxPathId()) + " (target) / "
                + (spec.testerMaxPathId() < 0 ? "not sent" : spec.testerMaxPathId()) + " (suite)");
        Session s = target.endpoint().open(spec);
        sessions.add(s);
        return new Probe(s, dialect, transcript, target.capabilities().has(Capabilities.INTROSPECTION));
    }

    public CodecProbe codec() {
        if (!target.capabilities().codec()) {
            throw new CaseUnsupportedException("the target cannot be driven at codec level");
        }
        return new CodecProbe(target.codec(), dialect, transcript);
    }

    /** Requires a target feature, or makes the case UNSUPPORTED. */
    public void require(String feature) {
        if (!target.capabilities().has(feature)) {
            throw new CaseUnsupportedException("the target lacks the capability '" + feature + "'");
        }
    }

    @Override
    public void close() {
        for (Session s : sessions) {
            s.close();
        }
    }
}
