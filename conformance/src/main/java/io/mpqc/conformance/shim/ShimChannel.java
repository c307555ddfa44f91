package io.mpqc.conformance.shim;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * A line-oriented connection to a shim: the standard input and output of a child process (with the tail
 * of its standard error kept for diagnoses), or a TCP socket. Knows how to say what went wrong.
 */
abstract class ShimChannel implements AutoCloseable {
    final LineReader reader;
    private final OutputStream out;

    ShimChannel(InputStream in, OutputStream out, String name) {
        this.reader = new LineReader(in, "mpqc-shim-" + name);
        this.out = out;
    }

    void send(String line) throws IOException {
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Exit status, last lines of standard error, or whatever this kind of channel can tell. */
    abstract String diagnosis();

    /** Ends the connection; {@code polite} says bye first (not to a shim that already failed). */
    abstract void close(boolean polite);

    @Override
    public void close() {
        close(true);
    }

    /** A child process speaking the protocol on stdin/stdout. */
    static final class ProcessChannel extends ShimChannel {
        private static final int TAIL = 20;
        private final Process process;
        private final Deque<String> stderrTail = new ArrayDeque<>();
        private final Thread stderrDrainer;

        ProcessChannel(Process process) {
            super(process.getInputStream(), process.getOutputStream(), "pid" + process.pid());
            this.process = process;
            this.stderrDrainer = new Thread(this::drainStderr, "mpqc-shim-stderr-" + process.pid());
            stderrDrainer.setDaemon(true);
            stderrDrainer.start();
        }

        static ProcessChannel start(List<String> command) throws IOException {
            ProcessBuilder pb = new ProcessBuilder(command);
            return new ProcessChannel(pb.start());
        }

        private void drainStderr() {
            try (var r = new java.io.BufferedReader(new java.io.InputStreamReader(process.getErrorStream(),
                    StandardCharsets.UTF_8))) {
                // Reads in bounded chunks: a flood of stderr without newlines must not grow memory.
                char[] buf = new char[4096];
                StringBuilder line = new StringBuilder();
                int n;
                while ((n = r.read(buf)) > 0) {
                    for (int i = 0; i < n; i++) {
                        if (buf[i] == '\n') {
                            keep(line.toString());
                            line.setLength(0);
                        } else if (line.length() < 500) {
                            line.append(buf[i]);
                        }
                    }
                }
                if (line.length() > 0) {
                    keep(line.toString());
                }
            } catch (IOException e) {
                keep("(stderr unreadable: " + e.getMessage() + ")");
            }
        }

        private synchronized void keep(String line) {
            stderrTail.addLast(line);
            while (stderrTail.size() > TAIL) {
                stderrTail.removeFirst();
            }
        }

        @Override
        String diagnosis() {
            // A shim that closed its output is usually exiting: give it a moment, so that the diagnosis
            // has its exit status and its last words on stderr rather than "still running".
            try {
                if (process.waitFor(300, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    stderrDrainer.join(300);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            StringBuilder sb = new StringBuilder();
            if (process.isAlive()) {
                sb.append("process ").append(process.pid()).append(" still running");
            } else {
                sb.append("process exited with status ").append(process.exitValue());
            }
            synchronized (this) {
                if (!stderrTail.isEmpty()) {
                    sb.append("; last stderr lines: ").append(String.join(" | ", stderrTail));
                }
            }
            return sb.toString();
        }

        /**
         * Says bye and closes the shim's input, gives it a second to exit, then terminates it (and what it
         * started), forcibly after two more seconds. A broken shim is not asked: it is terminated at once.
         */
        @Override
        void close(boolean polite) {
            reader.close();
            try {
                if (polite) {
                    send("{\"id\":0,\"op\":\"bye\"}");
                    process.getOutputStream().close();
                    process.waitFor(1, java.util.concurrent.TimeUnit.SECONDS);
                }
            } catch (IOException e) {
                // Already gone: nothing to say goodbye to.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            try {
                if (!process.waitFor(2, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A shim server reached over TCP. */
    static final class SocketChannel extends ShimChannel {
        private final Socket socket;
        private final String where;

        private SocketChannel(Socket socket, String where) throws IOException {
            super(socket.getInputStream(), socket.getOutputStream(), "tcp-" + where);
            this.socket = socket;
            this.where = where;
        }

        static SocketChannel connect(String host, int port, int timeoutMillis) throws IOException {
            Socket s = new Socket();
            s.connect(new InetSocketAddress(host, port), timeoutMillis);
            s.setTcpNoDelay(true);
            return new SocketChannel(s, host + ":" + port);
        }

        @Override
        String diagnosis() {
            return "TCP peer " + where + (socket.isClosed() ? " (closed)" : "");
        }

        @Override
        void close(boolean polite) {
            reader.close();
            try {
                if (polite) {
                    send("{\"id\":0,\"op\":\"bye\"}");
                }
            } catch (IOException e) {
                // Already gone.
            }
            try {
                socket.close();
            } catch (IOException e) {
                // Closing a dead socket tells us nothing more.
            }
        }
    }
}
