package org.chemoadvisor.rulepack;

/**
 * Medicare physician fee schedule indicators of a code. Bilateral surgery indicator 0 means
 * modifier 50 / the bilateral payment adjustment does not apply.
 */
public record MpfsIndicator(String code, String modifier, String status, String pcTcIndicator, String globalDays,
        String multipleProcedureIndicator, String bilateralSurgeryIndicator) {
}
