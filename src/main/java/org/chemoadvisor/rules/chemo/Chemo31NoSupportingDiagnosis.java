package org.chemoadvisor.rules.chemo;

import java.util.List;
import java.util.Set;
import org.chemoadvisor.facts.CodingFacts;
import org.chemoadvisor.rulepack.CodeSets;
import org.chemoadvisor.rulepack.DiagnosisSite;
import org.chemoadvisor.rulepack.RulePack;
import org.chemoadvisor.rules.Citation;
import org.chemoadvisor.rules.Finding;
import org.chemoadvisor.rules.Fix;
import org.chemoadvisor.rules.FixAction;
import org.chemoadvisor.rules.Rule;
import org.chemoadvisor.rules.Severity;

/**
 * CHEMO-31: chemodenervation with no diagnosis that supports its site (limbs or trunk, neck, face,
 * chronic migraine: the rule pack's diagnosis-sites table). A line counts the diagnoses it points
 * at, or all of them when it points at none. A diagnosis that supports another site is CHEMO-36's.
 * Warning under both profiles: coverage policies differ, but a claim without any supporting
 * diagnosis is denied by most.
 */
public final class Chemo31NoSupportingDiagnosis implements Rule {

    public static final String ID = "CHEMO-31";
    /**
     * Canonical URL of the default limb and trunk value set
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
        return DiagnosisSupport.bySite(day, pack).stream()
                .filter(v -> v.kind() == DiagnosisSupport.Kind.UNSUPPORTED)
                .map(v -> finding(v, day, pack))
                .toList();
    }

    static String valueSetUrl(DiagnosisSite site, CodeSets sets) {
        String url = sets.citation(site.supporting()).url();
        return url == null || url.isBlank() ? VALUE_SET : url;
    }

    static List<Citation> citations(DiagnosisSite site, RulePack pack) {
        CodeSets sets = pack.codeSets();
        List<Citation> citations = site.withSpasm() == null ? List.of(sets.citation(site.supporting()))
                : List.of(sets.citation(site.supporting()), sets.citation(site.withSpasm()), sets.citation(site.spasm()));
        return java.util.stream.Stream.concat(citations.stream(), java.util.stream.Stream.of(pack.diagnosisSites().citation()))
                .distinct().toList();
    }

    static String counting(DiagnosisSupport.Verdict v) {
        return v.pointed() ? "the diagnoses the line points at (" + DiagnosisSupport.codes(v.counted()) + ")"
                : v.counted().isEmpty() ? "no diagnosis at all (the line points at none, so every diagnosis of the claim "
                        + "or encounter counts)"
                : "only " + DiagnosisSupport.codes(v.counted()) + " (the line points at no diagnosis, so every "
                        + "diagnosis of the claim or encounter counts)";
    }

    private Finding finding(DiagnosisSupport.Verdict v, CodingFacts day, RulePack pack) {
        DiagnosisSite site = v.site();
        String valueSet = valueSetUrl(site, pack.codeSets());
        List<Citation> citations = citations(site, pack);
        String elsewhere = v.elsewhere().isEmpty() ? "" : " The claim does hold " + DiagnosisSupport.codes(v.elsewhere())
                + ", which supports it, but the line does not point at it.";
        String detail = "**What:** chemodenervation of the " + site.label() + " (" + v.line().code() + ") is reported with "
                + counting(v) + "." + elsewhere + "\n\n"
                + "**Why:** payers cover chemodenervation of the " + site.label() + " for the diagnoses of "
                + valueSet + why(site) + " Without one the line is likely denied.\n\n"
                + "**Source:** " + String.join("; ", citations.stream().map(Citation::toString).toList()) + ".";
        String label = v.elsewhere().isEmpty()
                ? "Link the documented diagnosis that supports chemodenervation of the " + site.label()
                : "Point " + v.line().code() + " at " + DiagnosisSupport.codes(v.elsewhere());
        return new Finding(ID, Severity.WARNING,
                "Chemodenervation " + v.line().code() + " without a diagnosis that supports the " + site.label(),
                detail, citations, List.of(v.line().paths().code()),
                Fix.of(label, new FixAction.LinkDiagnosis(v.line().index(), valueSet)),
                Set.of());
    }

    private static String why(DiagnosisSite site) {
        return site.withSpasm() == null ? "."
                : " (e.g. cerebral palsy, spastic hemiplegia, limb paralysis after stroke, hereditary spastic "
                        + "paraplegia, multiple sclerosis, limb dystonia; paraplegia or monoplegia only together with "
                        + "muscle spasm).";
    }
}
