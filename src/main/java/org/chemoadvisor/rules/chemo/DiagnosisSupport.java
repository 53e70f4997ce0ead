package org.chemoadvisor.rules.chemo;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.chemoadvisor.facts.CodingFacts;
import org.chemoadvisor.facts.Diagnosis;
import org.chemoadvisor.facts.ServiceLine;
import org.chemoadvisor.rulepack.CodeSets;
import org.chemoadvisor.rulepack.DiagnosisSite;
import org.chemoadvisor.rulepack.Icd10CmValidity;
import org.chemoadvisor.rulepack.RulePack;

/**
 * Which diagnoses count for a chemodenervation line, and whether they support its site
 * (CHEMO-31, CHEMO-36). A line that points at diagnoses (Claim.item.diagnosisSequence) counts only
 * those; a line that points at none (orders, claims without pointers) counts every diagnosis of the
 * claim or encounter.
 */
final class DiagnosisSupport {

    enum Kind { SUPPORTED, OTHER_SITE, UNSUPPORTED }

    /**
     * @param counted      the diagnoses that count for the line
     * @param pointed      true when the line points at its diagnoses
     * @param otherSites   for {@link Kind#OTHER_SITE}: the sites the counted diagnoses support instead
     * @param elsewhere    diagnoses of the claim the line does not point at that would support it
     */
    record Verdict(ServiceLine line, DiagnosisSite site, Kind kind, List<Diagnosis> counted, boolean pointed,
            List<DiagnosisSite> otherSites, List<Diagnosis> elsewhere) {
    }

    private DiagnosisSupport() {
    }

    /** One verdict per site with a chemodenervation line: the first line of the site that lacks support, else its first line. */
    static List<Verdict> bySite(CodingFacts day, RulePack pack) {
        return BY_SITE.get(day, pack);
    }

    private static final DayMemo<List<Verdict>> BY_SITE = new DayMemo<>(DiagnosisSupport::computeBySite);

    private static List<Verdict> computeBySite(CodingFacts day, RulePack pack) {
        Map<String, Verdict> bySite = new LinkedHashMap<>();
        for (ServiceLine line : day.lines()) {
            Optional<DiagnosisSite> site = pack.diagnosisSites().siteOf(line.code(), pack.codeSets());
            if (site.isEmpty()) {
                continue;
            }
            Verdict verdict = verdict(day, line, site.get(), pack);
            Verdict before = bySite.get(site.get().id());
            if (before == null || before.kind() == Kind.SUPPORTED && verdict.kind() != Kind.SUPPORTED) {
                bySite.put(site.get().id(), verdict);
            }
        }
        return List.copyOf(bySite.values());
    }

    static Verdict verdict(CodingFacts day, ServiceLine line, DiagnosisSite site, RulePack pack) {
        CodeSets sets = pack.codeSets();
        boolean pointed = !line.diagnosisCodes().isEmpty();
        List<Diagnosis> counted = pointed ? pointedAt(day, line) : day.diagnoses();
        if (supports(site, withReplacements(counted, line, pack), sets)) {
            return new Verdict(line, site, Kind.SUPPORTED, counted, pointed, List.of(), List.of());
        }
        List<Diagnosis> elsewhere = pointed ? day.diagnoses().stream()
                .filter(d -> !counted.contains(d) && supports(site, List.of(d), sets)).toList() : List.of();
        List<DiagnosisSite> otherSites = pack.diagnosisSites().all().stream()
                .filter(other -> !other.id().equals(site.id()))
                .filter(other -> withReplacements(counted, line, pack).stream()
                        .anyMatch(d -> sets.containsPrefixOf(other.supporting(), d.normalizedCode())))
                .toList();
        return new Verdict(line, site, otherSites.isEmpty() ? Kind.UNSUPPORTED : Kind.OTHER_SITE, counted, pointed,
                otherSites, elsewhere);
    }

    /**
     * The diagnoses with, for each one not valid on the line's date (a category such as G24 or G35),
     * the codes that replace it: a code CHEMO-35 reports is judged by what it becomes once corrected,
     * so one slip gets one finding.
     */
    private static List<Diagnosis> withReplacements(List<Diagnosis> diagnoses, ServiceLine line, RulePack pack) {
        List<Diagnosis> all = new ArrayList<>(diagnoses);
        for (Diagnosis diagnosis : diagnoses) {
            pack.icd10cm().statusOn(diagnosis.normalizedCode(), line.date())
                    .filter(status -> !(status instanceof Icd10CmValidity.Billable))
                    .ifPresent(status -> status.period().replacedBy()
                            .forEach(code -> all.add(new Diagnosis(code, diagnosis.system(), diagnosis.path()))));
        }
        return all;
    }

    static boolean supports(DiagnosisSite site, List<Diagnosis> diagnoses, CodeSets sets) {
        boolean alone = anyIn(diagnoses, site.supporting(), sets);
        if (alone || site.withSpasm() == null) {
            return alone;
        }
        return anyIn(diagnoses, site.withSpasm(), sets) && anyIn(diagnoses, site.spasm(), sets);
    }

    /** Whether a diagnosis falls under a prefix of the set (a loop: asked for every line of every claim). */
    private static boolean anyIn(List<Diagnosis> diagnoses, String setName, CodeSets sets) {
        for (int i = 0; i < diagnoses.size(); i++) {
            if (sets.containsPrefixOf(setName, diagnoses.get(i).normalizedCode())) {
                return true;
            }
        }
        return false;
    }

    private static List<Diagnosis> pointedAt(CodingFacts day, ServiceLine line) {
        Set<String> codes = new HashSet<>();
        for (String code : line.diagnosisCodes()) {
            codes.add(normalize(code));
        }
        List<Diagnosis> found = new ArrayList<>();
        Set<String> foundCodes = new HashSet<>();
        for (Diagnosis diagnosis : day.diagnoses()) {
            String code = diagnosis.normalizedCode();
            if (codes.contains(code)) {
                found.add(diagnosis);
                foundCodes.add(code);
            }
        }
        for (String code : line.diagnosisCodes()) {
            // A pointer the claim-level list does not hold still names a diagnosis of the line.
            if (foundCodes.add(normalize(code))) {
                found.add(new Diagnosis(code, null, line.paths().code()));
            }
        }
        return found;
    }

    private static String normalize(String code) {
        return new Diagnosis(code, null, null).normalizedCode();
    }

    static String codes(List<Diagnosis> diagnoses) {
        return String.join(", ", diagnoses.stream().map(Diagnosis::code).distinct().toList());
    }
}
