package org.chemoadvisor.rules.chemo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.chemoadvisor.facts.CodingFacts;
import org.chemoadvisor.facts.Diagnosis;
import org.chemoadvisor.rulepack.CodeSets;
import org.chemoadvisor.rulepack.Icd10CmPeriod;
import org.chemoadvisor.rulepack.Icd10CmValidity;
import org.chemoadvisor.rulepack.RulePack;
import org.chemoadvisor.rules.Citation;
import org.chemoadvisor.rules.Finding;
import org.chemoadvisor.rules.Fix;
import org.chemoadvisor.rules.Rule;
import org.chemoadvisor.rules.Severity;

/**
 * CHEMO-35: a diagnosis on a chemodenervation or toxin claim that is not a valid, billable
 * ICD-10-CM code on the date of service: a category that needs more characters (R51, M54.5, G35
 * since 2025-10-01), a code no longer valid, or one not valid yet. Only the codes the rule pack's
 * ICD-10-CM table lists are checked. A day without a date is checked as the code set stands now
 * (the service checks claims going out now). Error under both profiles: HIPAA names ICD-10-CM as
 * the diagnosis code set, and payers reject a claim with a code not valid on its date of service.
 */
public final class Chemo35DiagnosisNotValidOnDateOfService implements Rule {

    public static final String ID = "CHEMO-35";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Finding> evaluate(CodingFacts day, RulePack pack) {
        Icd10CmValidity table = pack.icd10cm();
        if (table.isEmpty() || day.diagnoses().isEmpty() || !concerned(day, pack.codeSets())) {
            return List.of();
        }
        LocalDate date = GuidanceLines.dateOf(day.lines());
        List<Finding> findings = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Diagnosis diagnosis : day.diagnoses()) {
            if (!seen.add(diagnosis.normalizedCode())) {
                continue;
            }
            Optional<Icd10CmValidity.Status> status = table.statusOn(diagnosis.normalizedCode(), date);
            if (status.isPresent() && !(status.get() instanceof Icd10CmValidity.Billable)) {
                findings.add(finding(diagnosis, status.get(), date, pack));
            }
        }
        return findings;
    }

    private static boolean concerned(CodingFacts day, CodeSets sets) {
        return day.lines().stream().anyMatch(l -> sets.contains(CodeSets.CHEMODENERVATION, l.code())
                || sets.contains(CodeSets.TOXIN, l.code()));
    }

    private Finding finding(Diagnosis diagnosis, Icd10CmValidity.Status status, LocalDate date, RulePack pack) {
        Icd10CmPeriod period = status.period();
        String code = diagnosis.code();
        String on = date == null ? "now (no date of service given: checked against the current code set)" : "on " + date;
        String replacements = String.join(", ", period.replacedBy());
        String what;
        String summary;
        if (status instanceof Icd10CmValidity.Header) {
            what = code + " is a category, not a billable code, " + on + ": it has subcodes"
                    + (period.period().from() == null ? "" : " (since " + period.period().from() + ")");
            summary = "Diagnosis " + code + " is a category, not billable " + (date == null ? "now" : "on " + date);
        } else if (status instanceof Icd10CmValidity.NotYetValid) {
            what = code + " is not a valid ICD-10-CM code " + on + ": it is valid from " + period.period().from();
            summary = "Diagnosis " + code + " is not valid before " + period.period().from();
        } else {
            what = code + " is no longer a valid ICD-10-CM code " + on + ": its last day was " + period.period().to();
            summary = "Diagnosis " + code + " is not valid after " + period.period().to();
        }
        String instead = replacements.isEmpty() ? "" : " Report the code that fits the documentation: " + replacements + ".";
        String detail = "**What:** " + what + (period.note().isBlank() ? "" : " (" + period.note() + ")") + "." + instead
                + "\n\n**Why:** HIPAA names ICD-10-CM, as it stands on the date of service, as the code set for "
                + "diagnoses; a claim with a category or an expired code is rejected before it is priced, and a "
                + "diagnosis that is not valid cannot support the service.\n\n"
                + "**Source:** " + period.source() + "; " + pack.icd10cm().citation() + ".";
        Citation citation = new Citation(period.source(), pack.icd10cm().citation().version(),
                pack.icd10cm().citation().url());
        return new Finding(ID, Severity.ERROR, summary, detail, List.of(citation, pack.icd10cm().citation()),
                List.of(diagnosis.path()),
                Fix.advice(replacements.isEmpty() ? "Replace " + code + " with the code valid on the date of service"
                        : "Replace " + code + " with " + (period.replacedBy().size() == 1 ? "" : "one of ")
                                + replacements + ", as documented"),
                Set.of("DIAGNOSIS-VALID:" + diagnosis.normalizedCode()));
    }
}
