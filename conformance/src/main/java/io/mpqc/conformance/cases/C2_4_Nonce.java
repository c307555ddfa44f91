package io.mpqc.conformance.cases;

import io.mpqc.conformance.catalog.Level;
import io.mpqc.conformance.target.TargetException;
import java.util.HexFormat;

/** draft-21 §2.4: the AEAD nonce built from the path ID and the packet number. */
final class C2_4_Nonce implements CaseGroup {
    private static final HexFormat HEX = HexFormat.of();

    @Override
    public String section() {
        return "draft-21 §2.4";
    }

    @Override
    public String title() {
        return "Nonce calculation";
    }

    @Case(requirements = "MP-2.4-1", level = Level.CODEC, tags = "crypto",
            text = "IV 6b26114b9cba2b63a9e8dd4f, path 3, packet 54321 gives the nonce 6b2611489cba2b63a9e8097e")
    Outcome draftVector(CaseContext ctx) throws TargetException {
        byte[] n = ctx.codec().nonce(HEX.parseHex("6b26114b9cba2b63a9e8dd4f"), 3, 54321);
        String want = "6b2611489cba2b63a9e8097e";
        String got = HEX.formatHex(n);
        return want.equals(got) ? Outcome.met("nonce " + want, "nonce " + got) : Outcome.notMet("nonce " + want,
                "nonce " + got);
    }

    @Case(requirements = {"MP-2.4-2", "Q-9001-5.3"}, level = Level.CODEC, tags = "crypto",
            text = "on path 0 the nonce is the RFC 9001 one: the IV XOR the left-padded packet number")
    Outcome pathZeroIsRfc9001(CaseContext ctx) throws TargetException {
        byte[] iv = HEX.parseHex("fa044b2f42a3fd3b46fb255c");
        long pn = 0x0102030405L;
        byte[] want = iv.clone();
        for (int i = 0; i < 8; i++) {
            want[11 - i] ^= (byte) (pn >>> (8 * i));
        }
        String got = HEX.formatHex(ctx.codec().nonce(iv, 0, pn));
        return HEX.formatHex(want).equals(got) ? Outcome.met("nonce " + HEX.formatHex(want), "nonce " + got)
                : Outcome.notMet("nonce " + HEX.formatHex(want), "nonce " + got);
    }
}
