#!/usr/bin/env python3
"""A multipath QUIC shim for mpqc, in Python 3 with the standard library only.

It speaks the shim protocol v1 (docs/shim-protocol.md): one JSON object per line on stdin, one reply per
line on stdout. It is a second, independent implementation of the protocol (nothing here comes from
mpqc's Java code) and shows how small a shim can be:

  * codec level, draft-21: its own varint, frame parser and canonical encoder for the 10 multipath frames
    and the RFC 9000 frames;
  * endpoint level: only the PATH_STATUS_AVAILABLE / PATH_STATUS_BACKUP sequence number rules
    (draft-21 section 3.3), with the "introspection" feature so that mpqc can read the status it holds;
  * everything else answers {"id": N, "unsupported": "..."}, which mpqc reports as UNSUPPORTED.

Run it under mpqc:  ./mpqc run --target "shim:python3 examples/python-shim/shim.py"
"""
import itertools
import json
import sys

VERSION = 1
FRAME_ENCODING_ERROR = 0x07
PROTOCOL_VIOLATION = 0x0A
VARINT_MAX = (1 << 62) - 1

# Frame types. Multipath frames: draft-ietf-quic-multipath-21 section 4.
PADDING, PING, ACK, ACK_ECN, CRYPTO, NEW_TOKEN = 0x00, 0x01, 0x02, 0x03, 0x06, 0x07
PATH_STATUS_BACKUP, PATH_STATUS_AVAILABLE = 0x3E76, 0x3E77

# How each frame is laid out after its type, one letter per field:
#   v varint   n stream count (varint <= 2^60)   b length-prefixed bytes   B the same, not empty
#   d crypto data (length-prefixed, offset + length <= 2^62-1)   8 eight bytes
#   a ACK ranges (range count, first range, gap/length pairs)   c connection ID (seq, retire prior to,
#   length, ID, 16-byte reset token)
# PADDING and STREAM (0x08..0x0f) have their own code below.
LAYOUTS = {
    0x01: ("PING", ""),
    0x02: ("ACK", "vva"),
    0x03: ("ACK_ECN", "vvavvv"),
    0x04: ("RESET_STREAM", "vvv"),
    0x05: ("STOP_SENDING", "vv"),
    0x06: ("CRYPTO", "vd"),
    0x07: ("NEW_TOKEN", "B"),
    0x10: ("MAX_DATA", "v"),
    0x11: ("MAX_STREAM_DATA", "vv"),
    0x12: ("MAX_STREAMS_BIDI", "n"),
    0x13: ("MAX_STREAMS_UNI", "n"),
    0x14: ("DATA_BLOCKED", "v"),
    0x15: ("STREAM_DATA_BLOCKED", "vv"),
    0x16: ("STREAMS_BLOCKED_BIDI", "n"),
    0x17: ("STREAMS_BLOCKED_UNI", "n"),
    0x18: ("NEW_CONNECTION_ID", "c"),
    0x19: ("RETIRE_CONNECTION_ID", "v"),
    0x1A: ("PATH_CHALLENGE", "8"),
    0x1B: ("PATH_RESPONSE", "8"),
    0x1C: ("CONNECTION_CLOSE", "vvb"),
    0x1D: ("CONNECTION_CLOSE_APP", "vb"),
    0x1E: ("HANDSHAKE_DONE", ""),
    0x3E: ("PATH_ACK", "vvva"),
    0x3F: ("PATH_ACK_ECN", "vvvavvv"),
    0x3E75: ("PATH_ABANDON", "vv"),
    PATH_STATUS_BACKUP: ("PATH_STATUS_BACKUP", "vv"),
    PATH_STATUS_AVAILABLE: ("PATH_STATUS_AVAILABLE", "vv"),
    0x3E78: ("PATH_NEW_CONNECTION_ID", "vc"),
    0x3E79: ("PATH_RETIRE_CONNECTION_ID", "vv"),
    0x3E7A: ("MAX_PATH_ID", "v"),
    0x3E7B: ("PATHS_BLOCKED", "v"),
    0x3E7C: ("PATH_CIDS_BLOCKED", "vv"),
}


class Unsupported(Exception):
    """Answered as {"unsupported": why}: this shim does not implement what was asked."""


class DecodeError(Exception):
    """A payload the codec rejects: the transport error to close with and the byte offset."""

    def __init__(self, code, offset, message):
        super().__init__(message)
        self.code, self.offset = code, offset


# ---- varints (RFC 9000 section 16) ----

def varint_length(value):
    return 1 if value <= 63 else 2 if value <= 16383 else 4 if value <= 1073741823 else 8


def encode_varint(value):
    length = varint_length(value)
    prefix = {1: 0, 2: 1, 4: 2, 8: 3}[length] << (8 * length - 2)
    return (value | prefix).to_bytes(length, "big")


