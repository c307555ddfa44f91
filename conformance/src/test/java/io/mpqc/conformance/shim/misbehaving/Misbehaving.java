package io.mpqc.conformance.shim.misbehaving;

import io.mpqc.conformance.shim.JsonParser;
import io.mpqc.conformance.shim.ShimServer;
import io.mpqc.conformance.target.ReferenceTarget;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Map;

/**
 * A shim that misbehaves on purpose, for ShimRobustnessTest: it serves the reference over the shim
 * protocol like {@code mpqc shim}, except that every "open" request (so every endpoint session, while codec
 * requests keep working) meets the misbehaviour named by the first argument:
 *
 * <ul>
 *   <li>{@code crash}: prints a line to stderr and exits with status 3;
 *   <li>{@code hang}: never answers (and stops reading);
 *   <li>{@code garbage}: answers a line that is not JSON;
 *   <li>{@code wrong-id}: answers with the id of another request;
 *   <li>{@code slow:MILLIS}: answers correctly after MILLIS;
 *   <li>{@code giant-line}: writes one 3 MiB line, then goes on serving;
 *   <li>{@code endless}: writes bytes without a newline, forever;
 *   <li>{@code endless-lines}: writes 256 KiB lines that are not JSON, forever.
 * </ul>
 *
 * <p>Like a strict implementation, it answers any request before "hello" with an error, so a suite that
 * forgets to greet a restarted shim sees ERRORs where codec cases should PASS.
 *
 * <p>The second argument, if any, is a file to which each start appends a line, so a test can count
 * restarts.
 */
public final class Misbehaving {
    private Misbehaving() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        if (args.length > 1) {
            Files.writeString(Path.of(args[1]), ProcessHandle.current().pid() + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        // The honest part: a ShimServer fed through a pipe with the lines that are not diverted.
        PipedOutputStream toServer = new PipedOutputStream();
        PipedInputStream serverIn = new PipedInputStream(toServer, 1 << 16);
        Thread server = new Thread(() -> {
            try {
                new ShimServer(ReferenceTarget.all()).serve(serverIn, out);
            } catch (IOException e) {
                System.err.println("misbehaving: server failed: " + e);
            }
        });
        server.start();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        boolean greeted = false;
        while ((line = in.readLine()) != null) {
            Map<String, Object> msg;
            try {
                msg = JsonParser.parseObject(line);
            } catch (Exception e) {
                msg = Map.of();
            }
            greeted |= "hello".equals(msg.get("op"));
            if (!greeted) {
                out.println("{\"id\":" + msg.get("id") + ",\"error\":\"hello must come first\"}");
                continue;
            }
            if ("open".equals(msg.get("op"))) {
                line = misbehave(mode, msg, line, out);
                if (line == null) {
                    continue;
                }
            }
            toServer.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            toServer.flush();
        }
        toServer.close();
        server.join();
        System.exit(0);
    }

    /** Misbehaves for one "open"; returns the line to pass on to the honest server, or null. */
    private static String misbehave(String mode, Map<String, Object> msg, String line, PrintStream out)
            throws Exception {
        Object id = msg.get("id");
        switch (mode.replaceAll(":.*", "")) {
            case "crash" -> {
                System.err.println("misbehaving: segmentation fault (core dumped) while opening a session");
                System.err.flush();
                System.exit(3);
            }
            case "hang" -> {
                Thread.sleep(Long.MAX_VALUE);
            }
            case "garbage" -> {
                out.println("Traceback (most recent call last): not JSON at all");
                return null;
            }
            case "wrong-id" -> {
                out.println("{\"id\":" + ((Long) id + 1000) + ",\"ok\":{\"session\":\"s1\"}}");
                return null;
            }
            case "slow" -> {
                Thread.sleep(Long.parseLong(mode.substring(mode.indexOf(':') + 1)));
                return line;
            }
            case "giant-line" -> {
                byte[] chunk = new byte[1 << 16];
                Arrays.fill(chunk, (byte) 'x');
                OutputStream raw = System.out;
                for (int i = 0; i < 48; i++) { // 3 MiB
                    raw.write(chunk);
                }
                raw.write('\n');
                raw.flush();
                return null;
            }
            case "endless" -> {
                byte[] chunk = new byte[1 << 16];
                Arrays.fill(chunk, (byte) '{');
                OutputStream raw = System.out;
                while (true) {
                    raw.write(chunk);
                }
            }
            case "endless-lines" -> {
                byte[] chunk = new byte[1 << 18];
                Arrays.fill(chunk, (byte) '[');
                chunk[chunk.length - 1] = '\n';
                OutputStream raw = System.out;
                while (true) {
                    raw.write(chunk);
                }
            }
            default -> throw new IllegalArgumentException("unknown mode " + mode);
        }
        return null;
    }
}
