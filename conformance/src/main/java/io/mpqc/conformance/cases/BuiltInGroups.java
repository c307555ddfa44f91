package io.mpqc.conformance.cases;

import java.util.List;

/** The case groups shipped with mpqc, one per specification section. */
final class BuiltInGroups {
    private BuiltInGroups() {
    }

    static List<CaseGroup> all() {
        return List.of(
                new C2_1_TransportParameters(),
                new C2_4_Nonce(),
                new Q_Rfc9000FrameRules(),
                new S_SenderRules(),
                new S4_PacketTypesAndNegotiation(),
                new S3_1_PathInitiation(),
                new S3_4_PathAbandon(),
                new S4_1_PathAck(),
                new S4_PathIdLimits(),
                new S4_3_PathStatus(),
                new S3_2_ConnectionIds(),
                new S4_4_PathNewConnectionId(),
                new S4_5_PathRetireConnectionId(),
                new C4_FrameLayouts(),
                new C_Malformed(),
                new C16_Varints(),
                new S3_1_PathValidation(),
                new S3_1_OpeningPaths(),
                new S3_4_AbandonedPathSilence(),
                new S4_1_AckEffects(),
                new S4_3_StatusSending(),
                new S4_4_IssuingConnectionIds(),
                new S10_2_ClosingState(),
                new S3_4_AbandonCarriers(),
                new S3_4_3_FreedPathFrames(),
                new S2_3_AckRttSamples(),
                new S3_1_PathIdLimitUse(),
                new D06_DcidSequenceNames(),
                new S4_OnePastTheEdge(),
                new S2_6_ConnectionClose());
    }
}