class Reader:
    def __init__(self, data):
        self.data, self.pos = data, 0

    def left(self):
        return len(self.data) - self.pos

    def fail(self, at, message):
        raise DecodeError(FRAME_ENCODING_ERROR, at, message)

    def varint(self, field):
        if self.left() == 0:
            self.fail(self.pos, field + " truncated")
        length = 1 << (self.data[self.pos] >> 6)
        if self.left() < length:
            self.fail(self.pos, field + " truncated")
        value = int.from_bytes(self.data[self.pos:self.pos + length], "big") & ((1 << (8 * length - 2)) - 1)
        self.pos += length
        return value

    def take(self, n, field):
        if self.left() < n:
            self.fail(self.pos, field + " truncated")
        chunk = self.data[self.pos:self.pos + n]
        self.pos += n
        return chunk

    def prefixed(self, field):
        at = self.pos
        n = self.varint(field + " Length")
        if n > self.left():
            self.fail(at, "%s Length %d exceeds the %d bytes left" % (field, n, self.left()))
        return self.take(n, field)


# ---- frames: decoded as (type, [field values]), re-encoded in canonical form ----

def decode_frame(r):
    start = r.pos
    ftype = r.varint("frame type")
    if ftype not in LAYOUTS and not (0x08 <= ftype <= 0x0F) and ftype != PADDING:
        raise DecodeError(FRAME_ENCODING_ERROR, start, "unknown frame type 0x%x" % ftype)
    if r.pos - start != varint_length(ftype):
        raise DecodeError(PROTOCOL_VIOLATION, start, "frame type 0x%x not in its shortest encoding" % ftype)
    if ftype == PADDING:  # a run of zero bytes is one PADDING frame
        n = 1
        while r.left() and r.data[r.pos] == 0:
            r.pos += 1
            n += 1
        return ftype, [n]
    if 0x08 <= ftype <= 0x0F:
        return ftype, decode_stream(ftype, r)
    values = []
    for kind in LAYOUTS[ftype][1]:
        at = r.pos
        if kind in "vn":
            values.append(r.varint("field"))
            if kind == "n" and values[-1] > 1 << 60:
                r.fail(at, "stream count above 2^60")
        elif kind in "bBd":
            data = r.prefixed("data")
            if kind == "B" and not data:
                r.fail(at, "empty token")
            if kind == "d" and values[-1] + len(data) > VARINT_MAX:
                r.fail(r.pos, "data would end beyond 2^62-1")
            values.append(data)
        elif kind == "8":
            values.append(r.take(8, "data"))
        elif kind == "a":
            values.append(decode_ack_ranges(r, largest=values[-2]))
        elif kind == "c":
            values.append(decode_connection_id(r))
    return ftype, values


def decode_ack_ranges(r, largest):
    count_at = r.pos
    count = r.varint("ACK Range Count")
    first_at = r.pos
    first = r.varint("First ACK Range")
    if first > largest:
        r.fail(first_at, "First ACK Range exceeds Largest Acknowledged")
    if count > r.left() // 2:  # each range takes at least two bytes
        r.fail(count_at, "ACK Range Count exceeds the bytes left")
    smallest, ranges = largest - first, []
    for _ in range(count):
        at = r.pos
        gap, length = r.varint("Gap"), r.varint("ACK Range Length")
        smallest = smallest - gap - 2 - length
        if smallest < 0:
            r.fail(at, "ACK range reaches below packet number 0")
        ranges.append((gap, length))
    return first, ranges


def decode_connection_id(r):
    seq = r.varint("Sequence Number")
    rpt_at = r.pos
    rpt = r.varint("Retire Prior To")
    if rpt > seq:
        r.fail(rpt_at, "Retire Prior To exceeds Sequence Number")
    length_at = r.pos
    length = r.take(1, "Length")[0]
    if not 1 <= length <= 20:
        r.fail(length_at, "connection ID Length %d not in 1..20" % length)
    if r.left() < length + 16:
        r.fail(r.pos, "Connection ID and Stateless Reset Token truncated")
    return seq, rpt, r.take(length, "Connection ID"), r.take(16, "Stateless Reset Token")


def decode_stream(ftype, r):
    stream_id = r.varint("Stream ID")
    offset = r.varint("Offset") if ftype & 0x04 else 0
    explicit = bool(ftype & 0x02)
    data = r.prefixed("Stream Data") if explicit else r.take(r.left(), "Stream Data")
    if offset + len(data) > VARINT_MAX:
        r.fail(r.pos, "data would end beyond 2^62-1")
    return [stream_id, offset, data, bool(ftype & 0x01), explicit]


def encode_frame(ftype, values):
    if ftype == PADDING:
        return bytes(values[0])
    if 0x08 <= ftype <= 0x0F:
        stream_id, offset, data, fin, explicit = values
        out = encode_varint(0x08 | (0x04 if offset else 0) | (0x02 if explicit else 0) | (0x01 if fin else 0))
        out += encode_varint(stream_id) + (encode_varint(offset) if offset else b"")
        return out + (encode_varint(len(data)) if explicit else b"") + data
    out = encode_varint(ftype)
    for kind, value in zip(LAYOUTS[ftype][1], values):
        if kind in "vn":
            out += encode_varint(value)
        elif kind in "bBd":
            out += encode_varint(len(value)) + value
        elif kind == "8":
            out += value
        elif kind == "a":
            first, ranges = value
            out += encode_varint(len(ranges)) + encode_varint(first)
            for gap, length in ranges:
                out += encode_varint(gap) + encode_varint(length)
        elif kind == "c":
            seq, rpt, cid, token = value
            out += encode_varint(seq) + encode_varint(rpt) + bytes([len(cid)]) + cid + token
    return out


