package org.chemoadvisor.rules.chemo;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.chemoadvisor.facts.CodingFacts;
import org.chemoadvisor.rulepack.DiagnosisSite;
import org.chemoadvisor.rulepack.RulePack;
import org.chemoadvisor.rules.Citation;
import org.chemoadvisor.rules.Finding;
import org.chemoadvisor.rules.Fix;
import org.chemoadvisor.rules.FixAction;
import org.chemoadvisor.rules.Rule;
import org.chemoadvisor.rules.Severity;

/**
 * CHEMO-36: the diagnoses that count for a chemodenervation line support another site only
 * (blepharospasm on a limb line, torticollis on a trunk line). A sharper CHEMO-31: the likely slip
 * is a wrong pointer or a wrong code, and the finding names the site the diagnosis does support.
 * Warning under both profiles, as CHEMO-31.
 */
public final class Chemo36DiagnosisForAnotherSite implements Rule {

    public static final String ID = "CHEMO-36";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Finding> evaluate(CodingFacts day, RulePack pack) {
        return DiagnosisSupport.bySite(day, pack).stream()
                .filter(v -> v.kind() == DiagnosisSupport.Kind.OTHER_SITE)
                .map(v -> finding(v, pack))
                .toList();
    }

    private Finding finding(DiagnosisSupport.Verdict v, RulePack pack) {
        DiagnosisSite site = v.site();
        String valueSet = Chemo31NoSupportingDiagnosis.valueSetUrl(site, pack.codeSets());
        String others = String.join(" or ", v.otherSites().stream().map(DiagnosisSite::label).toList());
        String otherCodes = String.join(", ", v.otherSites().stream()
                .flatMap(o -> pack.codeSets().codes(o.procedures()).stream()).sorted().toList());
        List<Citation> citations = Stream.concat(Chemo31NoSupportingDiagnosis.citations(site, pack).stream(),
                v.otherSites().stream().map(o -> pack.codeSets().citation(o.supporting()))).distinct().toList();
        String elsewhere = v.elsewhere().isEmpty() ? ""
                : " The claim also holds " + DiagnosisSupport.codes(v.elsewhere()) + ", which does support it; the line "
                        + "does not point at it.";
        String detail = "**What:** chemodenervation of the " + site.label() + " (" + v.line().code() + ") counts "
                + Chemo31NoSupportingDiagnosis.counting(v) + ": a diagnosis for chemodenervation of the " + others
                + " (" + otherCodes + "), not of the " + site.label() + "." + elsewhere + "\n\n"
                + "**Why:** the diagnosis on a line must be the reason for that service. A site-specific diagnosis "
                + "(blepharospasm, torticollis, chronic migraine) does not make injections elsewhere medically "
                + "necessary; payers deny the line, and a wrong pointer is the usual cause.\n\n"
                + "**Source:** " + String.join("; ", citations.stream().map(Citation::toString).toList()) + ".";
        String label = v.elsewhere().isEmpty()
                ? "Link the diagnosis that supports chemodenervation of the " + site.label() + " (" + valueSet + ")"
                : "Point " + v.line().code() + " at " + DiagnosisSupport.codes(v.elsewhere());
        return new Finding(ID, Severity.WARNING,
                v.line().code() + " has a diagnosis for the " + others + ", not the " + site.label(),
                detail, citations, List.of(v.line().paths().code()),
                Fix.of(label, new FixAction.LinkDiagnosis(v.line().index(), valueSet)),
                Set.of());
    }
}
