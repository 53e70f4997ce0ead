package org.chemoadvisor.rulepack;

import java.time.LocalDate;

/**
 * When an edit applies. Either end may be open (null): the trimmed tables carry no dates, the
 * CMS quarterly files do.
 */
public record EffectivePeriod(LocalDate from, LocalDate to) {

    public static final EffectivePeriod ALWAYS = new EffectivePeriod(null, null);

    /**
     * True when the edit applies on the date. With no date of service, only an edit still in force
     * (no deletion date) applies: a full CMS history file also lists edits deleted years ago.
     */
    public boolean covers(LocalDate date) {
        if (date == null) {
            return to == null;
        }
        return (from == null || !date.isBefore(from)) && (to == null || !date.isAfter(to));
    }
}