def frame_name(ftype):
    return "PADDING" if ftype == PADDING else "STREAM" if 0x08 <= ftype <= 0x0F else LAYOUTS[ftype][0]


def decode_all(payload):
    r, frames = Reader(payload), []
    while r.left():
        frames.append(decode_frame(r))
    return frames


# ---- the endpoint: one session per "open", path status rules only ----

class Session:
    def __init__(self, max_path_id):
        self.max_path_id = max_path_id  # the target's own limit, which the peer must respect
        self.status = {}  # path ID -> (status name, sequence number)
        self.closed = False


sessions = {}
session_ids = itertools.count(1)


def reaction(close_code=None, reason=""):
    close = None if close_code is None else {"code": close_code, "reason": reason}
    return {"sent": [], "close": close, "refused": None}


def receive(session, packet_type, path_id, frames_hex):
    if session.closed:
        return reaction()  # a closed connection ignores what still arrives
    if path_id != 0:
        raise Unsupported("this shim has only path 0")
    try:
        frames = [f for h in frames_hex for f in decode_all(bytes.fromhex(h))]
    except DecodeError as e:  # like any stack: a frame it cannot parse closes the connection
        session.closed = True
        return reaction(e.code, str(e))
    if not frames:  # RFC 9000 section 12.4
        session.closed = True
        return reaction(PROTOCOL_VIOLATION, "packet without frames")
    for ftype, _ in frames:
        if ftype not in (PATH_STATUS_BACKUP, PATH_STATUS_AVAILABLE):
            raise Unsupported("%s frames are not implemented" % frame_name(ftype))
    for ftype, (path, sequence) in frames:
        if packet_type != "1rtt":
            session.closed = True
            return reaction(PROTOCOL_VIOLATION, "multipath frame outside a 1-RTT packet")
        if path > session.max_path_id:
            session.closed = True
            return reaction(PROTOCOL_VIOLATION, "path ID %d above the maximum %d" % (path, session.max_path_id))
        held = session.status.get(path)
        if held is None or sequence > held[1]:  # equal or lower: stale or replayed, ignored
            session.status[path] = ("backup" if ftype == PATH_STATUS_BACKUP else "available", sequence)
    return reaction()


# ---- the protocol ----

def handle(msg):
    op = msg["op"]
    if op == "hello":
        return {"version": VERSION, "name": "python-shim", "dialects": ["draft-21"], "codec": True,
                "endpoint": True, "features": ["introspection"]}
    if op in ("decode", "open") and msg.get("dialect") != "draft-21":
        raise Unsupported("only draft-21")
    if op == "decode":
        try:
            frames = decode_all(bytes.fromhex(msg["payload"]))
            return {"decoded": [encode_frame(t, v).hex() for t, v in frames]}
        except DecodeError as e:
            return {"rejected": {"code": e.code, "offset": e.offset, "message": str(e)}}
    if op == "open":
        if msg["target_max_path_id"] < 0 or msg["tester_max_path_id"] < 0:
            raise Unsupported("sessions without multipath")
        sid = "py%d" % next(session_ids)
        sessions[sid] = Session(msg["target_max_path_id"])
        return {"session": sid, "initial": reaction()}
    if op in ("receive", "peer_status", "close_session") and msg["session"] not in sessions:
        raise LookupError("no session '%s'" % msg["session"])
    if op == "receive":
        return receive(sessions[msg["session"]], msg["packet_type"], msg["path_id"], msg["frames"])
    if op == "peer_status":
        status, sequence = sessions[msg["session"]].status.get(msg["path_id"], (None, -1))
        return {"status": status, "sequence": sequence}
    if op == "close_session":
        del sessions[msg["session"]]
        return {}
    raise Unsupported("operation '%s' is not implemented" % op)  # decode_tp, nonce, advance, command, pto


def main():
    for raw in sys.stdin.buffer:
        line = raw.decode("utf-8", "replace").strip()
        if not line:
            continue
        msg_id = None
        try:
            msg = json.loads(line)
            msg_id = msg.get("id")
            if msg.get("op") == "bye":
                return
            reply = {"id": msg_id, "ok": handle(msg)}
        except Unsupported as e:
            reply = {"id": msg_id, "unsupported": str(e)}
        except Exception as e:  # never crash: a bad request gets an error reply and the shim goes on
            reply = {"id": msg_id, "error": "%s: %s" % (type(e).__name__, e)}
        sys.stdout.write(json.dumps(reply, separators=(",", ":")) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
