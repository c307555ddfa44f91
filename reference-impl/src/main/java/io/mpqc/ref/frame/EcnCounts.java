package io.mpqc.ref.frame;

/** The ECN counts that ACK_ECN and PATH_ACK_ECN append (RFC 9000 §19.3.2). */
public record EcnCounts(long ect0, long ect1, long ce) {
    public EcnCounts {
        Checks.varints(ect0, ect1, ce);
    }
}
