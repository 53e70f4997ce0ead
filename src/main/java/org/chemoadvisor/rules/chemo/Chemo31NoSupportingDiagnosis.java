package org.chemoadvisor.rules.chemo;

import java.util.List;
import java.util.Set;
import org.chemoadvisor.facts.CodingFacts;
import org.chemoadvisor.facts.Diagnosis;
import org.chemoadvisor.facts.ServiceLine;
import org.chemoadvisor.rulepack.CodeSets;
import org.chemoadvisor.rulepack.RulePack;
import org.chemoadvisor.rules.Citation;
import org.chemoadvisor.rules.Finding;
import org.chemoadvisor.rules.Fix;
import org.chemoadvisor.rules.FixAction;
import org.chemoadvisor.rules.Rule;
import org.chemoadvisor.rules.Severity;

/**
 * CHEMO-31: chemodenervation of limbs or trunk with no diagnosis on the claim or encounter that
 * supports it (spasticity or dystonia of a limb or the trunk). Paraplegia and monoplegia count
 * only together with a muscle spasm diagnosis. Warning under both profiles: coverage policies
 * differ, but a claim without any supporting diagnosis is denied by most.
 */
public final class Chemo31NoSupportingDiagnosis implements Rule {

    public static final String ID = "CHEMO-31";
    /**
     * Canonical URL of the default value set
     * (fhir-resources/ValueSet-chemodenervation-supporting-diagnoses.json). A payer may have its
     * own: the finding names the set the pack holds.
     */
    public static final String VALUE_SET = "http://chemoadvisor.org/fhir/ValueSet/chemodenervation-supporting-diagnoses";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Finding> evaluate(CodingFacts day, RulePack pack) {
        List<ServiceLine> lines = GuidanceLines.inSet(day, pack, CodeSets.LIMB_AND_TRUNK);
        if (lines.isEmpty() || supported(day.diagnoses(), pack.codeSets())) {
            return List.of();
        }
        return List.of(finding(day, lines.get(0), pack));
    }

    static boolean supported(List<Diagnosis> diagnoses, CodeSets sets) {
        boolean spasm = diagnoses.stream()
                .anyMatch(d -> sets.containsPrefixOf(CodeSets.MUSCLE_SPASM_DIAGNOSIS, d.normalizedCode()));
        return diagnoses.stream().map(Diagnosis::normalizedCode).anyMatch(code ->
                sets.containsPrefixOf(CodeSets.SUPPORTING_DIAGNOSIS, code)
                        || spasm && sets.containsPrefixOf(CodeSets.SUPPORTING_DIAGNOSIS_WITH_SPASM, code));
    }

    private Finding finding(CodingFacts day, ServiceLine line, RulePack pack) {
        CodeSets sets = pack.codeSets();
        Citation supporting = sets.citation(CodeSets.SUPPORTING_DIAGNOSIS);
        String valueSet = supporting.url() == null || supporting.url().isBlank() ? VALUE_SET : supporting.url();
        List<Citation> citations = List.of(supporting, sets.citation(CodeSets.SUPPORTING_DIAGNOSIS_WITH_SPASM),
                sets.citation(CodeSets.MUSCLE_SPASM_DIAGNOSIS)).stream().distinct().toList();
        String found = day.diagnoses().isEmpty() ? "no diagnosis at all"
                : "only " + String.join(", ", day.diagnoses().stream().map(Diagnosis::code).toList());
        String detail = "**What:** limb or trunk chemodenervation (" + line.code() + ") is reported with "
                + found + ".\n\n"
                + "**Why:** payers cover limb and trunk chemodenervation for spasticity or dystonia: e.g. "
                + "cerebral palsy, spastic hemiplegia, limb paralysis after stroke, hereditary spastic "
                + "paraplegia, multiple sclerosis, dystonia, or paraplegia/monoplegia together with muscle "
                + "spasm. Without such a diagnosis the claim is likely denied.\n\n"
                + "**Source:** value set " + valueSet + "; "
                + String.join("; ", citations.stream().map(Citation::toString).toList()) + ".";
        return new Finding(ID, Severity.WARNING,
                "Chemodenervation " + line.code() + " without a supporting diagnosis",
                detail,
                citations,
                List.of(line.paths().code()),
                Fix.of("Link the documented diagnosis that supports the injections (spasticity or dystonia)",
                        new FixAction.LinkDiagnosis(line.index(), valueSet)),
                Set.of());
    }
}
