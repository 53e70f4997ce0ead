package org.chemoadvisor.rulepack;

/**
 * An NCCI procedure-to-procedure pair. Modifier indicator 0: never together; 1: allowed with a
 * distinct-service modifier; 9: not applicable.
 */
public record PtpEdit(String column1, String column2, int modifierIndicator, String rationale, EffectivePeriod period) {
}
