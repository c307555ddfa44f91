package io.mpqc.conformance.shim.misbehaving;

import io.mpqc.conformance.shim.JsonParser;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/**
 * A shim that answers from a script, for the tests of odd but well-formed replies: the first argument is a
 * file to which each start appends a line; the others are the replies to the 1st, 2nd ... request, with
 * {@code $ID} replaced by the request's id (the last one answers every later request). No reply to "bye".
 */
public final class Scripted {
    private Scripted() {
    }

    public static void main(String[] args) throws Exception {
        Files.writeString(Path.of(args[0]), ProcessHandle.current().pid() + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        int n = 0;
        String line;
        while ((line = in.readLine()) != null) {
            Map<String, Object> msg = JsonParser.parseObject(line);
            if ("bye".equals(msg.get("op"))) {
                break;
            }
            String reply = args[Math.min(1 + n++, args.length - 1)].replace("$ID", String.valueOf(msg.get("id")));
            System.out.println(reply);
            System.out.flush();
        }
    }
}
