package org.chemoadvisor.rules.chemo;

import java.util.List;
import java.util.Set;
import org.chemoadvisor.facts.CodingFacts;
import org.chemoadvisor.facts.ServiceLine;
import org.chemoadvisor.rulepack.CodeSets;
import org.chemoadvisor.rulepack.RulePack;
import org.chemoadvisor.rules.Finding;
import org.chemoadvisor.rules.Fix;
import org.chemoadvisor.rules.Rule;
import org.chemoadvisor.rules.Severity;

/**
 * CHEMO-32: chemodenervation in the office (a code of the {@code drug-line-expected} set: face,
 * migraine, neck, limbs and trunk) on a professional claim with no toxin drug line. Information only: the drug may have come from a specialty pharmacy, in which case
 * the office does not bill it.
 */
public final class Chemo32NoToxinDrugLineInOffice implements Rule {

    public static final String ID = "CHEMO-32";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Finding> evaluate(CodingFacts day, RulePack pack) {
        if (!day.professional() || GuidanceLines.anyInSet(day, pack, CodeSets.TOXIN)) {
            return List.of();
        }
        List<ServiceLine> inOffice = GuidanceLines.inSet(day, pack, CodeSets.DRUG_LINE_EXPECTED).stream()
                .filter(l -> pack.codeSets().contains(CodeSets.OFFICE_POS, day.placeOfServiceOf(l)))
                .toList();
        if (inOffice.isEmpty()) {
            return List.of();
        }
        return List.of(finding(day, inOffice.get(0), GuidanceLines.codes(inOffice), pack));
    }

    // The key names the chemodenervation codes, so that order-select places the card on those orders.
    private Finding finding(CodingFacts day, ServiceLine line, Set<String> codes, RulePack pack) {
        String detail = "**What:** chemodenervation " + line.code() + " is reported in the office (place of "
                + "service " + day.placeOfServiceOf(line) + ") with no botulinum toxin drug line.\n\n"
                + "**Why:** when the office bought the toxin, the drug is billed on its own line (HCPCS J-code, "
                + "units in the code's billing unit, JW or JZ). When the drug came from a pharmacy, nothing "
                + "is missing.\n\n"
                + "**Source:** " + pack.codeSets().citation(CodeSets.TOXIN) + "; "
                + pack.codeSets().citation(CodeSets.OFFICE_POS) + "; " + pack.codeSets().citation() + ", set `"
                + CodeSets.DRUG_LINE_EXPECTED + "`.";
        return new Finding(ID, Severity.INFORMATION,
                "Office chemodenervation " + line.code() + " with no toxin drug line",
                detail,
                List.of(pack.codeSets().citation(CodeSets.TOXIN), pack.codeSets().citation(CodeSets.OFFICE_POS)),
                List.of(line.paths().code()),
                Fix.advice("If the office supplied the toxin, add the drug line: its J-code, units, and JZ "
                        + "(nothing discarded) or JW on a separate line for the discarded amount"),
                Set.of("TOXIN-LINE:" + String.join("+", codes)));
    }
}
