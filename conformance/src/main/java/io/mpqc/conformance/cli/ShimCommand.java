package io.mpqc.conformance.cli;

import io.mpqc.conformance.shim.ShimServer;
import io.mpqc.conformance.target.Target;
import io.mpqc.conformance.target.TargetException;
import io.mpqc.conformance.target.Targets;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mpqc shim}: serves the reference (or a mutant) over the shim protocol, on stdin/stdout or on a TCP
 * port, so that a run through the shim can be compared with the in-process target, and so that shim
 * authors have a peer to compare their messages with.
 */
@Command(name = "shim", mixinStandardHelpOptions = true,
        description = {"Serve a target over the shim protocol (docs/shim-protocol.md): JSON lines on stdin/stdout,",
            "or on a TCP port with --listen (one connection at a time, on the loopback address unless --bind)."})
final class ShimCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--target", paramLabel = "URI", defaultValue = "reference",
            description = "What to serve: reference, reference:DIALECT or mutant:NAME (default: ${DEFAULT-VALUE}).")
    String target;

    @Option(names = "--listen", paramLabel = "PORT", description = "Serve on this TCP port instead of stdin/stdout.")
    Integer port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on with --listen (default: ${DEFAULT-VALUE}).")
    String bind;

    @Override
    public Integer call() {
        if (target.startsWith("shim:") || target.startsWith("tcp:")) {
            throw CliException.usage("mpqc shim serves the reference or a mutant, not " + target);
        }
        try (Target t = open()) {
            if (port == null) {
                new ShimServer(t).serve(System.in, System.out);
                return ExitCodes.OK;
            }
            if (port < 0 || port > 65535) {
                throw CliException.usage("--listen needs a port in 0..65535");
            }
            try (ServerSocket server = new ServerSocket(port, 8, InetAddress.getByName(bind))) {
                spec.commandLine().getErr().println("mpqc shim: serving " + t.name() + " on " + bind + ":"
                        + server.getLocalPort());
                spec.commandLine().getErr().flush();
                while (!Thread.currentThread().isInterrupted()) {
                    try (Socket s = server.accept()) {
                        new ShimServer(t).serve(s.getInputStream(), s.getOutputStream());
                    } catch (IOException e) {
                        spec.commandLine().getErr().println("mpqc shim: connection ended: " + e.getMessage());
                    }
                }
            }
            return ExitCodes.OK;
        } catch (IOException e) {
            throw CliException.io("shim: " + e.getMessage(), e);
        }
    }

    private Target open() {
        try {
            return Targets.open(target);
        } catch (IllegalArgumentException e) {
            throw CliException.usage(e.getMessage());
        } catch (TargetException e) {
            throw CliException.io("cannot start target " + target + ": " + e.getMessage(), e);
        }
    }
}
