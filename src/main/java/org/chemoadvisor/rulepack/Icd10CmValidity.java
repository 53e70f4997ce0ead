package org.chemoadvisor.rulepack;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.chemoadvisor.rules.Citation;

/**
 * When the ICD-10-CM codes the rules name are valid and billable. Covers only the codes it lists:
 * a code it does not know is neither valid nor invalid here ({@link #statusOn} is empty).
 */
public final class Icd10CmValidity implements Versioned {

    public static final Icd10CmValidity EMPTY = new Icd10CmValidity(List.of(), new Citation("ICD-10-CM validity", "none", null));

    /** What the table says about one code on one date of service. */
    public sealed interface Status {
        /** The period that holds the date, or the nearest one when none does. */
        Icd10CmPeriod period();
    }

    /** Valid and billable on the date. */
    public record Billable(Icd10CmPeriod period) implements Status {
    }

    /** A category on the date: it must be reported with one of {@code period().replacedBy()}. */
    public record Header(Icd10CmPeriod period) implements Status {
    }

    /** No longer valid: the last period ended before the date. */
    public record Ended(Icd10CmPeriod period) implements Status {
    }

    /** Not yet valid: the first period starts after the date. */
    public record NotYetValid(Icd10CmPeriod period) implements Status {
    }

    private final Map<String, List<Icd10CmPeriod>> byCode;
    private final Citation citation;

    public Icd10CmValidity(List<Icd10CmPeriod> periods, Citation citation) {
        Map<String, List<Icd10CmPeriod>> grouped = new HashMap<>();
        for (Icd10CmPeriod period : periods) {
            grouped.computeIfAbsent(period.normalizedCode(), k -> new ArrayList<>()).add(period);
        }
        grouped.replaceAll((code, list) -> list.stream().sorted(Comparator.comparing(
                (Icd10CmPeriod p) -> p.period().from(), Comparator.nullsFirst(Comparator.naturalOrder()))).toList());
        this.byCode = Map.copyOf(grouped);
        this.citation = citation;
    }

    /**
     * The code's status on the date of service; with no date, as the table stands today (a period
     * without an end). Empty when the table does not list the code.
     *
     * @param normalizedCode code without its dot, upper case
     */
    public Optional<Status> statusOn(String normalizedCode, LocalDate date) {
        List<Icd10CmPeriod> periods = byCode.get(normalizedCode);
        if (periods == null) {
            return Optional.empty();
        }
        for (Icd10CmPeriod period : periods) {
            if (period.period().covers(date)) {
                return Optional.of(period.billable() ? new Billable(period) : new Header(period));
            }
        }
        Icd10CmPeriod first = periods.get(0);
        if (date != null && first.period().from() != null && date.isBefore(first.period().from())) {
            return Optional.of(new NotYetValid(first));
        }
        return Optional.of(new Ended(periods.get(periods.size() - 1)));
    }

    public boolean isEmpty() {
        return byCode.isEmpty();
    }

    @Override
    public Citation citation() {
        return citation;
    }
}
