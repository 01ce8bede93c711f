package org.mdlm.cli.run;

import java.util.Optional;
import org.mdlm.api.domain.Domain;

/**
 * How reports name a domain's losses: nats per {@code unit} (the domain's
 * {@link Domain#tokenUnit()}), and bits per character for a character-level domain or bits per
 * unit for a domain with a unit of its own (DNA: per base); plain tokens get no bits figure.
 *
 * @param unit what one token is, e.g. {@code token} or {@code base}
 * @param characterLevel whether one token is one character
 */
public record ReportUnit(String unit, boolean characterLevel) {

    /** Plain tokens: nats per token, no bits. */
    public static final ReportUnit TOKEN = new ReportUnit("token", false);

    /** The units of {@code domain}. */
    public static ReportUnit of(Domain domain) {
        return new ReportUnit(domain.tokenUnit(), domain.characterLevel());
    }

    /** What bits are counted per ({@code char}, or the unit), if bits are reported. */
    public Optional<String> bitsPer() {
        if (characterLevel) {
            return Optional.of("char");
        }
        return unit.equals("token") ? Optional.empty() : Optional.of(unit);
    }

    /** The metrics and summary key of the bits figure: {@code val_bpc}, or {@code val_bits_per_<unit>}. */
    public Optional<String> bitsKey() {
        return bitsPer().map(per -> per.equals("char") ? "val_bpc" : "val_bits_per_" + per);
    }
}
