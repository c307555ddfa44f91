package io.mpqc.conformance.cases;

import java.util.List;

/** The case groups shipped with mpqc, one per specification section. */
final class BuiltInGroups {
    private BuiltInGroups() {
    }

    static List<CaseGroup> all() {
        return List.of(
                new C2_1_TransportParameters(),
                new S4_PacketTypesAndNegotiation(),
                new S4_3_PathStatus());
    }
}
