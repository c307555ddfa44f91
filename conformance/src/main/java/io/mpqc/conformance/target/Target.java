package io.mpqc.conformance.target;

/** An implementation under test, reachable at codec level, endpoint level, or both. */
public interface Target extends AutoCloseable {
    /** The URI-like name it was chosen by, e.g. {@code reference:draft-18}. */
    String name();

    Capabilities capabilities();

    /** Its codec level; only called when {@link Capabilities#codec()} is true. */
    CodecTarget codec();

    /** Its endpoint level; only called when {@link Capabilities#endpoint()} is true. */
    EndpointTarget endpoint();

    @Override
    void close();
}
