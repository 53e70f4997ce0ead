package org.chemoadvisor.rulepack;

import java.util.List;
import java.util.Objects;

/**
 * One ICD-10-CM code over one period of its life: valid and billable, or a category (header) that
 * needs more characters.
 *
 * @param code        the code as published, with its dot
 * @param period      first and last dates of service of this period (inclusive)
 * @param billable    false for a category that has subcodes
 * @param replacedBy  the codes to report instead (for a category, its subcodes), as published
 * @param note        a paraphrase of what the code stands for
 * @param source      the code table or addenda the row rests on
 */
public record Icd10CmPeriod(String code, EffectivePeriod period, boolean billable, List<String> replacedBy,
        String note, String source) {

    public Icd10CmPeriod {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(period, "period");
        replacedBy = List.copyOf(replacedBy == null ? List.of() : replacedBy);
    }

    /** The code without its dot, upper case, as diagnoses are matched. */
    public String normalizedCode() {
        return code.replace(".", "").toUpperCase(java.util.Locale.ROOT);
    }
}
