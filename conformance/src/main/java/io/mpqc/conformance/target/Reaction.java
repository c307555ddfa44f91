package io.mpqc.conformance.target;

import java.util.List;

/**
 * What the target did in answer to one stimulus: frames it sent, whether it closed (null if not), and for
 * a command, why it refused it (null if accepted).
 */
public record Reaction(List<SentFrame> sent, CloseInfo close, String refused) {
    public static final Reaction NOTHING = new Reaction(List.of(), null, null);

    public Reaction {
        sent = List.copyOf(sent);
    }
}
