package io.mpqc.ref.conn;

import io.mpqc.ref.frame.Bytes;
import io.mpqc.ref.frame.Dialect;
import io.mpqc.ref.frame.TransportError;
import io.mpqc.ref.tp.Role;

/**
 * What a connection core needs to know at start: its role and dialect, the negotiated transport
 * parameters of both sides that matter to path management, and the reference's own policy choices where
 * the draft leaves room. Build with {@link #builder(Role)}.
 *
 * @param localMaxPathId our initial_max_path_id, or -1 when we did not send it
 * @param peerMaxPathId the peer's initial_max_path_id, or -1 when it did not send it
 * @param localActiveCidLimit the active_connection_id_limit we sent: per path, the peer may give us this many
 * @param peerActiveCidLimit the peer's active_connection_id_limit: per path, we may issue this many
 * @param peerAckDelayExponent the peer's ack_delay_exponent, to decode ACK Delay
 * @param maxAckDelayMicros the peer's max_ack_delay, used in PTO
 * @param initialRttMicros the RTT assumed before the first sample (RFC 9002: 333 ms)
 * @param notNegotiatedError the close code for a multipath frame without negotiation (draft silent:
 *     FRAME_ENCODING_ERROR as for an unknown frame by default, PROTOCOL_VIOLATION as picoquic does)
 * @param lastPathGraceMicros how long to wait for a new path after the last open path was abandoned before
 *     closing; -1 means one PTO when the peer abandoned it, three when we did (the time its answer may take)
 * @param cidsPerPath how many connection IDs we keep issued per path ID (capped by peerActiveCidLimit)
 * @param provisionedPaths how many path IDs (from 0) we proactively issue connection IDs for
 * @param closeOnRetireOfCarryingCid whether retiring the packet's own DCID closes (RFC 9000 §19.16 MAY)
 * @param localInitialCid our handshake connection ID (path 0, sequence 0)
 * @param peerInitialCid the peer's handshake connection ID (path 0, sequence 0)
 * @param seed seeds the generator of our connection IDs, tokens and challenge data (determinism)
 */
