package io.mpqc.conformance.shim;

import io.mpqc.conformance.report.Json;
import io.mpqc.conformance.target.TargetException;
import io.mpqc.conformance.target.UnsupportedByTargetException;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Request and reply over a {@link ShimChannel}: numbers each request, waits a bounded time for the reply
 * with the same number, and turns every way a shim can misbehave (silence, death, garbage, an answer to
 * another request, an over-long line) into a {@link TargetException} with a diagnosis. After such a
 * failure the client is broken and the target starts a new one. Requests are serialised.
 */
final class ShimClient implements AutoCloseable {
    private final ShimChannel channel;
    private final Duration timeout;
    private long nextId = 1;
    private volatile String broken;

    ShimClient(ShimChannel channel, Duration timeout) {
        this.channel = channel;
        this.timeout = timeout;
    }

    boolean isBroken() {
        return broken != null;
    }

    /** Sends {@code op} with {@code fields} and returns the reply's "ok" object. */
    @SuppressWarnings("unchecked")
    synchronized Map<String, Object> request(String op, Map<String, Object> fields) throws TargetException {
        if (broken != null) {
            throw new TargetException("the shim is unusable after an earlier failure: " + broken);
        }
        long id = nextId++;
        Map<String, Object> msg = new LinkedHashMap<>();
        msg.put("id", id);
        msg.put("op", op);
        msg.putAll(fields);
        String expected = "a reply to request " + id + " ('" + op + "')";
        try {
            channel.send(Json.write(msg));
        } catch (IOException e) {
            throw fail("cannot write to the shim (" + e.getMessage() + ")", expected);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        Object got;
        try {
            got = channel.reader.poll(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw fail("interrupted while waiting (the case timed out)", expected);
        }
        if (got == null) {
            throw fail("no answer within " + timeout.toMillis() + " ms", expected);
        }
        if (got == LineReader.Marker.END) {
            throw fail("the shim closed its output", expected);
        }
        if (got == LineReader.Marker.TOO_LONG) {
            throw fail("the shim wrote a line longer than " + ShimProtocol.MAX_LINE + " bytes", expected);
        }
        String line = (String) got;
        Map<String, Object> reply;
        try {
            reply = JsonParser.parseObject(line);
        } catch (JsonException e) {
            throw fail("the shim wrote garbage: '" + ShimProtocol.abbreviate(line) + "' (" + e.getMessage() + ")",
                    expected);
        }
        if (!Long.valueOf(id).equals(reply.get("id"))) {
            throw fail("the shim answered request " + reply.get("id") + ": '" + ShimProtocol.abbreviate(line) + "'",
                    expected);
        }
        if (reply.get("unsupported") instanceof String why) {
            throw new UnsupportedByTargetException("the shim does not support '" + op + "': " + why);
        }
        if (reply.get("error") instanceof String err) {
            throw new TargetException("the shim failed '" + op + "': " + err);
        }
        if (reply.get("ok") instanceof Map<?, ?> ok) {
            return (Map<String, Object>) ok;
        }
        throw fail("the reply has neither ok, error nor unsupported: '" + ShimProtocol.abbreviate(line) + "'",
                expected);
    }

    private TargetException fail(String what, String expected) {
        broken = what;
        return new TargetException(what + "; expected " + expected + "; " + channel.diagnosis());
    }

    /** Ends the channel: politely (bye) when the shim is healthy, at once when it already failed. */
    @Override
    public void close() {
        channel.close(broken == null);
    }
}
