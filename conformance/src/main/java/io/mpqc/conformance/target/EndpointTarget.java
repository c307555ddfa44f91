package io.mpqc.conformance.target;

/** A target driven at endpoint level: sessions fed frames, observed through what they send. */
public interface EndpointTarget {
    Session open(SessionSpec spec) throws TargetException;
}
