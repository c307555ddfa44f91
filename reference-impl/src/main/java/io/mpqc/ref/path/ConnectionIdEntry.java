package io.mpqc.ref.path;

import io.mpqc.ref.frame.Bytes;

/** One connection ID of a path: its sequence number in the path's space, value and reset token. */
public record ConnectionIdEntry(long pathId, long sequence, Bytes connectionId, Bytes resetToken) {
    public ConnectionIdEntry {
        // Decoded frames view the packet buffer (see Bytes); a stored ID must not pin or share it.
        connectionId = connectionId.compact();
        resetToken = resetToken.compact();
    }
}
