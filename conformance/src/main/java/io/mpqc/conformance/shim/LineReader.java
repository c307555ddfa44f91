package io.mpqc.conformance.shim;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads lines from a peer on its own thread into a small queue. Memory stays bounded whatever the peer
 * writes: a line longer than {@link ShimProtocol#MAX_LINE} is reported as such (its bytes are skipped, not
 * kept), and a peer that writes faster than the suite reads simply blocks on its pipe.
 */
final class LineReader implements Runnable {
    /** What the reader found besides lines. */
    enum Marker {
        END,
        TOO_LONG
    }

    private final InputStream in;
    private final BlockingQueue<Object> lines = new ArrayBlockingQueue<>(8);
    private final Thread thread;
    private volatile IOException failure;

    LineReader(InputStream in, String threadName) {
        this.in = in;
        this.thread = new Thread(this, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Stops reading: the thread ends even when it is blocked handing over a line nobody will take (a shim
     * that floods its output), and the lines it holds are dropped.
     */
    void close() {
        thread.interrupt();
        lines.clear();
    }

    @Override
    public void run() {
        byte[] buf = new byte[8192];
        java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
        boolean skipping = false;
        try {
            int n;
            while ((n = in.read(buf)) > 0) {
                for (int i = 0; i < n; i++) {
                    byte b = buf[i];
                    if (b == '\n') {
                        put(skipping ? Marker.TOO_LONG : line.toString(StandardCharsets.UTF_8));
                        line.reset();
                        skipping = false;
                    } else if (!skipping) {
                        line.write(b);
                        if (line.size() > ShimProtocol.MAX_LINE) {
                            skipping = true;
                            line.reset();
                        }
                    }
                }
            }
        } catch (IOException e) {
            failure = e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        try {
            put(Marker.END);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void put(Object o) throws InterruptedException {
        lines.put(o);
    }

    /** The next line, a {@link Marker}, or null on timeout. */
    Object poll(long millis) throws InterruptedException {
        Object o = lines.poll(millis, TimeUnit.MILLISECONDS);
        if (o == Marker.END) {
            lines.offer(Marker.END); // stays at the end for later readers
        }
        return o;
    }

    IOException failure() {
        return failure;
    }
}
