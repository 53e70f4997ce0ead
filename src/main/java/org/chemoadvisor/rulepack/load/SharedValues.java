package org.chemoadvisor.rulepack.load;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.chemoadvisor.rulepack.EffectivePeriod;

/**
 * One instance per load: equal codes, rationale texts and effective periods become one object.
 * A full PTP file holds about a million rows over some fifteen thousand codes, a score of
 * rationales and a few hundred date pairs, so sharing them keeps the loaded pack small.
 */
final class SharedValues {

    private final Map<Object, Object> values = new HashMap<>();
    private final CmsDates dates = new CmsDates();

    /** The shared copy of a text; empty (never null) when there is none, as the tables read before. */
    String text(String value) {
        return value == null || value.isEmpty() ? "" : share(value);
    }

    EffectivePeriod period(LocalDate from, LocalDate to) {
        if (from == null && to == null) {
            return EffectivePeriod.ALWAYS;
        }
        return share(new EffectivePeriod(from, to));
    }

    CmsDates dates() {
        return dates;
    }

    @SuppressWarnings("unchecked")
    private <T> T share(T value) {
        Object existing = values.putIfAbsent(value, value);
        return existing == null ? value : (T) existing;
    }
}