public record ConnectionConfig(Role role, Dialect dialect, long localMaxPathId, long peerMaxPathId,
        int localActiveCidLimit, int peerActiveCidLimit, int peerAckDelayExponent, long maxAckDelayMicros,
        long initialRttMicros, long notNegotiatedError, long lastPathGraceMicros, int cidsPerPath,
        int provisionedPaths, boolean closeOnRetireOfCarryingCid, Bytes localInitialCid, Bytes peerInitialCid,
        long seed) {

    public ConnectionConfig {
        if (role == null || dialect == null) {
            throw new IllegalArgumentException("role and dialect are required");
        }
        if (localMaxPathId > 0xFFFF_FFFFL || peerMaxPathId > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("initial_max_path_id is at most 2^32-1");
        }
        if (localActiveCidLimit < 2 || peerActiveCidLimit < 2) {
            throw new IllegalArgumentException("active_connection_id_limit is at least 2");
        }
        if (cidsPerPath < 1 || provisionedPaths < 1) {
            throw new IllegalArgumentException("cidsPerPath and provisionedPaths must be positive");
        }
        if (localInitialCid.isEmpty() || peerInitialCid.isEmpty()) {
            throw new IllegalArgumentException("multipath needs non-zero-length connection IDs (draft-21 §2.1)");
        }
    }

    /** True when both sides sent the multipath transport parameter. */
    public boolean multipathNegotiated() {
        return localMaxPathId >= 0 && peerMaxPathId >= 0;
    }

    public static Builder builder(Role role) {
        return new Builder(role);
    }

    public Builder toBuilder() {
        Builder b = new Builder(role);
        b.dialect = dialect;
        b.localMaxPathId = localMaxPathId;
        b.peerMaxPathId = peerMaxPathId;
        b.localActiveCidLimit = localActiveCidLimit;
        b.peerActiveCidLimit = peerActiveCidLimit;
        b.peerAckDelayExponent = peerAckDelayExponent;
        b.maxAckDelayMicros = maxAckDelayMicros;
        b.initialRttMicros = initialRttMicros;
        b.notNegotiatedError = notNegotiatedError;
        b.lastPathGraceMicros = lastPathGraceMicros;
        b.cidsPerPath = cidsPerPath;
        b.provisionedPaths = provisionedPaths;
        b.closeOnRetireOfCarryingCid = closeOnRetireOfCarryingCid;
        b.localInitialCid = localInitialCid;
        b.peerInitialCid = peerInitialCid;
        b.seed = seed;
        return b;
    }

    /** Defaults: draft-21, both sides allow path IDs up to 4, limits of 4 CIDs per path, 333 ms initial RTT. */
    public static final class Builder {
        private final Role role;
        private Dialect dialect = Dialect.DEFAULT;
        private long localMaxPathId = 4;
        private long peerMaxPathId = 4;
        private int localActiveCidLimit = 4;
        private int peerActiveCidLimit = 4;
        private int peerAckDelayExponent = 3;
        private long maxAckDelayMicros = 25_000;
        private long initialRttMicros = 333_000;
        private long notNegotiatedError = TransportError.FRAME_ENCODING_ERROR.code();
        private long lastPathGraceMicros = -1;
        private int cidsPerPath = 2;
        private int provisionedPaths = 8;
        private boolean closeOnRetireOfCarryingCid;
        private Bytes localInitialCid;
        private Bytes peerInitialCid;
        private long seed = 1;

        private Builder(Role role) {
            this.role = role;
        }

        public Builder dialect(Dialect d) {
            this.dialect = d;
            return this;
        }

        public Builder localMaxPathId(long v) {
            this.localMaxPathId = v;
            return this;
        }

        public Builder peerMaxPathId(long v) {
            this.peerMaxPathId = v;
            return this;
        }

        /** Neither side sent the multipath transport parameter. */
        public Builder withoutMultipath() {
            this.localMaxPathId = -1;
            this.peerMaxPathId = -1;
            return this;
        }

        public Builder localActiveCidLimit(int v) {
            this.localActiveCidLimit = v;
            return this;
        }

        public Builder peerActiveCidLimit(int v) {
            this.peerActiveCidLimit = v;
            return this;
        }

        public Builder peerAckDelayExponent(int v) {
            this.peerAckDelayExponent = v;
            return this;
        }

        public Builder maxAckDelayMicros(long v) {
            this.maxAckDelayMicros = v;
            return this;
        }

        public Builder initialRttMicros(long v) {
            this.initialRttMicros = v;
            return this;
        }

        public Builder notNegotiatedError(long v) {
            this.notNegotiatedError = v;
            return this;
        }

        public Builder lastPathGraceMicros(long v) {
            this.lastPathGraceMicros = v;
            return this;
        }

        public Builder cidsPerPath(int v) {
            this.cidsPerPath = v;
            return this;
        }

        public Builder provisionedPaths(int v) {
            this.provisionedPaths = v;
            return this;
        }

        public Builder closeOnRetireOfCarryingCid(boolean v) {
            this.closeOnRetireOfCarryingCid = v;
            return this;
        }

        public Builder localInitialCid(Bytes v) {
            this.localInitialCid = v;
            return this;
        }

        public Builder peerInitialCid(Bytes v) {
            this.peerInitialCid = v;
            return this;
        }

        public Builder seed(long v) {
            this.seed = v;
            return this;
        }

        public ConnectionConfig build() {
            // Distinct defaults per role so that two endpoints built with defaults never share a CID value.
            Bytes local = localInitialCid != null ? localInitialCid
                    : Bytes.ofHex(role == Role.CLIENT ? "c1c1c1c1c1c1c1c1" : "5e5e5e5e5e5e5e5e");
            Bytes peer = peerInitialCid != null ? peerInitialCid
                    : Bytes.ofHex(role == Role.CLIENT ? "5e5e5e5e5e5e5e5e" : "c1c1c1c1c1c1c1c1");
            return new ConnectionConfig(role, dialect, localMaxPathId, peerMaxPathId, localActiveCidLimit,
                    peerActiveCidLimit, peerAckDelayExponent, maxAckDelayMicros, initialRttMicros,
                    notNegotiatedError, lastPathGraceMicros, cidsPerPath, provisionedPaths,
                    closeOnRetireOfCarryingCid, local, peer, seed);
        }
    }
}
